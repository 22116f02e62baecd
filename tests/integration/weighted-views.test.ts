// Weighted figures through the real APIs and exports on real PostgreSQL, against R's survey
// package: a closed wave of the analysts' survey holding the 120 rows of
// tests/fixtures/weighting/views.json (written by make-view-fixtures.R there), raked on industry and
// region. Once targets are set the overview is weighted by default: n_eff, the dimension's svymean
// and normal interval, and every stage share's svyciprop(method = "logit") equal R's to 1e-6, for
// the whole wave and a filtered view (a domain of the wave's design); weighted=0 gives the
// unweighted figures; compare's sides, differences (svyttest) and question tests (svychisq) equal
// R's; so do the trends' points and steps (svyttest(y ~ wave) on two waves stacked); viewers get
// unweighted protected figures, and say so; a response in a brand-new profile cell is weighted at once.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Comparison } from "@/lib/analytics/compare";
import type { Overview } from "@/lib/analytics/overview";
import type { Trends } from "@/lib/analytics/trends";
import { definitionHash } from "@/lib/survey/definition-hash";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";
import { dimensionCategories } from "@/lib/weighting/instrument";
import type { TargetRow, WeightReport } from "@/lib/weighting/schemas";
import views from "../fixtures/weighting/views.json";
import { validAnswers } from "../helpers/answers";
import { authHeaders, createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, insertCompleteResponses, testPool } from "../helpers/db";
import { api } from "../helpers/http";
import { putWeightingTargets } from "../helpers/weighting";

const WAVE = "2018-Q2";
const EARLIER = "2018-Q1";
const TOL = 1e-6;
let cookie = "";
let waveId = "";

const close = (actual: number | null | undefined, expected: number, tol = TOL) => {
  expect(actual, `expected ${expected}`).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
};
const on100 = (v: number) => (v - 1) * 25;

type Row = (typeof views.rows)[number];
const answersOf = (r: Row) =>
  validAnswers({
    industry: r.industry,
    region: r.region,
    company_size: r.company_size,
    role: r.role,
    ai_stage: r.ai_stage,
    dim_strategy: r.dim_strategy,
    concerns: r.latency === 1 ? ["latency", "cost"] : ["cost", "security"],
    concerns_top3: r.latency === 1 ? ["latency", "cost"] : ["cost", "security"],
  });

const overview = (query: string, as = cookie) => api<Overview>(`/api/v1/analytics/overview?wave=${WAVE}${query}`, { cookie: as });

