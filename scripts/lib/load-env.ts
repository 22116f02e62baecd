/**
 * Environment for app servers that scripts load from one machine (benchmarks, soak runs): the
 * per-address submission and draft limits are lifted so that the load, not the limits, is
 * measured. The counters are still updated on every request, so their cost stays in the figures.
 * The limits themselves are tested in tests/integration/ratelimit.test.ts.
 */
export const LOAD_TEST_APP_ENV = { RATE_LIMIT_SUBMISSIONS_PER_CLIENT: "1000000", RATE_LIMIT_DRAFT_SAVES_PER_CLIENT: "1000000" };
