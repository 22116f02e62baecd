// Analyst sessions: cookie attributes, a new session on every sign-in with the previous one
// revoked, server-side sign-out (better-auth endpoint and the dashboard's server action), and
// server actions refusing cross-site posts.
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { authHeaders, signIn, testAdmin } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { actionForm, postAction } from "../helpers/actions";
import { api } from "../helpers/http";

afterAll(closeTestPool);

const PROBE_API = "/api/v1/analytics/overview";
const PROBE_PAGE = "/dashboard/tokens";
const own = () => new URL(testEnv.baseUrl).origin;

async function expectSignedIn(cookie: string) {
  expect((await api(PROBE_API, { cookie })).status).toBe(200);
}

async function expectSignedOut(cookie: string) {
  expect((await api(PROBE_API, { cookie })).status).toBe(401);
  const page = await api(PROBE_PAGE, { cookie });
  expect([303, 307]).toContain(page.status);
  expect(page.headers.get("location")).toMatch(/^\/login/);
}

const tokenOf = (cookie: string) => decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;

async function sessionRows(cookie: string): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM auth_session WHERE token = $1`, [tokenOf(cookie)]);
  return rows[0]!.n;
}

/** Signs in sending `cookie` along (as a browser that already holds one would). */
async function signInWith(cookie: string): Promise<string> {
  const response = await api("/api/auth/sign-in/email", {
    method: "POST",
    body: { email: testAdmin.email, password: testAdmin.password },
    cookie,
    headers: authHeaders(),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("radar.session_token="))!;
}

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, path /, expiring, and not Secure on this plain-http test server", async () => {
    const response = await api("/api/auth/sign-in/email", {
      method: "POST",
      body: { email: testAdmin.email, password: testAdmin.password },
      headers: authHeaders(),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(setCookie).toMatch(/^radar\.session_token=/);
    const attributes = setCookie
      .split(";")
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes.some((a) => a.startsWith("max-age="))).toBe(true);
    // Secure (and the __Secure- name) when APP_URL is https: tests/unit/auth-cookies.test.ts.
    expect(attributes).not.toContain("secure");
  });
});

describe("session rotation on sign-in", () => {
  it("issues a new token at each sign-in and revokes the one the browser held before", async () => {
    const before = await signIn();
    await expectSignedIn(before);
    const after = await signInWith(before);
    expect(tokenOf(after)).not.toBe(tokenOf(before));
    await expectSignedIn(after);
    await expectSignedOut(before);
    expect(await sessionRows(before)).toBe(0);
  });

  it("never adopts a session token planted before sign-in (fixation)", async () => {
    const planted = `radar.session_token=${randomBytes(24).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    const after = await signInWith(planted);
    expect(tokenOf(after)).not.toBe(tokenOf(planted));
    await expectSignedIn(after);
    await expectSignedOut(planted);
  });

  it("leaves sessions on other devices alone (a sign-in elsewhere is not a logout here)", async () => {
    const laptop = await signIn();
    const phone = await signIn();
    await expectSignedIn(laptop);
    await expectSignedIn(phone);
  });
});

