// The served OpenAPI document is the contract: every route file under app/api is in it, and
// every real answer of every endpoint (successes, refusals, errors) has its status, media type
// and body described by it. Answers are validated with Ajv (JSON Schema 2020-12, as OpenAPI 3.1).
import { randomUUID } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { authHeaders, signIn, testAdmin } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { discoverRoutes } from "../helpers/routes";

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
}
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

let doc: Document;
let ajv: Ajv2020;
let cookie = "";
let token = "";
let responseCookie = "";
const seen = new Map<string, Set<string>>();

beforeAll(async () => {
  const response = await fetch(`${testEnv.baseUrl}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  doc = (await response.json()) as Document;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "openapi", components: doc.components }, "openapi");
  cookie = await signIn();
  const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM auth_user WHERE email = $1`, [testAdmin.email]);
  const { createApiToken } = await import("@/lib/auth/tokens");
  token = (await createApiToken(rows[0]!.id, "openapi contract test")).token;
});
afterAll(closeTestPool);

const toTemplate = (pattern: string) => pattern.replace(/\[([^\]]+)\]/g, "{$1}");

/** Calls an operation and checks the answer against the document; returns it for more checks. */
async function call(
  method: string,
  template: string,
  url: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; type: string; body: unknown }> {
  const response = await fetch(`${testEnv.baseUrl}${url}`, { method, headers: init.headers, body: init.body, redirect: "manual" });
  const operation = doc.paths[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is not in the document`).toBeDefined();
  const status = String(response.status);
  const declared = operation!.responses[status];
  const text = await response.text();
  expect(declared, `${method} ${url} answered ${status}, which the document does not list: ${text.slice(0, 300)}`).toBeDefined();
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const media = declared!.content?.[type];
  expect(media, `${method} ${url} answered ${status} as ${type}, not declared`).toBeDefined();
  (seen.get(operation!.operationId) ?? seen.set(operation!.operationId, new Set()).get(operation!.operationId)!).add(status);
  let body: unknown = text;
  if (type === "application/json") {
    body = JSON.parse(text);
    const validate = ajv.compile(withRefs(media!.schema));
    const valid = validate(body);
    expect(valid, `${method} ${url} ${status}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`).toBe(true);
  }
  return { status: response.status, type, body };
}

/** The operation's schema with its component references pointed at the registered document. */
function withRefs(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema ?? {}).replaceAll('"#/components/', '"openapi#/components/')) as Record<string, unknown>;
}

const analyst = () => ({ authorization: `Bearer ${token}` });
const browser = () => ({ cookie, ...authHeaders() });

describe("the OpenAPI document", () => {
  it("describes every API route file under app/ with each method it exports", () => {
    const files = discoverRoutes().filter((r) => r.kind === "api" && r.pattern.startsWith("/api/") && !r.pattern.startsWith("/api/auth"));
    for (const route of files)
      for (const method of route.methods)
        expect(doc.paths[toTemplate(route.pattern)]?.[method.toLowerCase()], `${method} ${route.pattern}`).toBeDefined();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.length).toBe(files.reduce((n, r) => n + r.methods.length, 0));
  });

  it("declares the compare parameters, gzip media type, and an error shape that requires its fields", () => {
    const compare = doc.paths["/api/v1/analytics/compare"]!.get!;
    const names = (compare.parameters ?? []).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["a_industry", "a_from", "b", "b_region", "b_wave"]));
    expect(Object.keys(doc.paths["/api/v1/exports/responses.csv"]!.get!.responses["200"]!.content!)).toEqual([
      "text/csv",
      "application/gzip",
    ]);
    expect(Object.keys(doc.paths["/api/v1/findings/report.pdf"]!.get!.responses["200"]!.content!)).toEqual(["application/pdf"]);
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
    expect(JSON.stringify(doc.components.schemas.Error)).toContain('"required":["code","message","fields"]');
    // Filter option ids are enumerated from the wave's instrument.
    const industry = compare.parameters!.find((p) => p.name === "a_industry") as unknown as { schema: { items: { enum: string[] } } };
    expect(industry.schema.items.enum).toContain("technology");
  });
});

describe("every endpoint's real answers match the document", () => {
  it("survey: definition, submission (201, 200, 400, 404, 415, 422), draft, submit and deletion", async () => {
    const base = `/api/v1/surveys/${SURVEY_SLUG}`;
    await call("GET", "/api/v1/surveys/{slug}", base);
    await call("GET", "/api/v1/surveys/{slug}", "/api/v1/surveys/no-such-survey");
    await call("GET", "/api/v1/surveys/{slug}", `${base}?x=1`);
    const key = randomUUID();
    const json = { "content-type": "application/json", "idempotency-key": key, "x-forwarded-for": "10.77.0.1" };
    const body = JSON.stringify({ answers: validAnswers() });
    expect((await call("POST", "/api/v1/surveys/{slug}/responses", `${base}/responses`, { headers: json, body })).status).toBe(201);
    expect((await call("POST", "/api/v1/surveys/{slug}/responses", `${base}/responses`, { headers: json, body })).status).toBe(200);
    const other = JSON.stringify({ answers: validAnswers({ region: "south_asia" }) });
    expect((await call("POST", "/api/v1/surveys/{slug}/responses", `${base}/responses`, { headers: json, body: other })).status).toBe(422);
    const bad = JSON.stringify({ answers: { ...validAnswers(), industry: "nope" } });
    const refused = await call("POST", "/api/v1/surveys/{slug}/responses", `${base}/responses`, {
      headers: { ...json, "idempotency-key": randomUUID() },
      body: bad,
    });
    expect(refused.status).toBe(400);
    await call("POST", "/api/v1/surveys/{slug}/responses", `${base}/responses`, {
      headers: { ...json, "content-type": "text/plain" },
      body,
    });
    await call("POST", "/api/v1/surveys/{slug}/responses", "/api/v1/surveys/no-such-survey/responses", {
      headers: { ...json, "idempotency-key": randomUUID() },
      body,
    });

    const draftHeaders = { "content-type": "application/json", origin: new URL(testEnv.baseUrl).origin, "x-forwarded-for": "10.77.0.2" };
    await call("GET", "/api/v1/surveys/{slug}/draft", `${base}/draft`);
    const save = await fetch(`${testEnv.baseUrl}${base}/draft`, {
      method: "PUT",
      headers: draftHeaders,
      body: JSON.stringify({ step: 1, answers: { industry: "healthcare" } }),
    });
    responseCookie = save.headers.getSetCookie()[0]!.split(";")[0]!;
    await call("PUT", "/api/v1/surveys/{slug}/draft", `${base}/draft`, {
      headers: { ...draftHeaders, cookie: responseCookie },
      body: JSON.stringify({ step: 2, answers: { region: "south_asia" } }),
    });
    await call("GET", "/api/v1/surveys/{slug}/draft", `${base}/draft`, { headers: { cookie: responseCookie } });
    await call("PUT", "/api/v1/surveys/{slug}/draft", `${base}/draft`, { headers: { ...draftHeaders, cookie: responseCookie }, body: "{" });
    await call("POST", "/api/v1/surveys/{slug}/draft/submit", `${base}/draft/submit`, {
      headers: { ...draftHeaders, cookie: responseCookie },
      body: JSON.stringify({ submissionId: "nope" }),
    });
    await call("DELETE", "/api/v1/surveys/{slug}/response", `${base}/response`, { headers: { ...draftHeaders, cookie: responseCookie } });
    await call("DELETE", "/api/v1/surveys/{slug}/response", `${base}/response`, { headers: draftHeaders });
  });

  it("analytics, responses and exports: 200 (token and session), 400 naming parameters, 401", async () => {
    const reads = [
      ["/api/v1/analytics/overview", "industry=technology"],
      ["/api/v1/analytics/compare", "a_industry=technology&b=rest"],
      ["/api/v1/analytics/trends", "industry=technology"],
      ["/api/v1/analytics/findings", "region=east_asia"],
      ["/api/v1/responses", "status=complete&limit=25"],
      ["/api/v1/exports/responses.csv", "region=east_asia&status=complete"],
      ["/api/v1/exports/bundle.zip", "region=east_asia&status=complete"],
      ["/api/v1/exports/codebook.csv", ""],
      ["/api/v1/exports/overview.csv", ""],
      ["/api/v1/exports/compare.csv", "a_region=south_asia&b=custom&b_region=east_asia"],
      ["/api/v1/exports/findings.csv", "bom=1"],
      ["/api/v1/exports/responses-waves.csv", "region=east_asia&status=complete"],
      ["/api/v1/exports/codebook-waves.csv", ""],
      ["/api/v1/exports/trends.csv", "industry=technology"],
      ["/api/v1/findings/report.pdf", "industry=technology"],
    ] as const;
    for (const [path, query] of reads) {
      expect((await call("GET", path, `${path}?${query}`, { headers: analyst() })).status, path).toBe(200);
      expect((await call("GET", path, `${path}?${query}`, { headers: browser() })).status, path).toBe(200);
      const bad = await call("GET", path, `${path}?${query}&industy=technology`, { headers: analyst() });
      expect(bad.status, path).toBe(400);
      const takesIndustry = (doc.paths[path]!.get!.parameters ?? []).some((p) => p.name === "industry");
      if (takesIndustry) expect(JSON.stringify(bad.body)).toContain("did you mean industry?");
      expect(JSON.stringify(bad.body)).toContain('"path":"industy"');
      expect((await call("GET", path, path)).status, path).toBe(401);
      expect((await call("GET", path, path, { headers: { authorization: "Bearer rr_wrong" } })).status, path).toBe(401);
    }
    const gz = await call("GET", "/api/v1/exports/overview.csv", "/api/v1/exports/overview.csv?gzip=1", { headers: analyst() });
    expect(gz.type).toBe("application/gzip");
    const page = await call("GET", "/api/v1/responses", "/api/v1/responses?limit=25", { headers: analyst() });
    const next = (page.body as { nextCursor: string }).nextCursor;
    await call("GET", "/api/v1/responses", `/api/v1/responses?limit=25&cursor=${next}`, { headers: analyst() });
  });

  it("waves: list, check (200, 400), publish (201, 409), open, close, replace (200, 409), 401", async () => {
    const { createTestSurvey } = await import("../helpers/db");
    const { instrumentV1 } = await import("@/lib/survey/instrument");
    const { slug } = await createTestSurvey("oa");
    const base = `/api/v1/surveys/${slug}/waves`;
    const headers = { ...analyst(), "content-type": "application/json" };
    const send = (method: string, template: string, url: string, body: unknown) =>
      call(method, template, url, { headers, body: JSON.stringify(body) });
    expect((await call("GET", "/api/v1/surveys/{slug}/waves", base, { headers: analyst() })).status).toBe(200);
    expect((await call("GET", "/api/v1/surveys/{slug}/waves", base)).status).toBe(401);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves/check", `${base}/check`, { definition: instrumentV1 })).status).toBe(200);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves/check", `${base}/check`, { definition: "{" })).status).toBe(400);
    const draft = { code: "oa-draft", title: "Draft", definition: instrumentV1, status: "draft" };
    expect((await send("POST", "/api/v1/surveys/{slug}/waves", base, draft)).status).toBe(201);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves", base, draft)).status).toBe(409);
    const replace = "/api/v1/surveys/{slug}/waves/{code}/definition";
    expect((await send("PUT", replace, `${base}/oa-draft/definition`, { definition: instrumentV1 })).status).toBe(200);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves/{code}/open", `${base}/oa-draft/open`, {})).status).toBe(200);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves/{code}/open", `${base}/oa-draft/open`, {})).status).toBe(409);
    const answered = await fetch(`${testEnv.baseUrl}/api/v1/surveys/${slug}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ answers: validAnswers() }),
    });
    expect(answered.status).toBe(201);
    const changed = { ...instrumentV1, title: "Changed" };
    expect((await send("PUT", replace, `${base}/oa-draft/definition`, { definition: changed })).status).toBe(409);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves/{code}/close", `${base}/oa-draft/close`, {})).status).toBe(200);
    expect((await send("POST", "/api/v1/surveys/{slug}/waves/{code}/close", `${base}/missing/close`, {})).status).toBe(404);
  });

  it("weighting: targets (200, 400, 415), CSV upload, clearing, report, 401", async () => {
    const { createTestSurvey } = await import("../helpers/db");
    const { instrumentV1 } = await import("@/lib/survey/instrument");
    const { dimensionCategories } = await import("@/lib/weighting/instrument");
    const { slug, waveId } = await createTestSurvey("oa");
    const { rows } = await testPool().query<{ code: string }>(`SELECT code FROM wave WHERE id = $1`, [waveId]);
    const base = `/api/v1/surveys/${slug}/waves/${rows[0]!.code}/weighting`;
    const targets = "/api/v1/surveys/{slug}/waves/{code}/weighting/targets";
    const csv = "/api/v1/surveys/{slug}/waves/{code}/weighting/targets.csv";
    const report = "/api/v1/surveys/{slug}/waves/{code}/weighting/report";
    const regions = dimensionCategories(instrumentV1).region;
    const margins = regions.map((category, i) => ({ dimension: "region", category, share: i === 0 ? 1 : 0 }));
    const json = { ...analyst(), "content-type": "application/json" };
    expect((await call("GET", targets, `${base}/targets`, { headers: analyst() })).status).toBe(200);
    expect((await call("GET", targets, `${base}/targets`)).status).toBe(401);
    expect((await call("PUT", targets, `${base}/targets`, { headers: json, body: JSON.stringify({ margins }) })).status).toBe(200);
    const unknown = [{ dimension: "region", category: "atlantis", share: 1 }];
    expect((await call("PUT", targets, `${base}/targets`, { headers: json, body: JSON.stringify({ margins: unknown }) })).status).toBe(400);
    const text = ["dimension,category,share", ...margins.map((m) => `${m.dimension},${m.category},${m.share}`)].join("\n");
    const csvHeaders = { ...analyst(), "content-type": "text/csv" };
    expect((await call("PUT", csv, `${base}/targets.csv?trimLower=0.3&trimUpper=3`, { headers: csvHeaders, body: text })).status).toBe(200);
    expect((await call("PUT", csv, `${base}/targets.csv`, { headers: csvHeaders, body: "dimension,share\n" })).status).toBe(400);
    expect((await call("PUT", csv, `${base}/targets.csv`, { headers: json, body: text })).status).toBe(415);
    expect((await call("GET", report, `${base}/report`, { headers: analyst() })).status).toBe(200);
    expect((await call("PUT", targets, `${base}/targets`, { headers: json, body: JSON.stringify({ margins: [] }) })).status).toBe(200);
    expect((await call("GET", report, `${base}/report`, { headers: analyst() })).status).toBe(200);
    expect((await call("GET", report, `${base.replace(/waves\/[^/]+\//, "waves/1999-Q9/")}/report`, { headers: analyst() })).status).toBe(
      404,
    );
  });

  it("results publication: get, publish (200, 400, 404, 409), unpublish", async () => {
    const { createTestSurvey } = await import("../helpers/db");
    const { instrumentV1 } = await import("@/lib/survey/instrument");
    const { slug } = await createTestSurvey("op");
    const template = "/api/v1/surveys/{slug}/waves/{code}/publication";
    const url = (code: string) => `/api/v1/surveys/${slug}/waves/${code}/publication`;
    const headers = { ...analyst(), "content-type": "application/json" };
    const put = (code: string, body: unknown) => call("PUT", template, url(code), { headers, body: JSON.stringify(body) });
    expect((await call("GET", template, url("2026-Q4"), { headers: analyst() })).status).toBe(200);
    expect((await put("2026-Q4", { published: true, panels: ["stage", "findings"] })).status).toBe(200);
    expect((await put("2026-Q4", { published: true, panels: ["no_such_panel"] })).status).toBe(400);
    expect((await put("no-such-wave", { published: true })).status).toBe(404);
    const draft = { code: "op-draft", title: "Draft", definition: instrumentV1, status: "draft" };
    expect(
      (await call("POST", "/api/v1/surveys/{slug}/waves", `/api/v1/surveys/${slug}/waves`, { headers, body: JSON.stringify(draft) }))
        .status,
    ).toBe(201);
    expect((await put("op-draft", { published: true })).status).toBe(409);
    expect((await put("2026-Q4", { published: false })).status).toBe(200);
  });

  it("system: health and the document itself", async () => {
    await call("GET", "/api/health", "/api/health");
    await call("GET", "/api/v1/openapi.json", "/api/v1/openapi.json");
  });

  it("touched every operation of the document", () => {
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect([...seen.keys()].sort()).toEqual(operations.sort());
  });
});
