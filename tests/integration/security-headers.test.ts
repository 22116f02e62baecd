// Security headers on every page and API route (enumerated from app/), and a per-request CSP
// nonce that every script in the HTML carries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { authHeaders, signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, type ApiInit } from "../helpers/http";
import { discoverRoutes, expand } from "../helpers/routes";
import { startTestServer, type TestServer } from "../helpers/server";

let responseId = "";
let analystCookie = "";
const VALUES: Record<string, () => string> = {
  slug: () => SURVEY_SLUG,
  id: () => responseId,
  all: () => "get-session",
  code: () => "2026-Q4",
  survey: () => SURVEY_SLUG,
  wave: () => "2026-Q4",
};
const urlFor = (pattern: string) =>
  expand(pattern, (p, param) => [param === "id" && p.startsWith("/architectures") ? ARCHITECTURE_IDS[0] : (VALUES[param]?.() ?? "")])[0]!;

const routes = discoverRoutes();
// Patterns, filled inside each test (real ids come from the database in beforeAll).
const pages = routes.filter((r) => r.kind === "page").map((r) => r.pattern);
const apis = routes.filter((r) => r.kind === "api" && r.methods.includes("GET") && r.pattern.startsWith("/api/")).map((r) => r.pattern);
// Route handlers outside /api (the share image under /survey) get the pages' policy from proxy.ts.
const otherHandlers = routes
  .filter((r) => r.kind === "api" && r.methods.includes("GET") && !r.pattern.startsWith("/api/"))
  .map((r) => r.pattern);

beforeAll(async () => {
  const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM response WHERE status = 'complete' ORDER BY id LIMIT 1`);
  responseId = rows[0]!.id;
  analystCookie = await signIn();
});
afterAll(closeTestPool);

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStaticHeaders(headers: Headers, url: string) {
  expect(headers.get("x-content-type-options"), url).toBe("nosniff");
  expect(headers.get("referrer-policy"), url).toBe("strict-origin-when-cross-origin");
  expect(headers.get("x-frame-options"), url).toBe("DENY");
  expect(headers.get("permissions-policy"), url).toContain("camera=()");
  expect(headers.get("x-powered-by"), url).toBeNull();
}

/** The nonce of a page's policy, after checking the policy itself. */
function expectPagePolicy(headers: Headers, url: string): string {
  const csp = headers.get("content-security-policy");
  expect(csp, `${url} has no CSP`).toBeTruthy();
  expect(csp).not.toContain("unsafe-eval");
  const d = directives(csp!);
  expect(d.get("default-src"), url).toEqual(["'self'"]);
  expect(d.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(d.get("object-src"), url).toEqual(["'none'"]);
  expect(d.get("base-uri"), url).toEqual(["'self'"]);
  expect(d.get("form-action"), url).toEqual(["'self'"]);
  const scripts = d.get("script-src") ?? [];
  expect(scripts, url).toContain("'strict-dynamic'");
  expect(scripts, url).not.toContain("'unsafe-inline'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${url} has no script nonce`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  return nonce!;
}

function expectScriptsCarry(html: string, nonce: string, url: string) {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length, url).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, url).toContain(`nonce="${nonce}"`);
}