async function csv(path: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${process.env.APP_BASE_URL}${path}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

beforeAll(async () => {
  cookie = await signIn();
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
     SELECT id, $1, 'Weighted 2018', 'closed', $2, $3, '2018-04-01T00:00:00Z' FROM survey WHERE slug = $4 RETURNING id`,
    [WAVE, JSON.stringify(instrumentV1), definitionHash(instrumentV1), SURVEY_SLUG],
  );
  waveId = rows[0]!.id;
  await insertCompleteResponses(waveId, views.rows.map(answersOf), 3);
  // The same rows as an earlier wave without targets (the trends' step from an unweighted wave).
  const earlier = await testPool().query<{ id: string }>(
    `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
     SELECT id, $1, 'Unweighted 2018', 'closed', $2, $3, '2018-01-01T00:00:00Z' FROM survey WHERE slug = $4 RETURNING id`,
    [EARLIER, JSON.stringify(instrumentV1), definitionHash(instrumentV1), SURVEY_SLUG],
  );
  await insertCompleteResponses(earlier.rows[0]!.id, views.rows.map(answersOf), 3);
});
// The suite shares one database: take the two waves out again, so views over "every wave" elsewhere never see them.
afterAll(async () => {
  const waves = await testPool().query<{ id: string }>(
    `SELECT w.id FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = ANY($2)`,
    [SURVEY_SLUG, [WAVE, EARLIER]],
  );
  const ids = waves.rows.map((w) => w.id);
  await testPool().query(`DELETE FROM response WHERE wave_id = ANY($1::uuid[])`, [ids]);
  await testPool().query(`DELETE FROM wave WHERE id = ANY($1::uuid[])`, [ids]);
  await closeTestPool();
});

/** The R fixture's targets for every category of the two dimensions (0 for the categories nobody is in). */
function targets(): TargetRow[] {
  const categories = dimensionCategories(instrumentV1);
  return (["industry", "region"] as const).flatMap((dimension) =>
    categories[dimension].map((category) => ({
      dimension,
      category,
      share: (views.targets[dimension] as Record<string, number>)[category] ?? 0,
    })),
  );
}

/** Every number to 12 significant digits, so that two computations of one figure compare equal. */
function toPrecision12(value: unknown): unknown {
  if (typeof value === "number") return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(toPrecision12);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPrecision12(v)]));
  return value;
}

function expectView(body: Overview, r: typeof views.whole) {
  expect(body.weighting).toMatchObject({ state: "weighted", available: true, n: r.n });
  close(body.weighting.nEff, r.nEff);
  const strategy = body.dimensions.find((d) => d.id === "dim_strategy")!.filtered!;
  close(strategy.mean, on100(r.dim_strategy.estimate));
  close(strategy.lower, on100(r.dim_strategy.lower));
  close(strategy.upper, on100(r.dim_strategy.upper));
  for (const [stage, expected] of Object.entries(r.stages)) {
    const shown = body.stages.find((s) => s.id === stage)!;
    // Counts stay the respondents' (suppression is on unweighted counts).
    expect(shown.n).toBe(
      views.rows.filter((row) => row.ai_stage === stage && (r === views.whole || row.region === "north_america")).length,
    );
    close(shown.share, expected.estimate);
    close(shown.interval?.lower, expected.lower);
    close(shown.interval?.upper, expected.upper);
  }
  const latency = body.concerns.find((c) => c.id === "latency")!;
  close(latency.share, r.latency.estimate);
  close(latency.interval?.lower, r.latency.lower);
  close(latency.interval?.upper, r.latency.upper);
}

describe("weighted figures equal R's survey package", () => {
  it("is unweighted without targets: n_eff = n and plain shares", async () => {
    const { status, body } = await overview("");
    expect(status).toBe(200);
    expect(body.weighting).toEqual({ state: "no_targets", available: false, n: 120, nEff: 120 });
    const pilots = body.stages.find((s) => s.id === "pilots")!;
    expect(pilots.share).toBe(pilots.n! / 120);
  });

  it("weights the overview by default once the wave has targets: svymean, svyciprop(logit) and n_eff", async () => {
    const saved = await putWeightingTargets(WAVE, targets(), cookie);
    expect(saved.status).toBe(200);
    const { status, body } = await overview("");
    expect(status).toBe(200);
    expectView(body, views.whole);
    // Same figures; the last bits may differ when one request's tallies came from PostgreSQL (the
    // replica still folding, as on the embedded database) and the other's from the replica, which
    // add the same reals in another order.
    expect(toPrecision12((await overview("&weighted=1")).body)).toEqual(toPrecision12(body));
  });

  it("a filtered view is a domain of the wave's design (R: subset(design, region == ...))", async () => {
    const { body } = await overview("&region=north_america");
    expectView(body, views.north_america);
    // The readiness profile's "all respondents" column is the whole wave's weighted mean.
    close(body.dimensions.find((d) => d.id === "dim_strategy")!.all!.mean, on100(views.whole.dim_strategy.estimate));
  });

  it("weighted=0 switches to the unweighted figures; a bad value is a 400 naming the parameter", async () => {
    const { body } = await overview("&weighted=0");
    expect(body.weighting).toEqual({ state: "switched_off", available: true, n: 120, nEff: 120 });
    const pilots = body.stages.find((s) => s.id === "pilots")!;
    expect(pilots.share).toBe(pilots.n! / 120);
    const bad = await api<{ error: { fields: { path: string }[] } }>(`/api/v1/analytics/overview?wave=${WAVE}&weighted=yes`, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path)).toEqual(["weighted"]);
  });

  it("overview.csv carries the weighted figures and the view's n and n_eff, and follows the switch", async () => {
    const rows = await csv(`/api/v1/exports/overview.csv?wave=${WAVE}`);
    const view = rows.find((l) => l.table === "view")!;
    expect(view).toMatchObject({ n: "120", note: "weighted" });
    close(Number(view.value), views.whole.nEff);
    for (const [stage, expected] of Object.entries(views.whole.stages)) {
      const line = rows.find((l) => l.table === "stage" && l.category === stage)!;
      close(Number(line.value), expected.estimate);
      close(Number(line.ci_lower), expected.lower);
      close(Number(line.ci_upper), expected.upper);
    }
    const plain = await csv(`/api/v1/exports/overview.csv?wave=${WAVE}&weighted=0`);
    expect(plain.find((l) => l.table === "view")).toMatchObject({ n: "120", value: "120", note: "switched_off" });
  });

  it("viewers get unweighted protected figures, and the view says so", async () => {
    const viewer = await createAnalyst("viewer");
    const viewerCookie = await signIn(viewer.email, viewer.password);
    const { status, body } = await overview("", viewerCookie);
    expect(status).toBe(200);
    expect(body.weighting.state).toBe("protected");
    expect(body.weighting.available).toBe(true);
    const weighted = await overview("&weighted=1", viewerCookie);
    expect(weighted.body.weighting.state).toBe("protected");
  });

  it("weights first computed for a viewer are raked from exact counts, so the analyst's next view is R's", async () => {
    // Saving the targets again empties the weights cache; the viewer's view then computes them
    // (inside protected figures), and the analyst's view right after reuses them.
    const saved = await putWeightingTargets(WAVE, targets(), cookie);
    expect(saved.status).toBe(200);
    const viewer = await createAnalyst("viewer");
    const viewerCookie = await signIn(viewer.email, viewer.password);
    expect((await overview("", viewerCookie)).body.weighting.state).toBe("protected");
    const { status, body } = await overview("");
    expect(status).toBe(200);
    expectView(body, views.whole);
  });

  it("compare: svymean and svyciprop per side, svyttest for differences, svychisq's Rao-Scott F per question", async () => {
    const { status, body } = await api<Comparison>(`/api/v1/analytics/compare?a_wave=${WAVE}&a_industry=technology`, { cookie });
    expect(status).toBe(200);
    const r = views.compare;
    expect(body.weighting).toMatchObject({ state: "weighted", n: 120 });
    close(body.weighting.nEff, views.whole.nEff);
    close(body.nEffA, r.nEffA);
    close(body.nEffB, r.nEffB);
    const mean = body.rows.find((x) => x.questionId === "dim_strategy")!;
    expect(mean.test).toBe("design-based t");
    close(mean.a.value, on100(r.dim_strategy.a.estimate));
    close(mean.a.interval?.lower, on100(r.dim_strategy.a.lower));
    close(mean.b.interval?.upper, on100(r.dim_strategy.b.upper));
    close(mean.difference, r.dim_strategy.ttest.difference * 25);
    close(mean.differenceInterval?.lower, r.dim_strategy.ttest.lower * 25);
    close(mean.differenceInterval?.upper, r.dim_strategy.ttest.upper * 25);
    close(mean.p, r.dim_strategy.ttest.p);
    const pilots = body.rows.find((x) => x.questionId === "ai_stage" && x.optionId === "pilots")!;
    expect(pilots.a.n).toBe(views.rows.filter((x) => x.industry === "technology" && x.ai_stage === "pilots").length);
    close(pilots.a.value, r.pilots.a.estimate);
    close(pilots.a.interval?.lower, r.pilots.a.lower);
    close(pilots.b.interval?.upper, r.pilots.b.upper);
    close(pilots.difference, r.pilots.ttest.difference * 100);
    close(pilots.differenceInterval?.lower, r.pilots.ttest.lower * 100);
    close(pilots.p, r.pilots.ttest.p);
    const stage = body.questions.find((x) => x.questionId === "ai_stage")!;
    expect(stage.test).toBe("Rao-Scott F");
    close(stage.statistic, r.ai_stage.f);
    close(stage.df, r.ai_stage.ndf);
    close(stage.p, r.ai_stage.p);
    const plain = await api<Comparison>(`/api/v1/analytics/compare?a_wave=${WAVE}&a_industry=technology&weighted=0`, { cookie });
    expect(plain.body.weighting.state).toBe("switched_off");
    expect(plain.body.rows.find((x) => x.questionId === "dim_strategy")!.test).toBe("Welch t");
  });

  it("trends: each wave weighted with its own weights; a step is svyttest(y ~ wave) on the waves stacked", async () => {
    const { status, body } = await api<Trends>(`/api/v1/analytics/trends?waves=${EARLIER},${WAVE}`, { cookie });
    expect(status).toBe(200);
    expect(body.weighting).toEqual({ state: "weighted", available: true });
    expect(body.waves.map((w) => [w.code, w.weighting, w.n])).toEqual([
      [EARLIER, "no_targets", 120],
      [WAVE, "weighted", 120],
    ]);
    close(body.waves[1]!.nEff, views.whole.nEff);
    const strategy = body.series.find((x) => x.id === "dimension:dim_strategy")!;
    close(strategy.points[1]!.value, on100(views.whole.dim_strategy.estimate));
    close(strategy.points[1]!.interval?.lower, on100(views.whole.dim_strategy.lower));
    expect(strategy.steps[0]!.test).toBe("design-based t");
    close(strategy.steps[0]!.difference, views.trend.dim_strategy.difference * 25);
    close(strategy.steps[0]!.p, views.trend.dim_strategy.p);
    const production = body.series.find((x) => x.id === "production")!;
    close(production.points[1]!.value, views.trend.production_share.estimate);
    close(production.points[1]!.interval?.upper, views.trend.production_share.upper);
    close(production.steps[0]!.difference, views.trend.production.difference * 100);
    close(production.steps[0]!.p, views.trend.production.p);
    const rows = await csv(`/api/v1/exports/trends.csv?waves=${EARLIER},${WAVE}`);
    const line = rows.find((l) => l.series === "dimension:dim_strategy" && l.wave === WAVE)!;
    expect(line.weighting).toBe("weighted");
    close(Number(line.wave_n_eff), views.whole.nEff);
    close(Number(line.value), on100(views.whole.dim_strategy.estimate));
    const plain = await api<Trends>(`/api/v1/analytics/trends?waves=${EARLIER},${WAVE}&weighted=0`, { cookie });
    expect(plain.body.waves.map((w) => w.weighting)).toEqual(["no_targets", "switched_off"]);
  });

  it("responses-waves.csv carries each complete response's weight in its own wave, empty for an unweighted wave", async () => {
    const rows = await csv(`/api/v1/exports/responses-waves.csv?waves=${EARLIER},${WAVE}&status=complete`);
    const report = await api<WeightReport>(`/api/v1/surveys/${SURVEY_SLUG}/waves/${WAVE}/weighting/report`, {
      cookie,
      headers: authHeaders(),
    });
    const weightOf = new Map(report.body.cells.map((c) => [[c.industry, c.region, c.company_size, c.role].join("|"), c.weight]));
    expect(rows.filter((r) => r.wave === EARLIER).map((r) => r.weight)).toEqual(Array<string>(120).fill(""));
    const later = rows.filter((r) => r.wave === WAVE);
    expect(later).toHaveLength(120);
    for (const r of later) expect(Number(r.weight)).toBe(weightOf.get([r.industry, r.region, r.company_size, r.role].join("|")));
  });

  it("weights a response in a brand-new profile cell at once (views and responses.csv)", async () => {
    // Warm the cached weights, then add a response in a cell nobody was in (a new company size and role).
    expect((await overview("")).body.weighting.n).toBe(120);
    await insertCompleteResponses(
      waveId,
      [validAnswers({ industry: "technology", region: "north_america", company_size: "50000_plus", role: "executive" })],
      1,
    );
    const { body } = await overview("");
    expect(body.weighting).toMatchObject({ state: "weighted", n: 121 });
    // The view recomputed the weights for the new cell: its n_eff is Kish's over the report's cells.
    const report = await api<WeightReport>(`/api/v1/surveys/${SURVEY_SLUG}/waves/${WAVE}/weighting/report`, {
      cookie,
      headers: authHeaders(),
    });
    const cells = report.body.cells;
    expect(cells.reduce((s, c) => s + c.n, 0)).toBe(121);
    expect(cells.find((c) => c.company_size === "50000_plus")?.weight).toBeGreaterThan(0);
    const sw = cells.reduce((s, c) => s + c.n * c.weight, 0);
    const sw2 = cells.reduce((s, c) => s + c.n * c.weight * c.weight, 0);
    close(body.weighting.nEff, (sw * sw) / sw2, 1e-9);
    const exported = await csv(`/api/v1/exports/responses.csv?wave=${WAVE}&status=complete`);
    expect(exported).toHaveLength(121);
    for (const row of exported) expect(Number(row.weight)).toBeGreaterThan(0);
  });
});
