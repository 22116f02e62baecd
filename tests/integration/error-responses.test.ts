// Provokes errors on purpose (bad JSON, bad parameters, unknown ids, malformed paths, forged
// server actions, a page whose database is gone) and checks that no answer carries a stack
// trace, a source path or SQL/driver details: errors name the offending field, nothing more.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { deadDatabaseServerForSuite } from "../helpers/server";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, signIn } from "../helpers/auth";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";

// React's own reply encoder, as Next's client calls it for a server action (no type declarations).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const LEAKS: [string, RegExp][] = [
  ["stack frame", /\n\s+at [^\n]+[(:]\d+/],
  ["stack frame", /\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)/],
  ["source position", /\.(?:ts|tsx|js|mjs|cjs):\d+/],
  ["node_modules path", /node_modules/],
  ["server path", /\/(?:work|home|app|usr|tmp)\/[\w./-]+/],
  ["SQL", /\b(?:SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|COPY \()\b/],
  ["ORM", /prisma/i],
  [
    "PostgreSQL error",
    /relation "|syntax error at or near|invalid input syntax for|violates (?:unique|check|foreign key) constraint|ECONNREFUSED/i,
  ],
  ["JS error class", /\b(?:TypeError|RangeError|ReferenceError|PrismaClient\w*Error)\b/],
];

function expectNoLeak(body: unknown, what: string) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  for (const [name, pattern] of LEAKS) expect(text, `${what} leaks a ${name}: ${text.match(pattern)?.[0]}`).not.toMatch(pattern);
}

let analystCookie = "";
beforeAll(async () => {
  analystCookie = await signIn();
});

interface Probe {
  name: string;
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  analyst?: boolean;
  /** Expected status range. */
  status: [number, number];
}

