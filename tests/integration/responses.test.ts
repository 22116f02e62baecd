import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_WAVE } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { signIn, testAdmin } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api, type ErrorBody } from "../helpers/http";
import { testEnv } from "../helpers/env";

interface Page {
  total: number;
  rows: { id: string; status: string; industry: string | null; readinessIndex: number | null; submittedAt: string | null }[];
  nextCursor: string | null;
  prevCursor: string | null;
}

let cookie: string;
beforeAll(async () => {
  cookie = await signIn();
});
afterAll(closeTestPool);

const submit = (answers = validAnswers()) =>
  api("/api/v1/surveys/ai-readiness/responses", { method: "POST", body: { answers }, headers: { "Idempotency-Key": randomUUID() } });

async function sqlIds(where: string, params: unknown[] = []): Promise<string[]> {
  const { rows } = await testPool().query<{ id: string }>(
    `SELECT r.id FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
     WHERE s.slug = 'ai-readiness' AND w.code = '${CURRENT_WAVE.code}' AND ${where}`,
    params,
  );
  return rows.map((r) => r.id);
}

describe("responses API: keyset pages", () => {
  it("walks every page exactly once while new responses arrive, in both sort orders", async () => {
    for (const [sort, dir] of [
      ["submitted_at", "desc"],
      ["readiness_index", "asc"],
      ["region", "desc"],
    ] as const) {
      const expected = new Set(await sqlIds(`r.status = 'complete' AND r.industry = 'education'`));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: { status: number; body: Page } = await api<Page>(
          `/api/v1/responses?industry=education&status=complete&sort=${sort}&dir=${dir}&limit=25${cursor ? `&cursor=${cursor}` : ""}`,
          { cookie },
        );
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        seen.push(...r.body.rows.map((row) => row.id));
        cursor = r.body.nextCursor;
        // New education responses arrive mid-walk (newest, so they sort before the walk's position in the default order).
        if (pages === 0)
          await Promise.all([
            submit(validAnswers({ industry: "education" })),
            submit(validAnswers({ industry: "education", dim_data: 5 })),
          ]);
        pages++;
      } while (cursor && pages < 100);
      expect(new Set(seen).size).toBe(seen.length); // no row twice
      for (const id of expected) expect(seen).toContain(id); // none missing
      expect(pages).toBeGreaterThan(1);
    }
  });

  it("goes back to the same previous page, and counts totals under the filters", async () => {
    const first = await api<Page>("/api/v1/responses?region=east_asia&limit=25", { cookie });
    const second = await api<Page>(`/api/v1/responses?region=east_asia&limit=25&cursor=${first.body.nextCursor}`, { cookie });
    const back = await api<Page>(`/api/v1/responses?region=east_asia&limit=25&cursor=${second.body.prevCursor}`, { cookie });
    expect(back.body.rows.map((r) => r.id)).toEqual(first.body.rows.map((r) => r.id));
    expect(first.body.total).toBe((await sqlIds(`r.region = 'east_asia'`)).length);
    const partial = await api<Page>("/api/v1/responses?status=partial&limit=25", { cookie });
    expect(partial.body.total).toBe((await sqlIds(`r.status = 'partial'`)).length);
    expect(partial.body.rows.every((r) => r.status === "partial")).toBe(true);
  });

  it.each([
    ["sort=bogus", "sort"],
    ["limit=7", "limit"],
    ["dir=sideways", "dir"],
    ["status=maybe", "status"],
    ["cursor=not-a-cursor", "cursor"],
    ["industry=banking", "industry"],
  ])("answers 400 naming the parameter for %s", async (query, path) => {
    const r = await api<ErrorBody>(`/api/v1/responses?${query}`, { cookie });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f) => f.path)).toContain(path);
  });
});

