// The production server answers anonymous API submissions itself (lib/server/fast-routes.ts)
// rather than through Next.js. Both must give the same answers: the same requests go to the
// production server and to plain `next start`, on the same database, and are compared.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, type ApiResult, type ErrorBody } from "../helpers/http";
import { startTestServer, type TestServer } from "../helpers/server";

const LIMIT = 4;
let production: TestServer;
let nextOnly: TestServer;
let slug: string;

beforeAll(async () => {
  ({ slug } = await createTestSurvey("fast"));
  // Separate secrets: each server hashes client addresses with its own key, so their rate-limit
  // counters for the same address are separate and each can be driven over its limit.
  const env = (secret: string) => ({
    DATABASE_URL: testEnv.databaseUrl,
    DB_POOL_SIZE: "1",
    RATE_LIMIT_SUBMISSIONS_PER_CLIENT: String(LIMIT),
    AUTH_SECRET: secret,
  });
  [production, nextOnly] = await Promise.all([
    startTestServer(env(randomBytes(32).toString("base64url"))),
    startTestServer(env(randomBytes(32).toString("base64url")), { nextOnly: true }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([production?.stop(), nextOnly?.stop()]);
  await closeTestPool();
});

function post(server: TestServer, init: { path?: string; headers?: Record<string, string>; body?: string }): Promise<ApiResult> {
  // A random client address as a proxy would report it; an empty value leaves the header out.
  return api(init.path ?? `/api/v1/surveys/${slug}/responses`, {
    baseUrl: server.baseUrl,
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
      ...init.headers,
    },
    body: init.body ?? JSON.stringify({ answers: validAnswers() }),
  });
}

const SECURITY_HEADERS = [
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "cache-control",
  "content-type",
  "retry-after",
];

/** What a client can rely on: status, error code and fields, and the security headers. */
function contract(answer: ApiResult) {
  const error = (answer.body as Partial<ErrorBody>).error;
  return {
    status: answer.status,
    error: error ? { code: error.code, message: error.message, fields: error.fields } : null,
    headers: Object.fromEntries(SECURITY_HEADERS.map((h) => [h, answer.headers.get(h)])),
  };
}

/** Sends the same request (a fresh Idempotency-Key unless given) to both servers. */
async function both(init: { path?: string; headers?: Record<string, string>; body?: string } = {}) {
  const [fast, reference] = [await post(production, init), await post(nextOnly, init)];
  return { fast, reference };
}

describe("the production server's own submissions route", () => {
  it("stores, replays and refuses exactly as Next.js's route does", async () => {
    const key = `fast-${randomUUID()}`;
    const other = validAnswers();
    other.ready_self = other.ready_self === 5 ? 4 : 5;
    const cases: { name: string; init: { path?: string; headers?: Record<string, string>; body?: string }; status: number }[] = [
      { name: "missing Idempotency-Key", init: {}, status: 400 },
      { name: "short Idempotency-Key", init: { headers: { "idempotency-key": "abc" } }, status: 400 },
      { name: "malformed JSON", init: { headers: { "idempotency-key": randomUUID() }, body: '{"answers":' }, status: 400 },
      {
        name: "not JSON",
        init: { headers: { "idempotency-key": randomUUID(), "content-type": "text/plain" }, body: "answers" },
        status: 415,
      },
      {
        name: "missing answers",
        init: { headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ answers: { industry: "retail" } }) },
        status: 400,
      },
      {
        name: "unknown field",
        init: { headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ answers: validAnswers(), extra: 1 }) },
        status: 400,
      },
      {
        name: "too large",
        init: { headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ answers: validAnswers(), pad: "x".repeat(70_000) }) },
        status: 413,
      },
      {
        name: "unknown survey",
        init: { path: "/api/v1/surveys/no-such-survey/responses", headers: { "idempotency-key": randomUUID() } },
        status: 404,
      },
      {
        name: "percent-escaped slug (left to Next.js)",
        init: { path: `/api/v1/surveys/${slug.replace("-", "%2D")}/responses`, headers: { "idempotency-key": randomUUID() } },
        status: 201,
      },
      {
        name: "cross-site write",
        init: { headers: { "idempotency-key": randomUUID(), origin: "https://evil.example", "sec-fetch-site": "cross-site" } },
        status: 403,
      },
    ];
    for (const { name, init, status } of cases) {
      const { fast, reference } = await both(init);
      expect(contract(fast), name).toEqual({ ...contract(reference), status });
    }

    // A repeat answers 200 with the first id; the same key with other answers is refused.
    const first = await both({ headers: { "idempotency-key": key } });
    expect([first.fast.status, first.reference.status]).toEqual([201, 200]);
    expect((first.fast.body as { id: string }).id).toBe((first.reference.body as { id: string }).id);
    const reused = await both({ headers: { "idempotency-key": key }, body: JSON.stringify({ answers: other }) });
    expect(contract(reused.fast)).toEqual(contract(reused.reference));
    expect(reused.fast.status).toBe(422);
    const { rows } = await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE submission_key = $1`, [
      `api:${key}`,
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it("counts a client without X-Forwarded-For by its connection's address, as Next.js does", async () => {
    const statuses = { fast: [] as number[], reference: [] as number[] };
    let last: { fast: ApiResult; reference: ApiResult } | undefined;
    for (let i = 0; i < LIMIT + 2; i++) {
      last = await both({ headers: { "x-forwarded-for": "", "idempotency-key": randomUUID() } });
      statuses.fast.push(last.fast.status);
      statuses.reference.push(last.reference.status);
    }
    // Each pair shares its Idempotency-Key, so Next's answers are repeats (200); repeats count too.
    expect(statuses).toEqual({
      fast: [...Array<number>(LIMIT).fill(201), 429, 429],
      reference: [...Array<number>(LIMIT).fill(200), 429, 429],
    });
    if (!last) throw new Error("no request sent");
    // Retry-After counts down the same window on both; it may differ by the second between them.
    const { headers: fastHeaders, ...fast } = contract(last.fast);
    const { headers: referenceHeaders, ...reference } = contract(last.reference);
    expect(fast).toEqual(reference);
    expect({ ...fastHeaders, "retry-after": null }).toEqual({ ...referenceHeaders, "retry-after": null });
    expect(Math.abs(Number(fastHeaders["retry-after"]) - Number(referenceHeaders["retry-after"]))).toBeLessThanOrEqual(1);
    // Another client, as a proxy reports it, is not affected.
    expect((await post(production, { headers: { "idempotency-key": randomUUID() } })).status).toBe(201);
  });
});
