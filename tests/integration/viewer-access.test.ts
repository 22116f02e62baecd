// The viewer role over HTTP: every declared API route (lib/api/registry.ts) and every dashboard page
// on disk is tried with a viewer's session, so a route or page added later is covered without
// anyone remembering to. Viewers get the aggregate views and their CSV exports; everything
// row-level (explorer, response detail, responses CSV, codebooks), API tokens and admin pages
// refuse them, and so do the server actions behind those pages.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_MENU } from "@/components/dashboard/menu";
import { API_ROUTES } from "@/lib/api/registry";
import { isSignedInAccess } from "@/lib/api/route";
import { createApiToken } from "@/lib/auth/tokens";
import { CURRENT_WAVE, SURVEY_SLUG } from "@/lib/survey/instrument";
import { actionForm, postAction } from "../helpers/actions";
import { authHeaders, createAnalyst, signIn, type Account } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api } from "../helpers/http";
import { discoverRoutes, fill } from "../helpers/routes";

/**
 * The API routes a viewer may call, each with why it is aggregate. Opening another route to
 * viewers means adding it here on purpose (the inventory test below fails until then).
 */
const VIEWER_APIS: Record<string, string> = {
  getOverview: "overview figures, small cells withheld",
  compareSegments: "segment comparison, small cells withheld",
  getTrends: "wave-by-wave aggregates",
  getFindings: "tested findings over cell aggregates",
  exportOverview: "the overview's tables as CSV",
  exportComparison: "the comparison as CSV",
  exportFindings: "the findings as CSV",
  exportTrends: "the trends as CSV",
};

/** The dashboard pages a viewer may open; every other page under /dashboard sends them to the overview. */
const VIEWER_PAGES = new Set([
  "/dashboard",
  "/dashboard/compare",
  "/dashboard/trends",
  "/dashboard/findings",
  "/dashboard/findings/report",
]);

const signedInRoutes = API_ROUTES.filter((route) => isSignedInAccess(route.access));
const dashboardPages = discoverRoutes().filter((r) => r.kind === "page" && r.pattern.startsWith("/dashboard"));
const own = () => new URL(testEnv.baseUrl).origin;

let viewer: Account;
let viewerCookie = "";
let adminCookie = "";
let responseId = "";

const apiPath = (path: string) => path.replace("{slug}", SURVEY_SLUG).replace("{code}", encodeURIComponent(CURRENT_WAVE.code));
const pagePath = (pattern: string) => fill(pattern, { id: responseId });

beforeAll(async () => {
  viewer = await createAnalyst("viewer");
  viewerCookie = await signIn(viewer.email, viewer.password);
  adminCookie = await signIn();
  const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM response WHERE status = 'complete' ORDER BY id LIMIT 1`);
  responseId = rows[0]!.id;
});
afterAll(closeTestPool);

describe("viewer inventory", () => {
  it("opens to viewers exactly the aggregate API routes listed here, and every one of them exists", () => {
    const declaredViewer = signedInRoutes.filter((r) => r.access === "viewer").map((r) => r.id);
    expect(declaredViewer.sort()).toEqual(Object.keys(VIEWER_APIS).sort());
  });

  it("keeps row-level and account routes above viewers", () => {
    const byId = new Map(API_ROUTES.map((r) => [r.id, r.access]));
    const rowLevel = [
      "listResponses",
      "exportResponses",
      "exportBundle",
      "exportResponsesAcrossWaves",
      "exportCodebook",
      "exportCodebookAcrossWaves",
    ];
    for (const id of rowLevel) expect(byId.get(id), id).toBe("analyst");
  });

  it("lists only pages that exist, and the menu shows a viewer exactly the pages they may open", () => {
    const existing = new Set(dashboardPages.map((r) => r.pattern));
    for (const page of VIEWER_PAGES) expect(existing.has(page), page).toBe(true);
    for (const entry of DASHBOARD_MENU) expect(entry.minimum === "viewer", entry.href).toBe(VIEWER_PAGES.has(entry.href));
  });
});

describe.each(signedInRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))("API %s with a viewer's session", (_name, route) => {
  it(route.access === "viewer" ? "answers 200" : "answers 403 with no data", async () => {
    const response = await api<unknown>(apiPath(route.path), { method: route.method, cookie: viewerCookie, headers: authHeaders() });
    if (route.access === "viewer") {
      expect(response.status).toBe(200);
    } else {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: { code: "forbidden", message: expect.any(String), fields: [] } });
    }
  });
});

describe.each(dashboardPages.map((r) => [r.pattern, r] as const))("page %s with a viewer's session", (pattern) => {
  it(VIEWER_PAGES.has(pattern) ? "renders for the viewer" : "sends the viewer to the overview, showing nothing", async () => {
    const response = await api<string>(pagePath(pattern), { cookie: viewerCookie, headers: authHeaders() });
    if (VIEWER_PAGES.has(pattern)) {
      expect(response.status).toBe(200);
      expect(response.body).toContain(viewer.email);
    } else {
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe("/dashboard");
      // The redirect's body names the requested address (with its id) and nothing of the page.
      expect(String(response.body)).not.toContain("<table");
    }
  });
});

describe("a viewer's dashboard", () => {
  it("links to no page the viewer cannot open (menu and overview)", async () => {
    const html = (await api<string>("/dashboard", { cookie: viewerCookie, headers: authHeaders() })).body;
    for (const entry of DASHBOARD_MENU) {
      if (entry.minimum === "viewer") expect(html).toContain(`href="${entry.href}"`);
      else expect(html, entry.href).not.toContain(`href="${entry.href}`);
    }
    expect(html).not.toContain("See these responses");
    expect(html).toContain("viewer");
  });

  it("still shows an admin every entry (the menu filter is by role, not hidden for all)", async () => {
    const html = (await api<string>("/dashboard", { cookie: adminCookie, headers: authHeaders() })).body;
    for (const entry of DASHBOARD_MENU) expect(html).toContain(`href="${entry.href}"`);
  });
});

