import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { clientIp, createAnalyst, type Account } from "../helpers/auth";
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
  // Addresses from a large range: better-auth allows 5 sign-ins a minute per address.
  const signIn = (email: string, password: string, from = clientIp()) =>
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
    // An account of its own: the test admin's failures in other suites share its counter.
    const account = await createAnalyst();
    for (let i = 0; i < LOW.loginFailures + 2; i++) expect((await signIn(account.email, account.password)).status).toBe(200);
  });

  /** A sign-in with a raw body of the given type, from a fresh address. */
  const signInRaw = (body: string, contentType: string) =>
    call<ErrorBody>(limitedUrl, "/api/auth/sign-in/email", {
      method: "POST",
      body,
      headers: { origin: origin(), "x-forwarded-for": ip(), "content-type": contentType },
    });
  const form = (account: Account) => new URLSearchParams({ email: account.email, password: account.password }).toString();
  const multipart = (account: Account) =>
    [
      "--b0undary",
      'Content-Disposition: form-data; name="email"',
      "",
      account.email,
      "--b0undary",
      'Content-Disposition: form-data; name="password"',
      "",
      account.password,
      "--b0undary--",
      "",
    ].join("\r\n");

  function expectRefused(result: { status: number; body: ErrorBody }, status: number, field: string) {
    expect(result.status).toBe(status);
    expect(result.body.error.fields.map((f) => f.path)).toEqual([field]);
  }

  it("refuse every body the limit cannot read (415 naming Content-Type, 413 naming body), so a locked account stays locked", async () => {
    const account = await createAnalyst();
    const wrong = { ...account, password: "a-wrong-guess-123" };
    // Before the account is locked: a form-encoded guess is not answered (no 401 to learn from), nor
    // is the right password in a form, in multipart, as text or padded past the size limit.
    expectRefused(await signInRaw(form(wrong), "application/x-www-form-urlencoded"), 415, "Content-Type");
    expectRefused(await signInRaw(form(account), "application/x-www-form-urlencoded;charset=UTF-8"), 415, "Content-Type");
    expectRefused(await signInRaw(multipart(account), "multipart/form-data; boundary=b0undary"), 415, "Content-Type");
    expectRefused(await signInRaw(JSON.stringify(account), "text/plain"), 415, "Content-Type");
    const padded = JSON.stringify({ ...account, padding: "x".repeat(17 * 1024) });
    expectRefused(await signInRaw(padded, "application/json"), 413, "body");
    // The same padding streamed without a Content-Length is cut off while it is read.
    const chunked = await fetch(`${limitedUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: origin(), "x-forwarded-for": ip(), "content-type": "application/json" },
      body: new Blob([padded]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);

    for (let i = 0; i < LOW.loginFailures; i++) expect((await signInRaw(JSON.stringify(wrong), "application/json")).status).toBe(401);
    expectLimited(await signInRaw(JSON.stringify(account), "application/json; charset=utf-8"), "email", 900);
    expectRefused(await signInRaw(form(account), "application/x-www-form-urlencoded"), 415, "Content-Type");
    expectLimited(await signInRaw(JSON.stringify(account), "application/json"), "email", 900);
    // Other spellings of the path reach no sign-in at all (Next.js redirects the trailing slash away).
    for (const path of ["/api/auth/sign-in/%65mail", "/api/auth/SIGN-IN/email", "/api/auth/sign-in/email/", "/api/auth//sign-in/email"]) {
      const other = await call(limitedUrl, path, { method: "POST", body: account, headers: { origin: origin(), "x-forwarded-for": ip() } });
      expect([308, 404, 429], path).toContain(other.status);
    }
  });

  it("count wrong passwords on change-password and verify-password against the same account as sign-in", async () => {
    const account = await createAnalyst();
    const signedIn = await signIn(account.email, account.password);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.includes("session_token"));
    const asAccount = (route: string, body: Record<string, unknown>) =>
      call<ErrorBody>(limitedUrl, route, { method: "POST", body, cookie, headers: { origin: origin(), "x-forwarded-for": ip() } });
    const change = (currentPassword: string) =>
      asAccount("/api/auth/change-password", { currentPassword, newPassword: "a-new-password-456" });
    const verify = (password: string) => asAccount("/api/auth/verify-password", { password });

    // One wrong guess on each endpoint (LOW.loginFailures = 3) uses up the account's allowance.
    expect((await signIn(account.email, "a-wrong-guess-123")).status).toBe(401);
    expect((await change("a-wrong-guess-456")).status).toBe(400);
    expect((await verify("a-wrong-guess-789")).status).toBe(400);
    expectLimited(await change(account.password), "currentPassword", 900);
    expectLimited(await verify(account.password), "password", 900);
    expectLimited(await signIn(account.email, account.password), "email", 900);
  });
});

describe("better-auth's per-address sign-in limit (5 a minute) follows TRUSTED_PROXY_HOPS", () => {
  let twoHops: TestServer;
  beforeAll(async () => {
    twoHops = await startTestServer({ DATABASE_URL: testEnv.databaseUrl, DB_POOL_SIZE: "1", TRUSTED_PROXY_HOPS: "2" });
  }, 90_000);
  afterAll(async () => {
    await twoHops.stop();
  });

  // What a client's request looks like behind one proxy (HOPS=1) or two (HOPS=2): whatever the
  // client put in X-Forwarded-For, then the client's address, then the first proxy's.
  const chains = {
    1: (client: string) => `${ip()}, ${client}`,
    2: (client: string) => `${ip()}, ${client}, 172.16.0.1`,
  };
  const cases = [
    { hops: 1 as const, base: () => limitedUrl },
    { hops: 2 as const, base: () => twoHops.baseUrl },
  ];

  const attempt = (
    base: string,
    forwardedFor: string,
    email = `nobody-${randomBytes(4).toString("hex")}@radar.test`,
    password = "a-wrong-guess-123",
  ) =>
    call(base, "/api/auth/sign-in/email", {
      method: "POST",
      body: { email, password },
      headers: { origin: new URL(base).origin, "x-forwarded-for": forwardedFor },
    });

  it.each(cases)(
    "HOPS=$hops: every client behind the proxies has its own bucket; a prefix it adds does not make a new one",
    async ({ hops, base }) => {
      const chain = chains[hops];
      const account = await createAnalyst();
      // Eight clients fail once each: a ninth still signs in with the right password.
      for (let i = 0; i < 8; i++) expect((await attempt(base(), chain(clientIp()))).status).toBe(401);
      expect((await attempt(base(), chain(clientIp()), account.email, account.password)).status).toBe(200);
      // One client, whatever it prepends, gets five attempts a minute.
      const client = clientIp();
      for (let i = 0; i < 5; i++) expect((await attempt(base(), chain(client))).status).toBe(401);
      expect((await attempt(base(), chain(client))).status).toBe(429);
      expect((await attempt(base(), chain(client), account.email, account.password)).status).toBe(429);
    },
  );
});