const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
const PROBES: Probe[] = [
  // Survey API (anonymous)
  {
    name: "draft: malformed JSON",
    method: "PUT",
    url: "/api/v1/surveys/ai-readiness/draft",
    body: '{"step": 1, "answers": {',
    status: [400, 400],
  },
  {
    name: "draft: wrong content type",
    method: "PUT",
    url: "/api/v1/surveys/ai-readiness/draft",
    body: "step=1",
    headers: { "content-type": "text/plain" },
    status: [415, 415],
  },
  {
    name: "draft: empty body",
    method: "PUT",
    url: "/api/v1/surveys/ai-readiness/draft",
    body: "",
    headers: { "content-type": "application/json" },
    status: [400, 400],
  },
  {
    name: "draft: body over the limit",
    method: "PUT",
    url: "/api/v1/surveys/ai-readiness/draft",
    body: { step: 1, answers: { distributed_help: "x".repeat(70_000) } },
    status: [413, 413],
  },
  { name: "draft: deeply nested JSON", method: "PUT", url: "/api/v1/surveys/ai-readiness/draft", body: deep, status: [400, 400] },
  {
    name: "draft: wrong types",
    method: "PUT",
    url: "/api/v1/surveys/ai-readiness/draft",
    body: { step: "one", answers: { industry: 5, ready_self: "x", __proto__: { admin: true } } },
    status: [400, 400],
  },
  { name: "draft: unknown survey", method: "GET", url: "/api/v1/surveys/no-such-survey/draft", status: [404, 404] },
  {
    name: "draft: slug with odd characters",
    method: "GET",
    url: `/api/v1/surveys/${encodeURIComponent("a'b\"c;<x>")}/draft`,
    status: [400, 404],
  },
  { name: "draft: very long slug", method: "GET", url: `/api/v1/surveys/${"s".repeat(5000)}`, status: [400, 404] },
  {
    name: "submit: no draft cookie",
    method: "POST",
    url: "/api/v1/surveys/ai-readiness/draft/submit",
    body: { submissionId: randomUUID() },
    status: [400, 400],
  },
  {
    name: "submit: junk submission id",
    method: "POST",
    url: "/api/v1/surveys/ai-readiness/draft/submit",
    body: { submissionId: "'; DROP TABLE response; --" },
    status: [400, 400],
  },
  {
    name: "responses: no Idempotency-Key",
    method: "POST",
    url: "/api/v1/surveys/ai-readiness/responses",
    body: { answers: {} },
    status: [400, 400],
  },
  {
    name: "responses: body is an array",
    method: "POST",
    url: "/api/v1/surveys/ai-readiness/responses",
    body: [1, 2],
    headers: { "idempotency-key": randomUUID() },
    status: [400, 400],
  },
  {
    name: "responses: answers null",
    method: "POST",
    url: "/api/v1/surveys/ai-readiness/responses",
    body: { answers: null },
    headers: { "idempotency-key": randomUUID() },
    status: [400, 400],
  },
  {
    name: "responses: control characters in the key",
    method: "POST",
    url: "/api/v1/surveys/ai-readiness/responses",
    body: { answers: {} },
    headers: { "idempotency-key": "abc\tdefgh" },
    status: [400, 400],
  },
  // Auth endpoints
  { name: "sign-in: malformed JSON", method: "POST", url: "/api/auth/sign-in/email", body: '{"email":', status: [400, 499] },
  {
    name: "sign-in: email as an object",
    method: "POST",
    url: "/api/auth/sign-in/email",
    body: { email: { $ne: null }, password: ["x"] },
    status: [400, 499],
  },
  { name: "auth: unknown endpoint", method: "GET", url: "/api/auth/no-such-endpoint", status: [404, 404] },
  // Bearer tokens
  {
    name: "token: garbage bearer",
    method: "GET",
    url: "/api/v1/responses",
    headers: { authorization: "Bearer ' OR 1=1 --" },
    status: [401, 401],
  },
  {
    name: "token: very long bearer",
    method: "GET",
    url: "/api/v1/responses",
    headers: { authorization: `Bearer rr_${"a".repeat(6000)}` },
    status: [401, 401],
  },
  {
    name: "token: other scheme",
    method: "GET",
    url: "/api/v1/analytics/overview",
    headers: { authorization: "Basic YWRtaW46YWRtaW4=" },
    status: [401, 401],
  },
  // Analyst APIs with bad parameters
  {
    name: "overview: unknown filter value",
    url: "/api/v1/analytics/overview?industry=%27%3B%20DROP%20TABLE%20response%3B--",
    analyst: true,
    status: [400, 400],
  },
  { name: "overview: impossible date", url: "/api/v1/analytics/overview?from=2026-02-31&to=yesterday", analyst: true, status: [400, 400] },
  { name: "overview: unknown wave", url: "/api/v1/analytics/overview?wave=1999-Q9", analyst: true, status: [400, 404] },
  {
    name: "compare: custom B without filters",
    url: "/api/v1/analytics/compare?b=custom&b_industry=%00",
    analyst: true,
    status: [400, 400],
  },
  {
    name: "responses: forged cursor",
    url: "/api/v1/responses?cursor=eyJ2IjoiMSBPUiAxPTEiLCJpZCI6Im5vdC1hLXV1aWQifQ",
    analyst: true,
    status: [400, 400],
  },
  {
    name: "responses: bad sort, dir and limit",
    url: "/api/v1/responses?sort=id%3B--&dir=sideways&limit=1000000",
    analyst: true,
    status: [400, 400],
  },
  { name: "export: bad status", url: "/api/v1/exports/responses.csv?status=%27", analyst: true, status: [400, 400] },
  { name: "findings: null byte region", url: "/api/v1/analytics/findings?region=%00", analyst: true, status: [400, 400] },
  // Pages
  { name: "page: unknown response id", url: `/dashboard/responses/${randomUUID()}`, analyst: true, status: [404, 404] },
  { name: "page: malformed response id", url: "/dashboard/responses/not-a-uuid'--", analyst: true, status: [404, 404] },
  {
    name: "page: forged cursor",
    url: "/dashboard/responses?cursor=eyJ2IjoiMSBPUiAxPTEiLCJpZCI6Im5vdC1hLXV1aWQifQ",
    analyst: true,
    status: [200, 200],
  },
  { name: "page: junk filters", url: "/dashboard?from=2026-13-45&industry=%3Cscript%3E&wave=nope", analyst: true, status: [200, 200] },
  { name: "page: unknown survey", url: "/survey/no-such-survey", status: [404, 404] },
  { name: "page: malformed percent-encoding", url: "/survey/%C0%AF", status: [400, 400] },
  { name: "api: malformed percent-encoding", url: "/api/v1/surveys/%E0%A4%A", status: [400, 400] },
  { name: "api: unknown endpoint", url: "/api/v1/no-such-endpoint", status: [404, 404] },
  { name: "api: method not allowed", method: "DELETE", url: "/api/v1/responses", analyst: true, status: [405, 405] },
];