describe("responses CSV", () => {
  const HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    'Quotes "inside", commas, and\r\nnew lines',
    "Unicode: naïve café, 東京, emoji 🚀🔥",
    "<script>alert(1)</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload=window.__xss=1>',
    "javascript:alert(document.cookie)",
  ];

  it("round-trips hostile free text field by field, neutralizing formulas", async () => {
    const ids: string[] = [];
    for (const text of HOSTILE) {
      const r = await api<{ id: string }>("/api/v1/surveys/ai-readiness/responses", {
        method: "POST",
        body: { answers: validAnswers({ industry: "other", region: "latin_america", distributed_help: text }) },
        headers: { "Idempotency-Key": randomUUID() },
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const response = await fetch(`${testEnv.baseUrl}/api/v1/exports/responses.csv?industry=other&region=latin_america&status=complete`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await response.text();
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // The export covers the dashboards' wave (the open one); earlier waves hold rows of their own.
    const { rows: dbRows } = await testPool().query(
      `SELECT r.id, r.status::text, r.industry, r.region, r.readiness_index, r.answers FROM response r ` +
        `JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id ` +
        `WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.industry = 'other' AND r.region = 'latin_america' AND r.status = 'complete'`,
      [CURRENT_WAVE.code],
    );
    expect(parsed.data).toHaveLength(dbRows.length);
    const byId = new Map(parsed.data.map((row) => [row.response_id, row]));
    for (const db of dbRows) {
      const row = byId.get(db.id)!;
      expect(row.status).toBe(db.status);
      expect(Number(row.readiness_index)).toBeCloseTo(db.readiness_index, 4);
      expect(row.industry).toBe(db.answers.industry);
      expect(row.dim_data).toBe(String(db.answers.dim_data));
      for (const option of [
        "latency",
        "cost",
        "security",
        "accuracy",
        "skills_gap",
        "privacy_sovereignty",
        "gpu_power",
        "vendor_lock_in",
        "reliability",
        "compliance",
      ]) {
        expect(row[`concerns__${option}`]).toBe(db.answers.concerns.includes(option) ? "1" : "0");
      }
      expect(row.concerns_top3__rank1).toBe(db.answers.concerns_top3[0] ?? "");
      const original: string = db.answers.distributed_help ?? "";
      expect(row.distributed_help).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
    }
    for (const [i, text] of HOSTILE.entries()) {
      const exported = byId.get(ids[i]!)!.distributed_help!;
      expect(
        exported.startsWith("=") ||
          exported.startsWith("+") ||
          exported.startsWith("-") ||
          exported.startsWith("@") ||
          exported.startsWith("\t"),
      ).toBe(false);
      expect(exported.replace(/^'/, "")).toBe(text.trim());
    }
  });

  it("has a codebook, records every export in the audit log, and honours the BOM option", async () => {
    const codebook = await (await fetch(`${testEnv.baseUrl}/api/v1/exports/codebook.csv`, { headers: { cookie } })).text();
    const entries = Papa.parse<Record<string, string>>(codebook, { header: true, skipEmptyLines: true }).data;
    expect(entries.find((e) => e.column === "concerns__latency")?.label).toBe("What concerns you about running AI in production?: Latency");
    expect(entries.filter((e) => e.column === "industry").map((e) => e.value)).toHaveLength(12);
    // Free text documents the formula-neutralizing apostrophe (the loaders strip it).
    const freeText = entries.filter((e) => e.kind === "text");
    expect(freeText.length).toBeGreaterThan(0);
    for (const entry of freeText) expect(entry).toMatchObject({ value: "'", value_label: expect.stringContaining("reads '-5") });

    const before = new Date();
    const response = await fetch(`${testEnv.baseUrl}/api/v1/exports/responses.csv?region=east_asia&bom=1`, { headers: { cookie } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = Papa.parse(new TextDecoder().decode(bytes.slice(3)), { skipEmptyLines: true }).data.length - 1;
    await expect
      .poll(
        async () =>
          (
            await testPool().query(
              `SELECT row_count, kind, via, filters FROM export_audit WHERE created_at >= $1 AND kind = 'responses.csv' ORDER BY created_at DESC LIMIT 1`,
              [before],
            )
          ).rows[0],
      )
      .toMatchObject({
        row_count: lines,
        kind: "responses.csv",
        via: "session",
        filters: expect.objectContaining({ segments: expect.objectContaining({ region: ["east_asia"] }) }),
      });
  });

  it("streams uncompressed unless gzip=1 is asked for, and rejects bad download options naming them", async () => {
    const plain = await fetch(`${testEnv.baseUrl}/api/v1/exports/responses.csv?region=east_asia`, {
      headers: { cookie, "accept-encoding": "gzip" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("cache-control")).toContain("no-transform");
    const csv = await plain.text();

    const gz = await fetch(`${testEnv.baseUrl}/api/v1/exports/responses.csv?region=east_asia&gzip=1`, {
      headers: { cookie, "accept-encoding": "identity" },
    });
    expect(gz.headers.get("content-type")).toBe("application/gzip");
    expect(gz.headers.get("content-disposition")).toMatch(/filename="responses-[^"]+\.csv\.gz"/);
    // Other tests add responses meanwhile, so compare the header and that both hold data rows.
    const unzipped = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8");
    expect(unzipped.split("\n")[0]).toBe(csv.split("\n")[0]);
    expect(Papa.parse(unzipped, { skipEmptyLines: true }).data.length).toBeGreaterThan(1);

    for (const bad of ["gzip=yes", "bom=2"]) {
      const response = await fetch(`${testEnv.baseUrl}/api/v1/exports/responses.csv?${bad}`, { headers: { cookie } });
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(bad.split("=")[0]);
    }
  });

  it("never puts a suppressed cell in the aggregates export", async () => {
    const { rows } = await testPool().query<{ industry: string; region: string }>(
      `SELECT industry, region FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
       WHERE s.slug = 'ai-readiness' AND w.code = '${CURRENT_WAVE.code}' AND r.status = 'complete' GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND 4`,
    );
    const csv = await (await fetch(`${testEnv.baseUrl}/api/v1/exports/overview.csv`, { headers: { cookie } })).text();
    const data = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    for (const cell of rows) {
      const row = data.find((d) => d.table === "readiness_by_industry_region" && d.category === `${cell.industry}|${cell.region}`)!;
      expect(row).toMatchObject({ n: "", value: "", note: "withheld" });
    }
    for (const row of data) if (row.n !== "") expect(Number(row.n) === 0 || Number(row.n) >= 5).toBe(true);
  });
});

describe("personal API tokens", () => {
  it("works from a script, and stops working once revoked; wrong tokens get 401", async () => {
    const { createApiToken, revokeApiToken } = await import("@/lib/auth/tokens");
    const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM auth_user WHERE email = $1`, [testAdmin.email]);
    const { id, token } = await createApiToken(rows[0]!.id, "integration test");
    expect(token).toMatch(/^rr_[A-Za-z0-9_-]{43}$/);
    const stored = await testPool().query(`SELECT token_hash FROM api_token WHERE id = $1`, [id]);
    expect(stored.rows[0].token_hash).not.toContain(token.slice(3));

    const bearer = { authorization: `Bearer ${token}` };
    expect((await api("/api/v1/responses?limit=25", { headers: bearer })).status).toBe(200);
    expect((await api("/api/v1/analytics/overview", { headers: bearer })).status).toBe(200);
    const csv = await fetch(`${testEnv.baseUrl}/api/v1/exports/codebook.csv`, { headers: bearer });
    expect(csv.status).toBe(200);
    await expect
      .poll(
        async () =>
          (await testPool().query(`SELECT via FROM export_audit WHERE kind = 'codebook.csv' ORDER BY created_at DESC LIMIT 1`)).rows[0]
            ?.via,
      )
      .toBe("token");

    expect((await api("/api/v1/responses", { headers: { authorization: `Bearer rr_${"x".repeat(43)}` } })).status).toBe(401);
    expect((await api("/api/v1/responses", { headers: { authorization: "Bearer nonsense" } })).status).toBe(401);
    // A wrong token is refused even alongside a valid session cookie.
    expect((await api("/api/v1/responses", { headers: { authorization: "Bearer nonsense" }, cookie })).status).toBe(401);

    expect(await revokeApiToken(rows[0]!.id, id)).toBe(true);
    expect((await api("/api/v1/responses", { headers: bearer })).status).toBe(401);
  });

  it("publishes an OpenAPI description", async () => {
    const r = await api<{ openapi: string; paths: Record<string, unknown> }>("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/responses", "/api/v1/exports/responses.csv", "/api/v1/analytics/overview"]),
    );
  });
});