describe("security headers", () => {
  it.each(pages)("page %s: CSP with a fresh nonce on every script, and the static headers (anonymous and signed in)", async (pattern) => {
    const url = urlFor(pattern);
    for (const cookie of [undefined, analystCookie]) {
      const first = await api<string>(url, { cookie });
      const second = await api<string>(url, { cookie });
      expect(first.status, url).toBeLessThan(500);
      expectStaticHeaders(first.headers, url);
      const nonce = expectPagePolicy(first.headers, url);
      expect(expectPagePolicy(second.headers, url), "the nonce must differ per response").not.toBe(nonce);
      if (first.status === 200) expectScriptsCarry(first.body, nonce, url);
    }
  });

  it.each(apis)("API %s: a CSP that loads nothing, and the static headers", async (pattern) => {
    const url = urlFor(pattern);
    for (const cookie of [undefined, analystCookie]) {
      const response = await api(url, { cookie });
      expectStaticHeaders(response.headers, url);
      const d = directives(response.headers.get("content-security-policy") ?? "");
      expect(d.get("default-src"), url).toEqual(["'none'"]);
      expect(d.get("frame-ancestors"), url).toEqual(["'none'"]);
    }
  });

  it.each(otherHandlers)("route handler %s outside /api: the pages' policy and the static headers", async (pattern) => {
    const url = urlFor(pattern);
    for (const cookie of [undefined, analystCookie]) {
      const response = await api(url, { cookie });
      expect(response.status, url).toBeLessThan(500);
      expectStaticHeaders(response.headers, url);
      expectPagePolicy(response.headers, url);
    }
  });

  it("also covers not-found pages and error answers", async () => {
    for (const url of ["/no-such-page", "/survey/no-such-survey", "/api/v1/no-such-endpoint"]) {
      const response = await api<string>(url);
      expect(response.status, url).toBe(404);
      expectStaticHeaders(response.headers, url);
      expect(response.headers.get("content-security-policy"), url).toContain("frame-ancestors 'none'");
    }
    const refused = await api("/api/v1/surveys/ai-readiness/draft", {
      method: "PUT",
      body: {},
      headers: { origin: "https://evil.example" },
    });
    expect(refused.status).toBe(403);
    expectStaticHeaders(refused.headers, "403");
  });
});

describe("cookie-authenticated writes from other sites", () => {
  const evil: { name: string; headers: Record<string, string> }[] = [
    { name: "Origin of another site", headers: { origin: "https://evil.example" } },
    { name: "Origin null (sandboxed frame, redirect)", headers: { origin: "null" } },
    { name: "Sec-Fetch-Site: cross-site", headers: { "sec-fetch-site": "cross-site" } },
    { name: "Sec-Fetch-Site: same-site (a sibling subdomain)", headers: { "sec-fetch-site": "same-site" } },
    { name: "look-alike Origin", headers: { origin: "http://127.0.0.1.evil.example" } },
  ];
  const writes = routes.flatMap((r) =>
    r.methods.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m)).map((method) => ({ method, pattern: r.pattern })),
  );
  // Server actions are POSTs to the page that renders them.
  const actionPosts = routes.filter((r) => r.kind === "page").map((r) => ({ method: "POST", pattern: r.pattern }));

  it.each(evil)("refuses every POST/PUT/DELETE route and server-action post with $name (403)", async ({ headers }) => {
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const { method, pattern } of [...writes, ...actionPosts]) {
      const url = urlFor(pattern);
      const response = await api<{ error: { code: string } }>(url, {
        method,
        body: {},
        cookie: analystCookie,
        headers: { ...headers, "x-forwarded-for": authHeaders()["x-forwarded-for"], "next-action": "0".repeat(42) },
      });
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.body.error.code, `${method} ${url}`).toBe("cross_site_request");
    }
  });

  it("lets same-origin browser writes and header-less scripts through", async () => {
    const own = new URL(testEnv.baseUrl).origin;
    const browser = await api(`/api/v1/surveys/${SURVEY_SLUG}/draft`, {
      method: "PUT",
      body: { step: 1, answers: { industry: "telecom" } },
      headers: { origin: own, "sec-fetch-site": "same-origin" },
    });
    expect(browser.status).toBe(200);
    const script = await api(`/api/v1/surveys/${SURVEY_SLUG}/draft`, {
      method: "PUT",
      body: { step: 1, answers: { industry: "telecom" } },
    });
    expect(script.status).toBe(200);
  });
});

