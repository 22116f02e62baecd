// Walks app/ and checks every route: analyst pages and APIs give nothing to anonymous visitors,
// respondents (resume cookie) or forged session cookies, and a respondent's cookie opens only
// that respondent's own draft. Routes are public only when listed in PUBLIC below, so a route
// added later is treated as analyst-only (and fails here unless it refuses strangers) until
// someone classifies it on purpose.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import { CURRENT_WAVE, SURVEY_SLUG } from "@/lib/survey/instrument";
import { resumeCookieName } from "@/lib/survey/resume-token";
import { authHeaders, signIn, testAdmin } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api, cookieFrom } from "../helpers/http";
import { discoverRoutes, expand, type AppRoute } from "../helpers/routes";

/** Routes anyone may call, each with the reason. Everything else must require an analyst. */
const PUBLIC: Record<string, string> = {
  "/": "landing page",
  "/login": "analyst sign-in form",
  "/setup": "first-admin setup (checks its one-time token itself)",
  "/survey/[slug]": "the survey form; a draft is found only through the respondent's own cookie",
  "/survey/[slug]/result": "the respondent's own result (resume cookie) with k-suppressed peer figures",
  "/survey/[slug]/result/share.png": "the respondent's own share image (resume cookie): index, stage, architecture; no answers",
  "/architectures/[id]": "public architecture catalog",
  "/results/[survey]/[wave]": "a wave's published results (404 until an admin publishes them): protected figures only",
  "/api/health": "load-balancer health check",
  "/api/auth/[...all]": "better-auth (sign-in, sign-out, session); its own checks apply",
  "/api/v1/openapi.json": "API description",
  "/api/v1/surveys/[slug]": "public survey definition",
  "/api/v1/surveys/[slug]/responses": "public submission API (Idempotency-Key)",
  "/api/v1/surveys/[slug]/draft": "respondent's own draft, keyed by the resume cookie",
  "/api/v1/surveys/[slug]/draft/submit": "submits the respondent's own draft, keyed by the resume cookie",
  "/api/v1/surveys/[slug]/response": "deletes the respondent's own response, keyed by the resume cookie",
};

const routes = discoverRoutes();
const analystRoutes = routes.filter((r) => !(r.pattern in PUBLIC));
const publicRoutes = routes.filter((r) => r.pattern in PUBLIC);

let responseId = "";
let analystCookie = "";
let respondentCookie = "";

/** Real values (from the database and catalogs) and junk ones for each dynamic segment. */
function samples(kind: "real" | "junk") {
  return (pattern: string, param: string): string[] => {
    const key = `${pattern}:${param}`;
    const table: Record<string, { real: string[]; junk: string[] }> = {
      "/dashboard/responses/[id]:id": { real: [responseId], junk: [randomUUID(), "not-a-uuid", "1' OR '1'='1"] },
      "/architectures/[id]:id": { real: [ARCHITECTURE_IDS[0]], junk: ["no-such-architecture"] },
      "/api/auth/[...all]:all": { real: ["get-session"], junk: ["no/such/endpoint"] },
    };
    const bySegment: Record<string, { real: string[]; junk: string[] }> = {
      slug: { real: [SURVEY_SLUG], junk: ["no-such-survey", "ai readiness<script>"] },
      code: { real: [CURRENT_WAVE.code], junk: ["no-such-wave", "2026 Q4<script>"] },
      survey: { real: [SURVEY_SLUG], junk: ["no-such-survey", "ai readiness<script>"] },
      wave: { real: [CURRENT_WAVE.code], junk: ["no-such-wave", "2026 Q4<script>"] },
    };
    const entry = table[key] ?? bySegment[param];
    if (!entry) throw new Error(`add sample values for [${param}] of ${pattern} to routes-security.test.ts`);
    return entry[kind];
  };
}

const urlsOf = (route: AppRoute) => [...expand(route.pattern, samples("real")), ...expand(route.pattern, samples("junk"))];

/** Things that only an analyst's view contains; none may reach anyone else. */
function expectNoAnalystData(body: unknown, url: string) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  // Published results are tables of protected aggregates by design.
  const tables = url.startsWith("/results/") ? [] : ["<table"];
  const markers = [testAdmin.email, 'data-testid="signed-in-as"', ...tables, responseId].filter((m) => !url.includes(m));
  for (const marker of markers) expect(text, `${url} leaked ${marker}`).not.toContain(marker);
}

function expectRefusedPage(response: { status: number; headers: Headers; body: unknown }, url: string) {
  expect([303, 307], `${url} answered ${response.status}`).toContain(response.status);
  expect(response.headers.get("location"), url).toMatch(/^\/login\?next=/);
  expectNoAnalystData(response.body, url);
}