describe("error responses carry no internals", () => {
  it.each(PROBES)("$name", async (probe) => {
    const headers = { ...authHeaders(), ...probe.headers };
    const response = await api(probe.url, {
      method: probe.method ?? "GET",
      body: probe.body,
      headers,
      cookie: probe.analyst ? analystCookie : undefined,
    });
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBeGreaterThanOrEqual(probe.status[0]);
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBeLessThanOrEqual(probe.status[1]);
    expectNoLeak(response.body, probe.name);
    // JSON errors from our API name the offending field; nothing generic-looking hides a crash.
    if (probe.url.startsWith("/api/v1/") && response.status >= 400 && response.status !== 405 && typeof response.body === "object") {
      expect(response.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      expect((response.body as { error: { code: string } }).error.code).not.toBe("internal_error");
    }
  });

  it("a server action whose body Next cannot decode answers 4xx naming the problem; valid calls still run", async () => {
    // The "Create token" form's action (useActionState): its id is in the form's bound-action
    // descriptor, rendered for browsers without JavaScript (the page's $ACTION_ID_ is sign-out).
    const page = await api<string>("/dashboard/tokens", { cookie: analystCookie });
    const descriptor = page.body.match(/name="(\$ACTION_\d+):0" value="([^"]+)"/);
    const actionId = descriptor?.[2]?.replaceAll("&quot;", '"').match(/^\{"id":"([0-9a-f]+)"/)?.[1];
    expect(actionId).toBeTruthy();
    const call = (body: BodyInit, contentType?: string) =>
      fetch(`${testEnv.baseUrl}/dashboard/tokens`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: {
          cookie: analystCookie,
          origin: new URL(testEnv.baseUrl).origin,
          "next-action": actionId!,
          accept: "text/x-component",
          ...(contentType ? { "content-type": contentType } : {}),
        },
      });
    const TEXT = "text/plain;charset=UTF-8";
    const halfWritten = `half-written ${randomUUID()}`;
    const part = (name: string, value: string) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = `${part("_1_name", halfWritten)}${part("0", '[null,"$K1"]')}--B--\r\n`;
    const hostile: [string, BodyInit, string | undefined, number, string][] = [
      ["not JSON", "[[[[", TEXT, 400, "body"],
      ["an object, not the arguments", '{"0":"$Q-1"}', TEXT, 400, "body"],
      ["junk text", "x".repeat(10_000), TEXT, 400, "body"],
      ["huge nested arrays", deep, TEXT, 400, "body"],
      ["a reference to a part it lacks", '[null,"$Q1"]', TEXT, 400, "body[1]"],
      ["more arguments than Next takes", JSON.stringify(Array.from({ length: 1001 }, () => 0)), TEXT, 400, "body"],
      ["truncated multipart", multipart.slice(0, multipart.length - 20), "multipart/form-data; boundary=B", 400, "body"],
      ["multipart without its arguments", `${part("_1_name", halfWritten)}--B--\r\n`, "multipart/form-data; boundary=B", 400, "body.0"],
      ["multipart without a boundary", multipart, "multipart/form-data", 400, "Content-Type"],
      ["a JSON content type", "[]", "application/json", 415, "Content-Type"],
      ["a form-encoded body", "name=x", "application/x-www-form-urlencoded", 415, "Content-Type"],
      ["no content type", new Uint8Array(Buffer.from("[]")), undefined, 415, "Content-Type"],
      ["a body over the limit", JSON.stringify(["x".repeat(600_000)]), TEXT, 413, "body"],
    ];
    for (const [name, body, contentType, status, path] of hostile) {
      const response = await call(body, contentType);
      const text = await response.text();
      expect(response.status, `${name}: ${text.slice(0, 200)}`).toBe(status);
      expectNoLeak(text, `server action with ${name}`);
      const error = (JSON.parse(text) as ErrorBody).error;
      expect(error.fields[0]?.path.startsWith(path), `${name} names ${error.fields[0]?.path}`).toBe(true);
    }
    // Nothing of the refused calls ran: the half-written token's name is nowhere.
    expect((await api<string>("/dashboard/tokens", { cookie: analystCookie })).body).not.toContain(halfWritten);

    // Arguments that decode but are not the form: the action refuses them itself.
    for (const body of ["[null,1]", '["x",{"name":"y"}]', "[]"]) {
      const response = await call(body, TEXT);
      const text = await response.text();
      expect(response.status, `${body}: ${text.slice(0, 200)}`).toBe(200);
      expect(text).toContain("This form could not be read");
      expectNoLeak(text, `server action with arguments ${body}`);
    }
    // A valid call, encoded by React's own encodeReply as the browser sends it, still runs.
    const name = `probe ${randomUUID()}`;
    const form = new FormData();
    form.append("name", name);
    const encoded = await encodeReply([null, form]);
    expect(encoded).toBeInstanceOf(FormData);
    const created = await call(encoded as FormData);
    const flight = await created.text();
    expect(created.status, flight.slice(0, 200)).toBe(200);
    expect(flight).toMatch(/"ok":true/);
    expect(flight).toMatch(/rr_/);
    expect((await api<string>("/dashboard/tokens", { cookie: analystCookie })).body).toContain(name);

    // The same form posted without JavaScript (no Next-Action header): its fields as the page
    // renders them. Well-formed, it runs; with a broken bound-action descriptor, 400 before Next.
    const prefix = descriptor![1]!;
    const noScript = (fields: [string, string][]) => {
      const form = new FormData();
      for (const [key, value] of fields) form.append(key, value);
      return fetch(`${testEnv.baseUrl}/dashboard/tokens`, {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { cookie: analystCookie, origin: new URL(testEnv.baseUrl).origin },
      });
    };
    const plainName = `no-script ${randomUUID()}`;
    const ref = `$ACTION_REF_${prefix.slice("$ACTION_".length)}`;
    const described = `{"id":"${actionId}","bound":"$@1"}`;
    const plain = await noScript([
      [ref, ""],
      [`${prefix}:0`, described],
      [`${prefix}:1`, "[null]"],
      ["name", plainName],
    ]);
    expect(plain.status, (await plain.text()).slice(0, 200)).toBe(200);
    expect((await api<string>("/dashboard/tokens", { cookie: analystCookie })).body).toContain(plainName);
    const broken = await noScript([
      [ref, ""],
      [`${prefix}:0`, described],
      ["name", `broken ${randomUUID()}`],
    ]);
    const brokenText = await broken.text();
    expect(broken.status, brokenText.slice(0, 200)).toBe(400);
    expect((JSON.parse(brokenText) as ErrorBody).error.fields[0]?.path).toBe(`body.${prefix}:0.bound`);

    const unknown = await api<string>("/dashboard/tokens", {
      method: "POST",
      body: "[]",
      cookie: analystCookie,
      headers: { ...authHeaders(), "next-action": "7f".repeat(21), "content-type": "text/plain" },
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    expectNoLeak(unknown.body, "unknown server action");
  });
});

describe("a page that throws in production", () => {
  // A second production server whose database is unreachable: every page that queries throws.
  const dead = deadDatabaseServerForSuite();

  it.each(["/survey/ai-readiness", "/survey/ai-readiness/result", "/dashboard", "/dashboard/responses", "/dashboard/audit"])(
    "%s answers 503 with Retry-After (the database is down) and Next's error document: a digest, no details",
    async (url) => {
      // Dashboards with a valid session (same secret), so they reach the database to check it.
      const response = await fetch(`${dead.baseUrl}${url}`, { redirect: "manual", headers: { cookie: analystCookie } });
      const html = await response.text();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      // The visible "Something went wrong" comes from app/error.tsx after hydration (checked in
      // Chromium by tests/e2e/csp.test.ts); the server's HTML carries only an opaque digest.
      expect(html).toContain('id="__next_error__"');
      expect(html).toMatch(/digest/);
      expectNoLeak(html, url);
      expect(html).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:\d+\/none|nobody@/i);
    },
  );

  it("answers a page that needs no database as usual", async () => {
    expect((await fetch(`${dead.baseUrl}/`)).status).toBe(200);
  });

  it("its API answers 503 with a message, not the driver's error", async () => {
    const response = await fetch(`${dead.baseUrl}/api/v1/surveys/ai-readiness`);
    expect(response.status).toBe(503);
    expectNoLeak(await response.text(), "API on a dead database");
  });
});
