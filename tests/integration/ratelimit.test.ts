import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { testAdmin } from "../helpers/auth";
import { closeTestPool, countResponses, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, cookieFrom, type ApiInit, type ErrorBody } from "../helpers/http";
import { startTestServer, type TestServer } from "../helpers/server";

// The main server runs the default limits (generous: an office NAT's burst must pass). A second
// server on the same database runs with low limits, to reach them quickly.
const LOW = { submissions: 5, draftPerRespondent: 4, loginFailures: 3 };
let limited: TestServer;
let limitedUrl: string;
let slug: string;
let waveId: string;

const ip = () => `192.0.2.${randomInt(1, 254)}`;

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("limits"));
  limited = await startTestServer({
    DATABASE_URL: testEnv.databaseUrl,
    DB_POOL_SIZE: "1",
    RATE_LIMIT_SUBMISSIONS_PER_CLIENT: String(LOW.submissions),
    RATE_LIMIT_DRAFT_SAVES_PER_RESPONDENT: String(LOW.draftPerRespondent),
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: String(LOW.loginFailures),
  });
  limitedUrl = limited.baseUrl;
}, 90_000);
afterAll(async () => {
  await limited.stop();
  await closeTestPool();
});

const call = <T = unknown>(baseUrl: string, route: string, init: Omit<ApiInit, "baseUrl"> = {}) => api<T>(route, { ...init, baseUrl });

const submit = (base: string, clientIp: string, forwardedFor = clientIp) =>
  call<{ id: string } & ErrorBody>(base, `/api/v1/surveys/${slug}/responses`, {
    method: "POST",
    body: { answers: validAnswers() },
    headers: { "Idempotency-Key": randomUUID(), "x-forwarded-for": forwardedFor },
  });

function expectLimited(result: { status: number; headers: Headers; body: unknown }, field: string, windowSeconds: number) {
  expect(result.status).toBe(429);
  const retryAfter = Number(result.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  const body = result.body as ErrorBody;
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.fields.map((f) => f.path)).toEqual([field]);
}

describe("default limits (main server)", () => {
  it("accept a burst of 50 submissions and 50 new drafts from one office address within a minute", async () => {
    const office = ip();
    const before = await countResponses(waveId);
    const submissions = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(`/api/v1/surveys/${slug}/responses`, {
          method: "POST",
          body: { answers: validAnswers() },
          headers: { "Idempotency-Key": randomUUID(), "x-forwarded-for": office },
        }),
      ),
    );
    expect(submissions.map((r) => r.status)).toEqual(Array(50).fill(201));
    const drafts = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(`/api/v1/surveys/${slug}/draft`, {
          method: "PUT",
          body: { step: 1, answers: { industry: "telecom" } },
          headers: { "x-forwarded-for": office },
        }),
      ),
    );
    expect(drafts.map((r) => r.status)).toEqual(Array(50).fill(200));
    const after = await countResponses(waveId);
    expect(after.complete - before.complete).toBe(50);
    expect(after.partial - before.partial).toBe(50);
  });
});

describe("submissions per client", () => {
  it("answer 429 with Retry-After after the limit, naming the client; other clients go on", async () => {
    const a = ip();
    for (let i = 0; i < LOW.submissions; i++) expect((await submit(limitedUrl, a)).status).toBe(201);
    const before = await countResponses(waveId);
    const over = await submit(limitedUrl, a);
    expectLimited(over, "client", 600);
    expect((await countResponses(waveId)).complete).toBe(before.complete);
    // Prepending addresses to X-Forwarded-For does not make a new client: the proxy's entry counts.
    expectLimited(await submit(limitedUrl, a, `${ip()}, 10.1.2.3, ${a}`), "client", 600);
    // The browser's submit shares the allowance.
    const draft = await call(limitedUrl, `/api/v1/surveys/${slug}/draft`, {
      method: "PUT",
      body: { step: instrumentV1.sections.length, answers: validAnswers() },
      headers: { "x-forwarded-for": a },
    });
    expect(draft.status).toBe(200);
    expectLimited(
      await call(limitedUrl, `/api/v1/surveys/${slug}/draft/submit`, {
        method: "POST",
        body: { submissionId: randomUUID() },
        headers: { "x-forwarded-for": a },
        cookie: cookieFrom(draft.headers),
      }),
      "client",
      600,
    );

    let b = ip();
    while (b === a) b = ip();
    expect((await submit(limitedUrl, b)).status).toBe(201);
  });

  it("never stores the client address, only a keyed hash of it", async () => {
    const { rows } = await testPool().query<{ bucket: string; subject: string }>(`SELECT bucket, subject FROM request_limit`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.subject).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(rows)).not.toMatch(/192\.0\.2\.|198\.51\.100\./);
  });
});

describe("draft saves per respondent", () => {
  it("limit one resume token more tightly than the address, without blocking its neighbours", async () => {
    const office = ip();
    const first = await call(limitedUrl, `/api/v1/surveys/${slug}/draft`, {
      method: "PUT",
      body: { step: 1, answers: { industry: "telecom" } },
      headers: { "x-forwarded-for": office },
    });
    expect(first.status).toBe(200);
    const cookie = cookieFrom(first.headers);
    for (let i = 0; i < LOW.draftPerRespondent; i++) {
      const saved = await call(limitedUrl, `/api/v1/surveys/${slug}/draft`, {
        method: "PUT",
        body: { step: 1, answers: { region: "east_asia" } },
        headers: { "x-forwarded-for": office },
        cookie,
      });
      expect(saved.status).toBe(200);
    }
    expectLimited(
      await call(limitedUrl, `/api/v1/surveys/${slug}/draft`, {
        method: "PUT",
        body: { step: 2, answers: {} },
        headers: { "x-forwarded-for": office },
        cookie,
      }),
      "resume_token",
      600,
    );
    // A colleague behind the same address saves normally.
    expect(
      (
        await call(limitedUrl, `/api/v1/surveys/${slug}/draft`, {
          method: "PUT",
          body: { step: 1, answers: {} },
          headers: { "x-forwarded-for": office },
        })
      ).status,
    ).toBe(200);
  });
});

describe("failed logins per account", () => {
  const origin = () => new URL(limitedUrl).origin;
  const signIn = (email: string, password: string, from = ip()) =>
    call<ErrorBody>(limitedUrl, "/api/auth/sign-in/email", {
      method: "POST",
      body: { email, password },
      headers: { origin: origin(), "x-forwarded-for": from },
    });

  it("stop an account's guesses from any number of addresses (429 naming the email), not other accounts", async () => {
    const target = `nobody-${randomBytes(4).toString("hex")}@radar.test`;
    for (let i = 0; i < LOW.loginFailures; i++) expect((await signIn(target, `guess-${i}-password`)).status).toBe(401);
    const blocked = await signIn(target.toUpperCase(), "yet-another-guess");
    expectLimited(blocked, "email", 900);
    expect(blocked.body.error.message).toMatch(/failed sign-ins/i);
    expect((await signIn(`other-${randomBytes(4).toString("hex")}@radar.test`, "some-password-1")).status).toBe(401);
  });

  it("do not count successful sign-ins", async () => {
    for (let i = 0; i < LOW.loginFailures + 2; i++) expect((await signIn(testAdmin.email, testAdmin.password)).status).toBe(200);
  });
});