function expectRefusedApi(response: { status: number; body: unknown }, url: string) {
  expect(response.status, url).toBe(401);
  expect(response.body, url).toEqual({ error: { code: "unauthorized", message: expect.any(String), fields: [] } });
}

beforeAll(async () => {
  const { rows } = await testPool().query<{ id: string }>(
    `SELECT r.id FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
      WHERE s.slug = $1 AND w.code = $2 AND r.status = 'complete' ORDER BY r.id LIMIT 1`,
    [SURVEY_SLUG, CURRENT_WAVE.code],
  );
  responseId = rows[0]!.id;
  analystCookie = await signIn();
  const draft = await api(`/api/v1/surveys/${SURVEY_SLUG}/draft`, { method: "PUT", body: { step: 1, answers: { industry: "telecom" } } });
  expect(draft.status).toBe(200);
  respondentCookie = cookieFrom(draft.headers)!;
  expect(respondentCookie).toMatch(/^rr_resume_/);
});
afterAll(closeTestPool);

describe("route inventory", () => {
  it("finds the app's pages and API routes on disk", () => {
    expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((r) => r.kind === "api").length).toBeGreaterThanOrEqual(10);
    expect(analystRoutes.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(["/dashboard", "/dashboard/responses/[id]", "/api/v1/responses", "/api/v1/exports/responses.csv"]),
    );
  });

  it("lists no public route that no longer exists (the allow-list stays honest)", () => {
    const existing = new Set(routes.map((r) => r.pattern));
    expect(Object.keys(PUBLIC).filter((p) => !existing.has(p))).toEqual([]);
  });

  it("agrees with the route declarations: each API route file's declared access matches this list", async () => {
    const { API_ROUTES } = await import("@/lib/api/registry");
    const pattern = (path: string) => path.replace(/\{([^}]+)\}/g, "[$1]");
    for (const declared of API_ROUTES) {
      const isPublic = pattern(declared.path) in PUBLIC;
      expect(isPublic, `${declared.method} ${declared.path} is declared ${declared.access}`).toBe(
        declared.access === "public" || declared.access === "respondent",
      );
    }
  });

  it("keeps every analyst route under /dashboard or the analyst /api/v1 endpoints", () => {
    for (const route of analystRoutes)
      expect(route.pattern, route.file).toMatch(
        /^\/(dashboard(\/|$)|api\/v1\/(analytics|exports|findings|responses|surveys\/\[slug\]\/waves)(\/|$))/,
      );
  });
});