describe("sign-out", () => {
  it("through better-auth deletes the session server-side: the old cookie replayed is refused", async () => {
    const cookie = await signIn();
    await expectSignedIn(cookie);
    const out = await api("/api/auth/sign-out", { method: "POST", body: {}, cookie, headers: authHeaders() });
    expect(out.status).toBe(200);
    expect(await sessionRows(cookie)).toBe(0);
    await expectSignedOut(cookie);
  });

  it("through better-auth works with no body at all, as a script would post it", async () => {
    const cookie = await signIn();
    const out = await api("/api/auth/sign-out", { method: "POST", cookie, headers: authHeaders() });
    expect(out.status).toBe(200);
    expect(await sessionRows(cookie)).toBe(0);
    // curl -X POST: not even a Content-Length (written by hand: Node's clients always add one).
    const again = await signIn();
    const url = new URL(testEnv.baseUrl);
    const head = [
      "POST /api/auth/sign-out HTTP/1.1",
      `Host: ${url.host}`,
      ...Object.entries({ ...authHeaders(), cookie: again }).map(([name, value]) => `${name}: ${value}`),
      "Connection: close",
      "",
      "",
    ].join("\r\n");
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(head));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
    expect(status).toBe(200);
    expect(await sessionRows(again)).toBe(0);
  });

  it("through the dashboard's Sign out button (a server action) does the same", async () => {
    const cookie = await signIn();
    const page = await api<string>(PROBE_PAGE, { cookie });
    const fields = actionForm(page.body, 'data-testid="signed-in-as"');
    expect(fields.some(([name]) => name.startsWith("$ACTION_ID_"))).toBe(true);
    const out = await postAction(PROBE_PAGE, fields, cookie, { origin: own() });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toMatch(/^\/login/);
    expect(await sessionRows(cookie)).toBe(0);
    await expectSignedOut(cookie);
  });
});

describe("server actions refuse cross-site posts", () => {
  const tokenCount = async (name: string) =>
    (await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM api_token WHERE name = $1`, [name])).rows[0]!.n;

  it("a cross-site Sign out post is refused and the session survives", async () => {
    const cookie = await signIn();
    const fields = actionForm((await api<string>(PROBE_PAGE, { cookie })).body, 'data-testid="signed-in-as"');
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of crossSite) {
      const response = await postAction(PROBE_PAGE, fields, cookie, headers);
      expect(response.status).toBe(403);
    }
    await expectSignedIn(cookie);
  });

  it("a cross-site 'Create token' post creates nothing; the same form from this site does", async () => {
    const cookie = await signIn();
    const fields = actionForm((await api<string>(PROBE_PAGE, { cookie })).body, "Create token");
    const name = `csrf-probe-${randomBytes(4).toString("hex")}`;
    const withName: [string, string][] = [...fields, ["name", name]];

    const forged = await postAction(PROBE_PAGE, withName, cookie, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await tokenCount(name)).toBe(0);

    const genuine = await postAction(PROBE_PAGE, withName, cookie, { origin: own() });
    expect(genuine.status).toBeLessThan(400);
    expect(await tokenCount(name)).toBe(1);
  });
});

describe("401 challenges (WWW-Authenticate)", () => {
  const challengeFor = async (init: { authorization?: string; cookie?: string }) => {
    const response = await api(PROBE_API, {
      headers: init.authorization ? { authorization: init.authorization } : {},
      cookie: init.cookie,
    });
    expect(response.status).toBe(401);
    return response.headers.get("www-authenticate") ?? "";
  };

  it("name the Bearer scheme, with error=invalid_token, when a wrong or revoked token was sent (RFC 6750)", async () => {
    const { createApiToken, revokeApiToken } = await import("@/lib/auth/tokens");
    const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM auth_user WHERE email = $1`, [testAdmin.email]);
    const { id, token } = await createApiToken(rows[0]!.id, "challenge test");
    await revokeApiToken(rows[0]!.id, id);
    for (const authorization of [`Bearer ${token}`, `Bearer rr_${"x".repeat(43)}`, "Bearer nonsense", "bearer  nonsense"]) {
      const challenge = await challengeFor({ authorization });
      expect(challenge, authorization).toMatch(/^Bearer\b/);
      expect(challenge, authorization).toContain('error="invalid_token"');
    }
  });

  it("name the Bearer scheme without an error when Authorization carries no bearer token", async () => {
    for (const authorization of ["Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer "]) {
      const challenge = await challengeFor({ authorization });
      expect(challenge, authorization).toMatch(/^Bearer\b/);
      expect(challenge, authorization).not.toContain("error=");
    }
  });

  it("keep the cookie challenge for requests without Authorization", async () => {
    expect(await challengeFor({})).toBe('Cookie realm="analysts"');
    expect(await challengeFor({ cookie: "radar.session_token=forged.signature" })).toBe('Cookie realm="analysts"');
  });
});
