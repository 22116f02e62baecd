// Weighting targets and the weight report through the API, on a survey of the test's own: targets
// refused with every problem named (JSON by path, CSV by line and column), stored as revisions with
// who and when, raked on the real responses (margins met within 1e-6, Kish's n_eff), trimming from
// a CSV upload, a target the sample cannot reach reported, clearing, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { idOfRole } from "@/lib/survey/roles";
import { dimensionCategories } from "@/lib/weighting/instrument";
import type { StoredTargetSet, TargetRow, WeightReport } from "@/lib/weighting/schemas";
import { validAnswers } from "../helpers/answers";
import { authHeaders, createAnalyst, signIn, testAdmin } from "../helpers/auth";
import { closeTestPool, createTestSurvey, insertCompleteResponses, testPool } from "../helpers/db";
import { api, type ErrorBody } from "../helpers/http";

let cookie = "";
let base = "";
let waveId = "";
const categories = dimensionCategories(instrumentV1);
const [industryA, industryB] = categories.industry as [string, string];
const [regionX, regionY] = categories.region as [string, string];

/** Every category of a dimension: the given shares, 0 for the rest. */
const rowsFor = (dimension: "industry" | "region", shares: Record<string, number>): TargetRow[] =>
  categories[dimension].map((category) => ({ dimension, category, share: shares[category] ?? 0 }));
const TARGETS = [...rowsFor("industry", { [industryA]: 0.5, [industryB]: 0.5 }), ...rowsFor("region", { [regionX]: 0.3, [regionY]: 0.7 })];

const admin = (method: string, body?: unknown, headers: Record<string, string> = {}) => ({
  method,
  body,
  cookie,
  headers: { ...authHeaders(), ...headers },
});
type Saved = { targets: StoredTargetSet; report: WeightReport };

beforeAll(async () => {
  cookie = await signIn();
  const created = await createTestSurvey("wt");
  const slug = created.slug;
  waveId = created.waveId;
  const { rows } = await testPool().query<{ code: string }>(`SELECT code FROM wave WHERE id = $1`, [waveId]);
  base = `/api/v1/surveys/${slug}/waves/${rows[0]!.code}/weighting`;
  // 60 complete responses, skewed: industry A 40 / B 20; region X is 30 of A's and 5 of B's.
  const answers = (industry: string, region: string, count: number) =>
    Array.from({ length: count }, () =>
      validAnswers({ [idOfRole(instrumentV1, "industry")]: industry, [idOfRole(instrumentV1, "region")]: region }),
    );
  await insertCompleteResponses(
    waveId,
    [
      ...answers(industryA, regionX, 30),
      ...answers(industryA, regionY, 10),
      ...answers(industryB, regionX, 5),
      ...answers(industryB, regionY, 15),
    ],
    1,
  );
});
afterAll(closeTestPool);