describe.each(analystRoutes.map((r) => [r.pattern, r] as const))("analyst route %s", (_pattern, route) => {
  it("refuses anonymous requests: pages redirect to /login, APIs answer 401, with no data", async () => {
    for (const url of urlsOf(route)) {
      for (const method of route.methods) {
        const response = await api(url, { method, headers: authHeaders() });
        if (route.kind === "page") expectRefusedPage(response, url);
        else expectRefusedApi(response, url);
      }
    }
  });

  it("refuses a respondent's resume cookie and forged session cookies just the same", async () => {
    const forgedToken = `${randomBytes(24).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    const cookies = [respondentCookie, `radar.session_token=${forgedToken}`, `${respondentCookie}; radar.session_token=${forgedToken}`];
    for (const url of urlsOf(route)) {
      for (const method of route.methods) {
        for (const cookie of cookies) {
          const response = await api(url, { method, cookie, headers: authHeaders() });
          if (route.kind === "page") expectRefusedPage(response, url);
          else expectRefusedApi(response, url);
        }
      }
    }
  });

  it("serves a signed-in analyst (so the refusals above are not from a broken route)", async () => {
    for (const url of expand(route.pattern, samples("real"))) {
      for (const method of route.methods) {
        const response = await api(url, { method, cookie: analystCookie, headers: authHeaders() });
        // A write (the admin's waves API) sent without its JSON body gets past access and is refused
        // for the body alone, so nothing changes.
        if (method !== "GET") expect([400, 415], `${method} ${url}`).toContain(response.status);
        else expect(response.status, url).toBe(200);
        if (route.kind === "page") expect(String(response.body), url).toContain(testAdmin.email);
      }
    }
    for (const url of expand(route.pattern, samples("junk"))) {
      if (url === route.pattern) continue; // no dynamic segment: nothing junk to try
      for (const method of route.methods) {
        const response = await api(url, { method, cookie: analystCookie, headers: authHeaders() });
        expect(method === "GET" ? [400, 404] : [400, 404, 415], `${method} ${url}`).toContain(response.status);
      }
    }
  });
});

describe.each(publicRoutes.map((r) => [r.pattern, r] as const))("public route %s", (_pattern, route) => {
  it("answers strangers without a server error and without analyst data, for real and junk parameters", async () => {
    for (const url of urlsOf(route)) {
      for (const method of route.methods) {
        const body = method === "GET" || method === "HEAD" ? undefined : {};
        const response = await api(url, { method, body, headers: authHeaders() });
        expect(response.status, `${method} ${url}`).toBeLessThan(500);
        expectNoAnalystData(response.body, url);
      }
    }
  });
});

describe("respondent cookies open only their own draft", () => {
  interface DraftBody {
    draft: { id: string; answers: Record<string, unknown> } | null;
  }
  const draftUrl = `/api/v1/surveys/${SURVEY_SLUG}/draft`;
  const cookieName = resumeCookieName(SURVEY_SLUG);

  it("gives each respondent their own draft, and a forged or foreign cookie none", async () => {
    const a = await api<DraftBody>(draftUrl, { method: "PUT", body: { step: 1, answers: { industry: "telecom", region: "east_asia" } } });
    const b = await api<DraftBody>(draftUrl, {
      method: "PUT",
      body: { step: 1, answers: { industry: "healthcare", region: "western_europe" } },
    });
    const cookieA = cookieFrom(a.headers)!;
    const cookieB = cookieFrom(b.headers)!;
    expect(cookieA).not.toBe(cookieB);

    const seenA = await api<DraftBody>(draftUrl, { cookie: cookieA });
    const seenB = await api<DraftBody>(draftUrl, { cookie: cookieB });
    expect(seenA.body.draft).toMatchObject({ id: a.body.draft!.id, answers: { industry: "telecom", region: "east_asia" } });
    expect(seenB.body.draft).toMatchObject({ id: b.body.draft!.id, answers: { industry: "healthcare", region: "western_europe" } });

    const forged = `${cookieName}=${randomBytes(32).toString("base64url")}`; // well-formed, never issued
    const tampered = `${cookieName}=${cookieA.split("=")[1]!.slice(0, -1)}${cookieA.endsWith("A") ? "B" : "A"}`;
    for (const cookie of [forged, tampered, `${cookieName}=not-a-token`, `${cookieName}=`, ""]) {
      const seen = await api<DraftBody>(draftUrl, { cookie });
      expect(seen.status, cookie).toBe(200);
      expect(seen.body, cookie).toEqual({ draft: null });
    }
    // The cookie is per survey: A's token sent under another survey's cookie name finds nothing there.
    const other = await api<DraftBody>(`/api/v1/surveys/no-such-survey/draft`, {
      cookie: `${resumeCookieName("no-such-survey")}=${cookieA.split("=")[1]}`,
    });
    expect(other.status).toBe(404);
  });

  it("never lets a forged cookie change or submit someone else's draft", async () => {
    const a = await api<DraftBody>(draftUrl, { method: "PUT", body: { step: 1, answers: { industry: "telecom" } } });
    const cookieA = cookieFrom(a.headers)!;
    const forged = `${cookieName}=${randomBytes(32).toString("base64url")}`;

    const overwrite = await api<DraftBody>(draftUrl, {
      method: "PUT",
      body: { step: 1, answers: { industry: "healthcare" } },
      cookie: forged,
    });
    expect(overwrite.status).toBe(200);
    expect(overwrite.body.draft!.id).not.toBe(a.body.draft!.id); // a fresh draft of its own
    const submit = await api(`${draftUrl}/submit`, {
      method: "POST",
      body: { submissionId: randomUUID() },
      cookie: `${cookieName}=${randomBytes(32).toString("base64url")}`,
    });
    expect(submit.status).toBeGreaterThanOrEqual(400);
    expect(submit.status).toBeLessThan(500);

    const erase = await api(`/api/v1/surveys/${SURVEY_SLUG}/response`, {
      method: "DELETE",
      cookie: `${cookieName}=${randomBytes(32).toString("base64url")}`,
    });
    expect(erase.status).toBe(404);

    const seenA = await api<DraftBody>(draftUrl, { cookie: cookieA });
    expect(seenA.body.draft).toMatchObject({ id: a.body.draft!.id, answers: { industry: "telecom" } });
    const { rows } = await testPool().query<{ status: string }>(`SELECT status::text FROM response WHERE id = $1`, [a.body.draft!.id]);
    expect(rows[0]?.status).toBe("partial");
  });

  it("does not let a respondent's cookie sign in or read a session", async () => {
    const session = await api(`/api/auth/get-session`, { cookie: respondentCookie });
    expect(session.status).toBe(200);
    expect(session.body).toBeNull();
  });
});
