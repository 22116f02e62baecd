// The weight in the exports and the statisticians' bundle, on the demo's first wave (2026-Q2, which
// no other test weights): once its targets are set and raking converges, responses.csv carries each
// complete response's raking weight (its profile cell's, as the weight report gives it; empty for
// partial rows) and the codebook documents it; bundle.zip (the CSV of the current filters, the SPSS,
// R and Stata loaders and datapackage.json) unzips with Info-ZIP, Rscript runs its .R file and
// svymean equals the app's weighted figure (lib/stats/weighted.ts on the report's weights), PSPP runs
// its .sps and reads labels and the weighted mean. The bundle is audited like every export, takes
// the explorer's filters with the same validation, and is for analysts only. Clearing the targets
// takes the weight out again.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { svyMean } from "@/lib/stats/weighted";
import { bundledV1 } from "@/lib/survey/instruments";
import { idOfRole, questionByRole } from "@/lib/survey/roles";
import { dimensionCategories } from "@/lib/weighting/instrument";
import type { TargetRow, WeightReport } from "@/lib/weighting/schemas";
import { authHeaders, createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";

const run = promisify(execFile);
const WAVE = "2026-Q2";
const WEIGHTING = `/api/v1/surveys/ai-readiness/waves/${WAVE}/weighting`;
const categories = dimensionCategories(bundledV1);
const industryQuestion = questionByRole(bundledV1, "industry");
let cookie = "";
let region = "";
const dirs: string[] = [];

const admin = (method: string, body?: unknown) => ({ method, body, cookie, headers: authHeaders() });
const get = (url: string, as = cookie) => fetch(`${testEnv.baseUrl}${url}`, { headers: { cookie: as } });
const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
const cellOf = (r: { industry: string | null; region: string | null; company_size: string | null; role: string | null }) =>
  [r.industry, r.region, r.company_size, r.role].map((v) => v ?? "").join("|");

/** Uniform targets over the categories the wave's complete responses have (0 for the others). */
async function uniformTargets(dimension: "industry" | "region"): Promise<TargetRow[]> {
  const { rows } = await testPool().query<{ v: string }>(
    `SELECT DISTINCT r.${dimension} AS v FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
      WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.status = 'complete'`,
    [WAVE],
  );
  const present = new Set(rows.map((r) => r.v));
  const k = categories[dimension].filter((c) => present.has(c)).length;
  return categories[dimension].map((category) => ({ dimension, category, share: present.has(category) ? 1 / k : 0 }));
}

/** The app's weighted mean of the readiness index: per profile cell n, sum, sum of squares, with the report's weights. */
async function appMean(report: WeightReport, regionFilter: string | null) {
  const weightOf = new Map(report.cells.map((c) => [cellOf(c), c.weight]));
  const { rows } = await testPool().query<{
    industry: string;
    region: string;
    company_size: string;
    role: string;
    n: number;
    sum: number;
    ss: number;
  }>(
    `SELECT industry, region, company_size, role, count(*)::int AS n, sum(readiness_index)::float8 AS sum,
            sum(readiness_index ^ 2)::float8 AS ss
       FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
      WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.status = 'complete' AND ($2::text IS NULL OR r.region = $2)
      GROUP BY 1, 2, 3, 4`,
    [WAVE, regionFilter],
  );
  return svyMean(rows.map((r) => ({ weight: weightOf.get(cellOf(r)) as number, n: r.n, sum: r.sum, sumSquares: r.ss })));
}

async function unzipBundle(url: string): Promise<string> {
  const response = await get(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="responses-${WAVE}.zip"`);
  const dir = mkdtempSync(path.join(tmpdir(), "rr-bundle-it-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "bundle.zip"), new Uint8Array(await response.arrayBuffer()));
  expect((await run("unzip", ["-t", "bundle.zip"], { cwd: dir })).stdout).toContain("No errors detected");
  await run("unzip", ["-q", "bundle.zip"], { cwd: dir });
  return dir;
}

let report: WeightReport;

beforeAll(async () => {
  cookie = await signIn();
  const margins = [...(await uniformTargets("industry")), ...(await uniformTargets("region"))];
  region = margins.find((m) => m.dimension === "region" && m.share > 0)!.category;
  const saved = await api<{ report: WeightReport }>(`${WEIGHTING}/targets`, admin("PUT", { margins }));
  expect(saved.status).toBe(200);
  report = saved.body.report;
  expect(report.status).toBe("weighted");
});
afterAll(async () => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await api(`${WEIGHTING}/targets`, admin("PUT", { margins: [] }));
  await closeTestPool();
});

describe("the weight in the exports", () => {
  it("responses.csv carries each complete response's cell weight, empty for partial rows; the codebook documents it", async () => {
    const response = await get(`/api/v1/exports/responses.csv?wave=${WAVE}&status=all`);
    expect(response.status).toBe(200);
    const parsed = rowsOf(await response.text());
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.at(-1)).toBe("weight");
    const weightOf = new Map(report.cells.map((c) => [cellOf(c), c.weight]));
    const { rows } = await testPool().query<{ id: string; industry: string; region: string; company_size: string; role: string }>(
      `SELECT r.id, industry, region, company_size, role FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
        WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.status = 'complete'`,
      [WAVE],
    );
    const profile = new Map(rows.map((r) => [r.id, cellOf(r)]));
    const complete = parsed.data.filter((r) => r.status === "complete");
    expect(complete.length).toBe(report.weights.n);
    for (const row of complete) expect(Number(row.weight)).toBe(weightOf.get(profile.get(row.response_id!)!));
    for (const row of parsed.data.filter((r) => r.status === "partial")) expect(row.weight).toBe("");
    const sum = complete.reduce((s, r) => s + Number(r.weight), 0);
    expect(sum / complete.length).toBeCloseTo(1, 9);

    const codebook = rowsOf(await (await get(`/api/v1/exports/codebook.csv?wave=${WAVE}`)).text()).data;
    const entry = codebook.find((c) => c.column === "weight");
    expect(entry?.label).toMatch(/^Raking weight/);
    expect(entry?.question_text).toMatch(/svydesign\(ids = ~1, weights = ~weight\)/);
  });

  it("bundle.zip: Rscript runs the .R file and its svymean equals the app's weighted figure, for the current filters", async () => {
    const before = new Date();
    const dir = await unzipBundle(`/api/v1/exports/bundle.zip?wave=${WAVE}&region=${region}&status=complete`);
    const csvFile = `responses-${WAVE}.csv`;
    const files = (await run("unzip", ["-Z1", "bundle.zip"], { cwd: dir })).stdout.trim().split("\n");
    expect(files).toEqual([csvFile, `responses-${WAVE}.sps`, `responses-${WAVE}.R`, `responses-${WAVE}.do`, "datapackage.json"]);
    const csv = rowsOf(readFileSync(path.join(dir, csvFile), "utf8"));
    expect(csv.data.length).toBeGreaterThan(0);
    const regionColumn = idOfRole(bundledV1, "region");
    expect(csv.data.every((r) => r[regionColumn] === region && r.status === "complete")).toBe(true);

    writeFileSync(
      path.join(dir, "check.R"),
      `source("responses-${WAVE}.R")
m <- svymean(~readiness_index, design)
cat(sprintf("%.10f %.10f %d\\n", coef(m)[1], SE(m)[1], nrow(complete)))
cat(class(d[[${JSON.stringify(idOfRole(bundledV1, "industry"))}]]), attr(d[["readiness_index"]], "label"), sep = "|"); cat("\\n")
`,
    );
    const { stdout } = await run("Rscript", ["check.R"], { cwd: dir });
    const [estimates, describe] = stdout.trim().split("\n");
    const [mean, se, n] = estimates!.split(" ").map(Number) as [number, number, number];
    const app = await appMean(report, region);
    expect(n).toBe(app.n);
    expect(Math.abs(mean - app.mean)).toBeLessThan(1e-6);
    expect(Math.abs(se - app.se)).toBeLessThan(1e-6);
    expect(describe).toBe("factor|Readiness index (0-100)");

    const pkg = JSON.parse(readFileSync(path.join(dir, "datapackage.json"), "utf8")) as {
      "x-waves": string[];
      resources: { path: string; "x-weight"?: string; schema: { fields: { name: string }[] } }[];
    };
    expect(pkg["x-waves"]).toEqual([WAVE]);
    expect(pkg.resources[0]).toMatchObject({ path: csvFile, "x-weight": "weight" });
    expect(pkg.resources[0]!.schema.fields.map((f) => f.name)).toEqual(csv.meta.fields);
    expect(readFileSync(path.join(dir, `responses-${WAVE}.do`), "utf8")).toContain("svyset [pweight = weight]");

    // Audited like every export: kind, filters, rows, outcome.
    await expect
      .poll(async () => {
        const { rows } = await testPool().query<{ row_count: number | null; outcome: string; filters: { region: string[] } }>(
          `SELECT row_count, outcome::text, filters FROM export_audit WHERE kind = 'bundle.zip' AND created_at >= $1 ORDER BY created_at DESC LIMIT 1`,
          [before],
        );
        return rows[0];
      })
      .toMatchObject({ row_count: csv.data.length, outcome: "completed" });
  }, 90_000);

  it("bundle.zip: PSPP runs the .sps, reads the labels and weights by the weight column", async () => {
    const dir = await unzipBundle(`/api/v1/exports/bundle.zip?wave=${WAVE}`);
    const script = `${readFileSync(path.join(dir, `responses-${WAVE}.sps`), "utf8")}
DISPLAY DICTIONARY /VARIABLES=${industryQuestion.id} readiness_index weight.
FORMATS readiness_index (F12.6).
DESCRIPTIVES /VARIABLES=readiness_index /STATISTICS=MEAN.
`;
    writeFileSync(path.join(dir, "check.sps"), script);
    const { stdout } = await run("pspp", ["-O", "format=txt", "-O", "width=200", "-o", "-", "check.sps"], { cwd: dir });
    expect(stdout).not.toMatch(/error/i);
    expect(stdout).toContain("Readiness index (0-100)");
    expect(stdout).toContain(industryQuestion.label.slice(0, 30));
    const app = await appMean(report, null);
    const line = stdout.split("\n").find((l) => l.startsWith("|Readiness index (0-100)") && /\|\d/.test(l));
    const cells = line?.split("|").map((c) => c.trim()) ?? [];
    // N is the sum of the weights (the number of complete responses), the mean the weighted one.
    expect(Number(cells[2])).toBeCloseTo(app.n, 0);
    expect(Math.abs(Number(cells[3]) - app.mean)).toBeLessThan(0.01);
  }, 90_000);

  it("takes the explorer's filters with the same validation, and is for analysts only", async () => {
    const bad = await api<ErrorBody>(`/api/v1/exports/bundle.zip?wave=${WAVE}&region=atlantis&status=maybe&gzip=1`, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(["gzip", "region", "status"]);
    expect((await api(`/api/v1/exports/bundle.zip?wave=${WAVE}`)).status).toBe(401);
    const viewer = await createAnalyst("viewer");
    const viewerCookie = await signIn(viewer.email, viewer.password);
    expect((await get(`/api/v1/exports/bundle.zip?wave=${WAVE}`, viewerCookie)).status).toBe(403);
  });

  it("takes the weight out again once the targets are cleared", async () => {
    const cleared = await api<{ report: WeightReport }>(`${WEIGHTING}/targets`, admin("PUT", { margins: [] }));
    expect(cleared.body.report.status).toBe("unweighted");
    const text = await (await get(`/api/v1/exports/responses.csv?wave=${WAVE}`)).text();
    expect(rowsOf(text).meta.fields).not.toContain("weight");
    const dir = await unzipBundle(`/api/v1/exports/bundle.zip?wave=${WAVE}`);
    expect(readFileSync(path.join(dir, `responses-${WAVE}.R`), "utf8")).toContain("complete$weight <- 1");
    const codebook = rowsOf(await (await get(`/api/v1/exports/codebook.csv?wave=${WAVE}`)).text()).data;
    expect(codebook.some((c) => c.column === "weight")).toBe(false);
  }, 60_000);
});