describe("API tokens and server actions refuse viewers", () => {
  it("refuses a viewer's API token (as if revoked), on aggregate routes too", async () => {
    const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM auth_user WHERE email = $1`, [viewer.email]);
    const { token } = await createApiToken(rows[0]!.id, "viewer token");
    for (const path of ["/api/v1/analytics/overview", "/api/v1/responses"]) {
      const response = await api(path, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, path).toBe(401);
    }
  });

  it("creates no API token from a viewer's post of the Create token action", async () => {
    const fields = actionForm((await api<string>("/dashboard/tokens", { cookie: adminCookie })).body, "Create token");
    const name = `viewer-probe-${randomBytes(4).toString("hex")}`;
    // Posted where the form lives (Next.js runs an action only from a page whose code holds it).
    const response = await postAction("/dashboard/tokens", [...fields, ["name", name]], viewerCookie, { origin: own() });
    // forbidden() from requireAnalystAction; a form post without JavaScript sees it as a 404 page.
    expect([403, 404]).toContain(response.status);
    const { rows } = await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM api_token WHERE name = $1`, [name]);
    expect(rows[0]!.n).toBe(0);
  });

  it("creates no account from a viewer's post of the Create account action (no way to become admin)", async () => {
    const fields = actionForm((await api<string>("/dashboard/users", { cookie: adminCookie })).body, "Create account");
    const email = `escalate-${randomBytes(4).toString("hex")}@radar.test`;
    const form: [string, string][] = [
      ...fields,
      ["name", "Escalated"],
      ["email", email],
      ["password", "a-long-password-123"],
      ["role", "admin"],
    ];
    const response = await postAction("/dashboard/users", form, viewerCookie, { origin: own() });
    // forbidden() from requireAnalystAction; a form post without JavaScript sees it as a 404 page.
    expect([403, 404]).toContain(response.status);
    const { rows } = await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM auth_user WHERE email = $1`, [email]);
    expect(rows[0]!.n).toBe(0);
  });

  it("lets an admin create a viewer through the Accounts form", async () => {
    const fields = actionForm((await api<string>("/dashboard/users", { cookie: adminCookie })).body, "Create account");
    const email = `form-viewer-${randomBytes(4).toString("hex")}@radar.test`;
    const form: [string, string][] = [
      ...fields,
      ["name", "Form Viewer"],
      ["email", email],
      ["password", "a-long-password-123"],
      ["role", "viewer"],
    ];
    const response = await postAction("/dashboard/users", form, adminCookie, { origin: own() });
    expect(response.status).toBeLessThan(400);
    const { rows } = await testPool().query<{ role: string }>(`SELECT role FROM auth_user WHERE email = $1`, [email]);
    expect(rows).toEqual([{ role: "viewer" }]);
  });
});
