import { describe, expect, it } from "vitest";
import { authHeaders, signIn, testAdmin } from "../helpers/auth";
import { api } from "../helpers/http";

const PAGES = ["/dashboard", "/dashboard/compare", "/dashboard/users", "/dashboard?industry=technology"];
const APIS = ["/api/v1/analytics/overview", "/api/v1/analytics/compare?a_industry=technology"];

describe("analyst access", () => {
  it.each(PAGES)("redirects an anonymous visitor from %s to the login page", async (path) => {
    const response = await api<string>(path);
    expect([303, 307]).toContain(response.status);
    expect(response.headers.get("location")).toMatch(/^\/login\?next=%2Fdashboard/);
  });

  it.each(APIS)("answers 401 to an anonymous call to %s, with no data", async (path) => {
    const response = await api<{ error: { code: string } }>(path);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthorized");
    expect(JSON.stringify(response.body)).not.toMatch(/heatmap|rows|complete/);
  });

  it("refuses a respondent's resume cookie and a forged session cookie", async () => {
    const saved = await api("/api/v1/surveys/ai-readiness/draft", { method: "PUT", body: { step: 1, answers: { industry: "telecom" } } });
    const resume = saved.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(resume).toContain("rr_resume_");
    for (const cookie of [resume, "radar.session_token=forged.signature", "__Secure-radar.session_token=forged.signature"]) {
      expect((await api(APIS[0]!, { cookie })).status).toBe(401);
      expect([303, 307]).toContain((await api(PAGES[0]!, { cookie })).status);
    }
  });

  it("signs in with an httpOnly, SameSite session cookie, and signs out server-side", async () => {
    const response = await api("/api/auth/sign-in/email", {
      method: "POST",
      body: { email: testAdmin.email, password: testAdmin.password },
      headers: authHeaders(),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("session_token")) ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0]!;
    expect((await api(APIS[0]!, { cookie })).status).toBe(200);
    const out = await api("/api/auth/sign-out", { method: "POST", body: {}, cookie, headers: authHeaders() });
    expect(out.status).toBe(200);
    expect((await api(APIS[0]!, { cookie })).status).toBe(401);
  });

  it("rotates the session on each login", async () => {
    const first = await signIn();
    const second = await signIn();
    expect(first).not.toBe(second);
  });

  it("rate-limits repeated failed logins from one address (429)", async () => {
    const headers = authHeaders();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await api("/api/auth/sign-in/email", {
        method: "POST",
        body: { email: testAdmin.email, password: "wrong-password-123" },
        headers,
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("refuses a cross-site login post", async () => {
    const r = await api("/api/auth/sign-in/email", {
      method: "POST",
      body: { email: testAdmin.email, password: testAdmin.password },
      headers: { ...authHeaders(), origin: "https://evil.example" },
    });
    expect(r.status).toBe(403);
  });

  it("has no public sign-up", async () => {
    const r = await api("/api/auth/sign-up/email", {
      method: "POST",
      body: { email: "intruder@example.com", password: "a-long-password-1", name: "X" },
      headers: authHeaders(),
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const login = await api("/api/auth/sign-in/email", {
      method: "POST",
      body: { email: "intruder@example.com", password: "a-long-password-1" },
      headers: authHeaders(),
    });
    expect(login.status).toBe(401);
  });

  it("refuses setup links once an admin exists", async () => {
    const page = await api<string>(`/setup?token=${"A".repeat(43)}`);
    expect(page.body).toContain("This setup link is not valid");
  });
});