describe("transport security (HSTS) and the resume cookie's Secure flag follow APP_URL", () => {
  let https: TestServer;
  beforeAll(async () => {
    https = await startTestServer({ DATABASE_URL: testEnv.databaseUrl, APP_URL: "https://radar.example.test" });
  }, 90_000);
  afterAll(async () => {
    await https.stop();
  });

  // Pages, redirects, APIs, not-found and refused requests, the proxy's own 400, and the production
  // server's own submission route (its answers are built without Next.js).
  const probes: { name: string; url: string; init?: Omit<ApiInit, "baseUrl"> }[] = [
    { name: "home page", url: "/" },
    { name: "login page", url: "/login" },
    { name: "analyst page redirect", url: "/dashboard" },
    { name: "health API", url: "/api/health" },
    { name: "analyst API without a session", url: "/api/v1/analytics/overview" },
    { name: "bearer 401", url: "/api/v1/responses", init: { headers: { authorization: "Bearer nonsense" } } },
    { name: "not-found page", url: "/no-such-page" },
    { name: "public file", url: "/favicon.ico" },
    { name: "Next's static files", url: "/_next/static/chunks/no-such-chunk.js" },
    { name: "malformed path", url: "/survey/%C0%AF" },
    { name: "better-auth endpoint", url: "/api/auth/get-session" },
    {
      name: "cross-site write",
      url: `/api/v1/surveys/${SURVEY_SLUG}/draft`,
      init: { method: "PUT", body: {}, headers: { origin: "https://evil.example" } },
    },
    {
      name: "submission (the server's own route)",
      url: `/api/v1/surveys/${SURVEY_SLUG}/responses`,
      init: { method: "POST", body: { answers: null }, headers: { "idempotency-key": randomUUID() } },
    },
    {
      name: "cross-site submission (the server's own route)",
      url: `/api/v1/surveys/${SURVEY_SLUG}/responses`,
      init: { method: "POST", body: {}, headers: { origin: "https://evil.example" } },
    },
  ];

  it.each(probes)(
    "$name: Strict-Transport-Security for at least a year, subdomains included, when APP_URL is https",
    async ({ url, init }) => {
      const response = await api(url, { ...init, baseUrl: https.baseUrl });
      expect(response.status, url).toBeLessThan(500);
      const hsts = response.headers.get("strict-transport-security") ?? "";
      expect(Number(/(?:^|;)\s*max-age=(\d+)/i.exec(hsts)?.[1]), `${url}: ${hsts}`).toBeGreaterThanOrEqual(365 * 24 * 3600);
      expect(hsts.toLowerCase()).toContain("includesubdomains");
    },
  );

  it.each(probes)("$name: no Strict-Transport-Security when APP_URL is http", async ({ url, init }) => {
    const response = await api(url, init);
    expect(response.status, url).toBeLessThan(500);
    expect(response.headers.has("strict-transport-security"), url).toBe(false);
  });

  const saveDraft = (baseUrl: string, headers: Record<string, string> = {}) =>
    api(`/api/v1/surveys/${SURVEY_SLUG}/draft`, { method: "PUT", body: { step: 1, answers: { industry: "telecom" } }, headers, baseUrl });
  const resumeCookie = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith("rr_resume_")) ?? "";

  it("the resume cookie is Secure when APP_URL is https, whatever the request's scheme", async () => {
    const saved = await saveDraft(https.baseUrl);
    expect(saved.status).toBe(200);
    expect(resumeCookie(saved.headers)).toMatch(/;\s*Secure/i);
    expect(resumeCookie(saved.headers)).toMatch(/;\s*HttpOnly/i);
  });

  it("the resume cookie is not Secure when APP_URL is http, even if X-Forwarded-Proto claims https", async () => {
    const saved = await saveDraft(testEnv.baseUrl, { "x-forwarded-proto": "https" });
    expect(saved.status).toBe(200);
    expect(resumeCookie(saved.headers)).toMatch(/^rr_resume_/);
    expect(resumeCookie(saved.headers)).not.toMatch(/;\s*Secure/i);
  });
});
