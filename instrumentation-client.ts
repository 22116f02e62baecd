// Runs in the browser before the app's own modules (Next.js instrumentation-client convention).
// zod 4 probes once for eval support with `new Function("")` when it builds its first object
// schema; under our Content-Security-Policy (no 'unsafe-eval') the probe is refused and Chromium
// reports a CSP violation for every page that validates on the client. Jitless mode skips the
// probe and uses zod's interpreter, which validates the same way (our forms are small).
// zod reads its configuration from this global (zod/v4/core: globalConfig), so setting it here
// does not pull zod itself into every page's first download; the survey loads zod only when a
// respondent starts answering.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