describe("weighting targets and the weight report", () => {
  it("starts unweighted: no targets, every weight 1, n_eff = n", async () => {
    const targets = await api<{ current: null; history: unknown[] }>(`${base}/targets`, admin("GET"));
    expect(targets.status).toBe(200);
    expect(targets.body).toMatchObject({ current: null, history: [] });
    const report = await api<WeightReport>(`${base}/report`, admin("GET"));
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ status: "unweighted", targets: null, raking: null });
    expect(report.body.weights).toMatchObject({ n: 60, nEff: 60, designEffect: 1, efficiency: 1 });
    const a = report.body.margins.find((m) => m.dimension === "industry" && m.category === industryA);
    expect(a).toMatchObject({ responses: 40, target: null });
    expect(a?.sampleShare).toBeCloseTo(40 / 60, 12);
  });

  it("refuses targets naming every problem, by path for JSON", async () => {
    const bad = [
      ...rowsFor("industry", { [industryA]: 0.5, [industryB]: 0.4 }),
      { dimension: "industry", category: "no_such_industry", share: 0.1 },
      { dimension: "region", category: regionX, share: 1 },
    ];
    const refused = await api<ErrorBody>(`${base}/targets`, admin("PUT", { margins: bad }));
    expect(refused.status).toBe(400);
    const paths = refused.body.error.fields.map((f) => f.path);
    const unknownAt = categories.industry.length;
    expect(paths).toEqual([`margins[${unknownAt}].category`, "margins.industry", "margins.region"]);
    expect(refused.body.error.fields[1]!.message).toMatch(/shares sum to 0\.9/);
    expect(refused.body.error.fields[2]!.message).toMatch(new RegExp(`missing categories: ${regionY}`));
    const shape = await api<ErrorBody>(
      `${base}/targets`,
      admin("PUT", { margins: [{ dimension: "planet", category: "x", share: 2 }], extra: 1 }),
    );
    expect(shape.status).toBe(400);
    expect(shape.body.error.fields.map((f) => f.path).sort()).toEqual(["extra", "margins.0.dimension", "margins.0.share"]);
  });

  it("stores targets as a revision and rakes the responses to them within 1e-6", async () => {
    const saved = await api<Saved>(`${base}/targets`, admin("PUT", { margins: TARGETS }));
    expect(saved.status).toBe(200);
    expect(saved.body.targets).toMatchObject({ revision: 1, source: "json", setBy: testAdmin.email, trim: null });
    const report = saved.body.report;
    expect(report.status).toBe("weighted");
    expect(report.raking).toMatchObject({ converged: true, problem: null, trimming: null });
    expect(report.raking!.maxGap).toBeLessThanOrEqual(1e-6);
    for (const m of report.margins.filter((m) => m.target !== null))
      expect(Math.abs(m.weightedShare - m.target!)).toBeLessThanOrEqual(1e-6);
    const { n, sumWeights, nEff, designEffect, efficiency } = report.weights;
    expect(n).toBe(60);
    expect(sumWeights).toBeCloseTo(60, 6);
    const cells = report.cells;
    const sw = cells.reduce((s, c) => s + c.n * c.weight, 0);
    const sw2 = cells.reduce((s, c) => s + c.n * c.weight * c.weight, 0);
    expect(nEff).toBeCloseTo((sw * sw) / sw2, 9);
    expect(nEff).toBeLessThan(60);
    expect(designEffect).toBeCloseTo(60 / nEff, 9);
    expect(efficiency).toBeCloseTo(nEff / 60, 9);
    // A in X is over-represented on both margins: the smallest weight.
    const ax = cells.find((c) => c.industry === industryA && c.region === regionX);
    expect(ax?.weight).toBe(report.weights.distribution.min);
    expect(Math.max(...cells.map((c) => c.weight))).toBe(report.weights.distribution.max);
  });

  it("takes a CSV upload, naming problems by line and column, with trimming caps in the query", async () => {
    const csv = (text: string, query = "") =>
      api<ErrorBody | Saved>(`${base}/targets.csv${query}`, admin("PUT", text, { "content-type": "text/csv" }));
    const broken = await csv(`dimension,category,share\nindustry,${industryA},half\nplanet,x,0.5\nregion,${regionX}\n`);
    expect(broken.status).toBe(400);
    expect((broken.body as ErrorBody).error.fields.map((f) => f.path)).toEqual(["line 2: share", "line 3: dimension", "line 4"]);
    const header = await csv(`dimension,cat,share\n`);
    expect((header.body as ErrorBody).error.fields).toEqual([
      { path: "header", message: 'missing column category; unknown column "cat"; expected dimension,category,share' },
    ]);
    const wrongType = await api<ErrorBody>(`${base}/targets.csv`, admin("PUT", { margins: TARGETS }));
    expect(wrongType.status).toBe(415);
    const caps = await csv("dimension,category,share\n", "?trimLower=0.5");
    expect((caps.body as ErrorBody).error.fields.map((f) => f.path)).toEqual(["trimUpper"]);

    const text = ["\uFEFFshare,dimension,category", ...TARGETS.map((t) => `${t.share},${t.dimension},"${t.category}"`)].join("\r\n");
    const saved = await csv(text, "?trimLower=0.5&trimUpper=1.8");
    expect(saved.status).toBe(200);
    const { targets, report } = saved.body as Saved;
    expect(targets).toMatchObject({ revision: 2, source: "csv", trim: { lower: 0.5, upper: 1.8 } });
    expect(targets.margins).toEqual(TARGETS);
    expect(report.status).toBe("weighted");
    expect(report.raking?.trimming).toMatchObject({ capsMet: true });
    expect(report.weights.distribution.max!).toBeLessThanOrEqual(1.8 * (1 + 1e-6));
    for (const m of report.margins.filter((m) => m.target !== null))
      expect(Math.abs(m.weightedShare - m.target!)).toBeLessThanOrEqual(1e-6);
  });

  it("keeps the weights past their 5 s while the wave's rows stay the same, and recomputes after a change", async () => {
    const computedAt = async () => (await api<WeightReport>(`${base}/report`, admin("GET"))).body.computedAt;
    const first = await computedAt();
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    // Nothing changed: the replica's version of the wave and the targets are what they were raked from.
    expect(await computedAt()).toBe(first);
    await insertCompleteResponses(waveId, [validAnswers({ [idOfRole(instrumentV1, "industry")]: industryA })], 1);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(await computedAt()).not.toBe(first);
  }, 30_000);

  it("keeps the history, newest first, with who and when", async () => {
    const history = await api<{ current: StoredTargetSet; history: StoredTargetSet[] }>(`${base}/targets`, admin("GET"));
    expect(history.body.current.revision).toBe(2);
    expect(history.body.history.map((h) => [h.revision, h.source, h.setBy])).toEqual([
      [2, "csv", testAdmin.email],
      [1, "json", testAdmin.email],
    ]);
    expect(Date.parse(history.body.history[0]!.setAt)).toBeGreaterThanOrEqual(Date.parse(history.body.history[1]!.setAt));
  });

  it("stores targets the sample cannot reach and says why the figures stay unweighted", async () => {
    const [, , industryC] = categories.industry as [string, string, string];
    const unreachable = [
      ...rowsFor("industry", { [industryA]: 0.4, [industryB]: 0.4, [industryC]: 0.2 }),
      ...rowsFor("region", { [regionX]: 0.3, [regionY]: 0.7 }),
    ];
    const saved = await api<Saved>(`${base}/targets`, admin("PUT", { margins: unreachable }));
    expect(saved.status).toBe(200);
    expect(saved.body.report.status).toBe("failed");
    expect(saved.body.report.raking?.problem).toMatchObject({ kind: "empty_category", dimension: "industry", category: industryC });
    expect(saved.body.report.cells.every((c) => c.weight === 1)).toBe(true);
  });

  it("clears the targets with an empty set, as a revision of its own", async () => {
    const cleared = await api<Saved>(`${base}/targets`, admin("PUT", { margins: [] }));
    expect(cleared.status).toBe(200);
    expect(cleared.body.report.status).toBe("unweighted");
    expect(cleared.body.targets).toMatchObject({ revision: 4, source: "clear", margins: [] });
    const report = await api<WeightReport>(`${base}/report`, admin("GET"));
    expect(report.body).toMatchObject({ status: "unweighted", targets: null });
  });

  it("lets analysts read, admins write; unknown waves are 404", async () => {
    expect((await api(`${base}/report`, { headers: authHeaders() })).status).toBe(401);
    const analyst = await createAnalyst();
    const analystCookie = await signIn(analyst.email, analyst.password);
    const as = (method: string, body?: unknown) => ({ method, body, cookie: analystCookie, headers: authHeaders() });
    expect((await api(`${base}/report`, as("GET"))).status).toBe(200);
    expect((await api(`${base}/targets`, as("GET"))).status).toBe(200);
    expect((await api(`${base}/targets`, as("PUT", { margins: TARGETS }))).status).toBe(403);
    const missing = base.replace(/waves\/[^/]+\//, "waves/1999-Q9/");
    expect((await api(`${missing}/report`, admin("GET"))).status).toBe(404);
  });
});
