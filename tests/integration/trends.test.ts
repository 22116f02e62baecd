// Trends across waves and comparisons between waves, checked against figures recomputed here from
// the raw rows in PostgreSQL (means, t intervals, Wilson intervals, Welch and z tests, BH).
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Comparison } from "@/lib/analytics/compare";
import type { Trends, TrendSeries } from "@/lib/analytics/trends";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { normalUpperTail, studentTQuantileTwoSided, studentTTwoSided } from "@/lib/stats/distributions";
import { signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api, type ErrorBody } from "../helpers/http";
import { validAnswers } from "../helpers/answers";
import { TREND_WAVES, ensureWaves, trendWaveSpecs } from "../helpers/waves";
import { englishOnly } from "../helpers/english-only";

let cookie: string;
const K = 5;
const Z = 1.959963984540054;
const W = `waves=${[...TREND_WAVES].reverse().join(",")}`; // given newest first on purpose
const trends = async (query = "") => {
  const r = await api<Trends & { filters: unknown }>(`/api/v1/analytics/trends?${W}${query}`, { cookie });
  expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(200);
  return r.body;
};

beforeAll(async () => {
  cookie = await signIn();
  await ensureWaves(trendWaveSpecs());
});
afterAll(closeTestPool);

/** One value per complete response of a wave, straight from the table. */
async function raw(wave: string, expression: string, where = "true"): Promise<number[]> {
  const { rows } = await testPool().query<{ v: number }>(
    `SELECT (${expression})::float8 AS v FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
     WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.status = 'complete' AND ${where}`,
    [wave],
  );
  return rows.map((r) => Number(r.v));
}

const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const varianceOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};
/** t.test(x)$conf.int, cut at [lo, hi]. */
function tInterval(xs: number[], lo: number, hi: number) {
  const half = (studentTQuantileTwoSided(0.05, xs.length - 1) * Math.sqrt(varianceOf(xs))) / Math.sqrt(xs.length);
  return { mean: meanOf(xs), lower: Math.max(lo, meanOf(xs) - half), upper: Math.min(hi, meanOf(xs) + half) };
}
/** t.test(a, b)$p.value (Welch). */
function welchP(a: number[], b: number[]) {
  const va = varianceOf(a) / a.length;
  const vb = varianceOf(b) / b.length;
  const t = (meanOf(a) - meanOf(b)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return studentTTwoSided(t, df);
}
/** prop.test(x, n, correct = FALSE)$conf.int */
function wilson(x: number, n: number) {
  const p = x / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
  return { lower: centre - half, upper: centre + half };
}
/** prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value */
function zP(x1: number, n1: number, x2: number, n2: number) {
  const pooled = (x1 + x2) / (n1 + n2);
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return 2 * normalUpperTail(Math.abs(z));
}
/** p.adjust(p, "BH"), written out here rather than taken from lib/stats. */
function bh(ps: number[]) {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  const out = new Array<number>(ps.length);
  let running = 1;
  order.forEach(({ p, i }, j) => {
    running = Math.min(running, (p * ps.length) / (ps.length - j));
    out[i] = running;
  });
  return out;
}
const series = (t: Trends, id: string) => t.series.find((s) => s.id === id) as TrendSeries;

describe("trends API across three waves", () => {
  it("lists the waves it covers oldest first, whatever order they were asked in", async () => {
    const t = await trends();
    expect(t.waves.map((w) => w.code)).toEqual([...TREND_WAVES]);
    for (const s of t.series) expect(s.points.map((p) => p.wave)).toEqual([...TREND_WAVES]);
    for (const s of t.series) expect(s.steps.map((x) => `${x.from}>${x.to}`)).toEqual(["2019-Q2>2019-Q3", "2019-Q3>2019-Q4"]);
  });

  it("computes the readiness index's mean and t interval, and Welch's test wave over wave, as from the raw rows", async () => {
    const t = await trends();
    const index = series(t, "index");
    const values = await Promise.all(TREND_WAVES.map((w) => raw(w, "readiness_index")));
    TREND_WAVES.forEach((_, i) => {
      const expected = tInterval(values[i]!, 0, 100);
      const point = index.points[i]!;
      expect(point.n).toBe(values[i]!.length);
      expect(t.waves[i]!.n).toBe(values[i]!.length);
      expect(point.value).toBeCloseTo(expected.mean, 9);
      expect(point.interval!.lower).toBeCloseTo(expected.lower, 9);
      expect(point.interval!.upper).toBeCloseTo(expected.upper, 9);
    });
    index.steps.forEach((s, j) => {
      expect(s.test).toBe("Welch t");
      expect(s.difference).toBeCloseTo(meanOf(values[j + 1]!) - meanOf(values[j]!), 9);
      expect(s.p).toBeCloseTo(welchP(values[j + 1]!, values[j]!), 10);
    });
    // A dimension on 0-100: (mean - 1) * 25.
    const strategy = series(t, "dimension:dim_strategy");
    const dims = await Promise.all(TREND_WAVES.map((w) => raw(w, "((answers->>'dim_strategy')::int - 1) * 25")));
    strategy.points.forEach((p, i) => {
      const expected = tInterval(dims[i]!, 0, 100);
      expect([p.value, p.interval!.lower, p.interval!.upper].map((v) => Math.round(v! * 1e9))).toEqual(
        [expected.mean, expected.lower, expected.upper].map((v) => Math.round(v * 1e9)),
      );
    });
    strategy.steps.forEach((s, j) => expect(s.p).toBeCloseTo(welchP(dims[j + 1]!, dims[j]!), 10));
  });

  it("computes the share in production with Wilson intervals and z tests wave over wave", async () => {
    const t = await trends();
    const production = series(t, "production");
    const counts = await Promise.all(
      TREND_WAVES.map(async (w) => {
        const flags = await raw(w, "(stage IN ('limited_production', 'scaled_production'))::int");
        return { x: flags.reduce((s, v) => s + v, 0), n: flags.length };
      }),
    );
    production.points.forEach((p, i) => {
      const { x, n } = counts[i]!;
      expect(p.n).toBe(x);
      expect(p.value).toBeCloseTo(x / n, 12);
      expect(p.interval!.lower).toBeCloseTo(wilson(x, n).lower, 12);
      expect(p.interval!.upper).toBeCloseTo(wilson(x, n).upper, 12);
    });
    production.steps.forEach((s, j) => {
      const a = counts[j]!;
      const b = counts[j + 1]!;
      expect(s.test).toBe("two-proportion z");
      expect(s.difference).toBeCloseTo((b.x / b.n - a.x / a.n) * 100, 9);
      expect(s.p).toBeCloseTo(zP(b.x, b.n, a.x, a.n), 9);
    });
  });

  it("adjusts every planned wave-over-wave test in one Benjamini-Hochberg family, withheld ones at p = 1", async () => {
    for (const t of [await trends(), await trends("&industry=education")]) {
      // Planned: both waves asked it. Withheld figures enter with p = 1; unasked pairs are no test.
      const planned = t.series.flatMap((s) => s.steps.filter((_, j) => s.points[j]!.offered && s.points[j + 1]!.offered));
      expect(t.family).toEqual({
        correction: "Benjamini-Hochberg",
        tests: planned.length,
        stated: planned.filter((s) => s.p !== null).length,
      });
      const q = bh(planned.map((s) => s.p ?? 1));
      planned.forEach((s, i) => {
        if (s.p === null) return expect([s.q, s.significant]).toEqual([null, false]);
        expect(s.q).toBeCloseTo(q[i]!, 12);
        expect(s.significant).toBe(s.q! < 0.05);
      });
      expect(t.series.flatMap((s) => s.steps).filter((s) => s.p === null && s.q !== null)).toEqual([]);
    }
  });

  it("withholds small cells: a wave under k under the filters, and options chosen by fewer than k", async () => {
    const t = await trends();
    const onDevice = series(t, "planned_infrastructure:on_device");
    expect(onDevice.points.map((p) => [p.n, p.value])).toEqual(TREND_WAVES.map(() => [null, null])); // 2 of them each wave
    expect(onDevice.steps.map((s) => s.p)).toEqual([null, null]);
    for (const s of t.series.filter((x) => x.kind === "proportion"))
      s.points.forEach((p, i) => {
        if (p.n === null) return;
        const total = t.waves[i]!.n!;
        expect(p.n === 0 || p.n >= K, `${s.id} ${p.wave}`).toBe(true);
        expect(total - p.n === 0 || total - p.n >= K, `${s.id} ${p.wave}`).toBe(true);
      });

    const education = await trends("&industry=education");
    expect(education.waves.map((w) => [w.code, w.n, w.reportable])).toEqual([
      ["2019-Q2", 8, true],
      ["2019-Q3", null, false],
      ["2019-Q4", 8, true],
    ]);
    for (const s of education.series) {
      expect(s.points[1]).toMatchObject({ n: null, value: null, interval: null });
      expect(s.steps.map((x) => x.p)).toEqual([null, null]);
    }
    expect(JSON.stringify(education)).not.toMatch(/"n":[1-4][,}]/);
  });

  it("compares only options every wave offered, and says so for one that was added", async () => {
    const t = await trends();
    const sovereign = series(t, "planned_infrastructure:sovereign_cloud");
    expect(sovereign.shared).toBe(false);
    expect(sovereign.points.map((p) => p.offered)).toEqual([false, false, true]);
    expect(sovereign.points[2]!.n).toBe(
      (await raw("2019-Q4", "(answers->'infra_planned' ? 'sovereign_cloud')::int")).reduce((s, v) => s + v, 0),
    );
    expect(sovereign.steps.map((s) => [s.p, s.test])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(sovereign.steps[1]!.note).toMatch(/2019-Q3/);
    expect(t.notes.some((n) => n.includes("Sovereign cloud") && n.includes("2019-Q4") && /only waves that both have it/.test(n))).toBe(
      true,
    );
    expect(series(t, "planned_infrastructure:hybrid").shared).toBe(true);
    // The Trends page says so too.
    const page = await fetch(`${process.env.APP_BASE_URL}/dashboard/trends?${W}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Sovereign cloud");
    expect(html).toMatch(/only waves that both have it/);
  });

  it("applies the usual filters in every wave and refuses unknown or bad parameters by name", async () => {
    const tech = await trends("&industry=technology");
    for (const [i, w] of TREND_WAVES.entries()) expect(tech.waves[i]!.n).toBe((await raw(w, "1", "industry = 'technology'")).length);
    for (const [query, path] of [
      ["&wave=2019-Q2", "wave"],
      ["&waves=1999-Q1", "waves"],
      ["&industry=banking", "industry"],
      ["&from=2019-05-01&to=2019-04-01", "to"],
    ] as const) {
      const r = await api<ErrorBody>(`/api/v1/analytics/trends?${W}${query}`, { cookie });
      expect(r.status, query).toBe(400);
      expect(r.body.error.fields.map((f) => f.path)).toContain(path);
    }
    expect((await api("/api/v1/analytics/trends")).status).toBe(401);
  });
});

describe("comparison between waves", () => {
  const compare = (query: string) => api<Comparison & { wave: string; bWave: string }>(`/api/v1/analytics/compare?${query}`, { cookie });

  it("compares one industry this wave against the last (b=custom, b_wave), with only shared options", async () => {
    const r = await compare("a_wave=2019-Q4&a_industry=technology&b=custom&b_wave=2019-Q3&b_industry=technology");
    expect(r.status).toBe(200);
    expect([r.body.wave, r.body.bWave, r.body.reportable, r.body.problem]).toEqual(["2019-Q4", "2019-Q3", true, null]);
    expect(r.body.nA).toBe((await raw("2019-Q4", "1", "industry = 'technology'")).length);
    expect(r.body.nB).toBe((await raw("2019-Q3", "1", "industry = 'technology'")).length);
    const a = await raw("2019-Q4", "(answers->>'dim_strategy')::int", "industry = 'technology'");
    const b = await raw("2019-Q3", "(answers->>'dim_strategy')::int", "industry = 'technology'");
    const strategy = r.body.rows.find((x) => x.questionId === "dim_strategy")!;
    expect(strategy.p).toBeCloseTo(welchP(a, b), 10);
    expect(strategy.difference).toBeCloseTo((meanOf(a) - meanOf(b)) * 25, 9);
    // The added option is not compared, and the note says so.
    expect(r.body.rows.some((x) => x.optionId === "sovereign_cloud")).toBe(false);
    expect(r.body.notes.some((n) => n.includes("Sovereign cloud"))).toBe(true);
    const planned = r.body.questions.find((x) => x.questionId === "infra_planned");
    expect(planned).toBeUndefined(); // a multi-select has no whole-question test anyway
  });

  it("declares b_wave: another wave needs b=custom, and unknown parameters are refused", async () => {
    const rest = await api<ErrorBody>(`/api/v1/analytics/compare?a_wave=2019-Q4&a_industry=technology&b=rest&b_wave=2019-Q3`, { cookie });
    expect(rest.status).toBe(400);
    expect(rest.body.error.fields.map((f) => f.path)).toEqual(["b_wave"]);
    const unknown = await api<ErrorBody>(`/api/v1/analytics/compare?a_wave=2019-Q4&b=custom&b_wave=2019-Q3&c_wave=2019-Q2`, { cookie });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f) => f.path)).toEqual(["c_wave"]);
    const bad = await api<ErrorBody>(`/api/v1/analytics/compare?a_wave=2019-Q4&b=custom&b_wave=1999-Q1`, { cookie });
    expect(bad.body.error.fields.map((f) => f.path)).toEqual(["b_wave"]);
  });

  it("withholds a shared option when an option only one wave offers was chosen by 1..k-1 (n minus the rest would show it)", async () => {
    // Traffic shape: wave P2 offers "seasonal" besides v1's options, chosen by 2 of its 20.
    const withSeasonal = structuredClone(englishOnly(instrumentV1));
    for (const question of withSeasonal.sections.flatMap((x) => x.questions))
      if (question.id === "traffic_shape" && question.type === "single") question.options.push({ id: "seasonal", label: "Seasonal" });
    const shapes = (counts: Record<string, number>) =>
      Object.entries(counts).flatMap(([shape, n]) => Array.from({ length: n }, () => shape));
    const spec = (code: string, instrument: Instrument, traffic: string[]) => ({
      code,
      title: code,
      opensAt: "2018-03-01T00:00:00Z",
      instrument,
      rows: traffic.map((traffic_shape) => ({ day: "2018-03-15", answers: validAnswers({ industry: "technology", traffic_shape }) })),
    });
    await ensureWaves([
      spec("2018-P1", instrumentV1, shapes({ steady: 7, daily_peaks: 7, bursty: 6 })),
      spec("2018-P2", withSeasonal, shapes({ steady: 6, daily_peaks: 6, bursty: 6, seasonal: 2 })),
    ]);
    const r = await compare("a_wave=2018-P1&a_industry=technology&b=custom&b_wave=2018-P2&b_industry=technology");
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect([r.body.nA, r.body.nB, r.body.reportable]).toEqual([20, 20, true]);
    const traffic = r.body.rows.filter((x) => x.questionId === "traffic_shape");
    expect(traffic.map((x) => x.optionId).sort()).toEqual(["bursty", "daily_peaks", "steady", "unpredictable"]);
    // Had every shared count of B been shown, 20 - (6 + 6 + 6 + 0) = 2 would be the seasonal count.
    expect(traffic.some((x) => x.b.n === null)).toBe(true);
    const shownB = traffic.reduce((sum, x) => sum + (x.b.n ?? 0), 0);
    expect(r.body.nB! - shownB).toBeGreaterThanOrEqual(K);
    expect(r.body.notes.some((n) => n.includes("Seasonal"))).toBe(true);
  });
});

describe("waves whose instrument renamed a dimension question and an option (roles and codes kept)", () => {
  /** v1 with dim_strategy renamed (dimension code strategy kept) and traffic_shape's question and "steady" renamed (code kept). */
  const renamed = (): Instrument => {
    const copy = structuredClone(englishOnly(instrumentV1));
    for (const question of copy.sections.flatMap((x) => x.questions)) {
      if (question.id === "dim_strategy") question.id = "dim_strategy_v2";
      if (question.id === "traffic_shape" && question.type === "single") {
        question.id = "traffic_pattern";
        question.options = question.options.map((o) => (o.id === "steady" ? { ...o, id: "constant", code: "steady" } : o));
      }
    }
    return copy;
  };
  const rows = (rename: boolean) =>
    Array.from({ length: 20 }, (_, i) => {
      const answers = validAnswers({ industry: "technology", dim_strategy: 1 + (i % 5), traffic_shape: i % 2 ? "steady" : "bursty" });
      if (!rename) return { day: "2018-06-15", answers };
      const { dim_strategy, traffic_shape, ...rest } = answers;
      return {
        day: "2018-06-15",
        answers: {
          ...rest,
          dim_strategy_v2: Math.min(5, Number(dim_strategy) + 1),
          traffic_pattern: traffic_shape === "steady" ? "constant" : "bursty",
        },
      };
    });

  beforeAll(async () => {
    await ensureWaves([
      { code: "2018-R1", title: "R1", opensAt: "2018-06-01T00:00:00Z", instrument: instrumentV1, rows: rows(false) },
      { code: "2018-R2", title: "R2", opensAt: "2018-06-02T00:00:00Z", instrument: renamed(), rows: rows(true) },
    ]);
  });

  it("trends follow the dimension by its code across the rename", async () => {
    const r = await api<Trends>(`/api/v1/analytics/trends?waves=2018-R1,2018-R2`, { cookie });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const strategy = r.body.series.filter((x) => x.measure === "dimension" && x.label === "Strategy");
    expect(strategy).toHaveLength(1);
    expect(strategy[0]).toMatchObject({ questionId: "dim_strategy_v2", shared: true });
    expect(strategy[0]!.points.map((p) => [p.offered, p.n])).toEqual([
      [true, 20],
      [true, 20],
    ]);
    // 1..5 cycling is 3 on average (50 on 0-100); one higher, capped at 5: 3.8 (70).
    expect(strategy[0]!.points[0]!.value).toBeCloseTo(50, 9);
    expect(strategy[0]!.points[1]!.value).toBeCloseTo(70, 9);
  });

  it("the comparison pairs the renamed question by role and the renamed option by code", async () => {
    const r = await api<Comparison>(
      `/api/v1/analytics/compare?a_wave=2018-R2&a_industry=technology&b=custom&b_wave=2018-R1&b_industry=technology`,
      { cookie },
    );
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const strategy = r.body.rows.find((x) => x.questionId === "dim_strategy_v2");
    expect(strategy).toMatchObject({ a: { n: 20 }, b: { n: 20 } });
    expect(strategy?.difference).toBeCloseTo(20, 9);
    const constant = r.body.rows.find((x) => x.questionId === "traffic_pattern" && x.optionId === "constant");
    expect(constant).toMatchObject({ a: { n: 10 }, b: { n: 10 }, difference: 0 });
    expect(r.body.notes.filter((n) => n.includes("not asked the same way"))).toEqual([]);
  });
});

describe("exports with waves", () => {
  const csv = async (path: string) => {
    const response = await fetch(`${process.env.APP_BASE_URL}${path}`, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return { rows: parsed.data, columns: parsed.meta.fields ?? [] };
  };

  it("responses.csv has a wave column on every row", async () => {
    const { rows, columns } = await csv(`/api/v1/exports/responses.csv?wave=2019-Q3&status=complete`);
    expect(columns.slice(0, 2)).toEqual(["response_id", "wave"]);
    expect(rows.length).toBe((await raw("2019-Q3", "1")).length);
    expect(new Set(rows.map((r) => r.wave))).toEqual(new Set(["2019-Q3"]));
  });

  it("each wave's codebook names the section (title and text) and the question's stem beside the short label", async () => {
    const q4 = (await csv(`/api/v1/exports/codebook.csv?wave=2019-Q4`)).rows;
    const strategy = q4.find((r) => r.column === "dim_strategy")!;
    expect(strategy).toMatchObject({
      wave: "2019-Q4",
      section_id: "dimensions",
      section_title: "Readiness by dimension",
      role: "readiness_dimension",
    });
    expect(strategy.section_text).toMatch(/^How mature is your organization/);
    expect(strategy.question_text).toBe("Strategy");
    expect(strategy.question_help).toBe("A funded plan with owners and goals");
    const industry = q4.find((r) => r.column === "industry")!;
    expect([industry.section_title, industry.question_text]).toEqual(["About you", "Which industry do you work in?"]);
    expect(q4.some((r) => r.column === "infra_planned__sovereign_cloud")).toBe(true);
    const q3 = (await csv(`/api/v1/exports/codebook.csv?wave=2019-Q3`)).rows;
    expect(q3.some((r) => r.column === "infra_planned__sovereign_cloud")).toBe(false);
    expect(new Set(q3.map((r) => r.wave))).toEqual(new Set(["2019-Q3"]));
  });

  it("exports several waves at once: rows by wave oldest first, the union of columns, filters applied", async () => {
    const { rows, columns } = await csv(`/api/v1/exports/responses-waves.csv?${W}&industry=technology&status=complete`);
    const expected = await Promise.all(TREND_WAVES.map((w) => raw(w, "1", "industry = 'technology'")));
    expect(rows.length).toBe(expected.reduce((s, x) => s + x.length, 0));
    const order = rows.map((r) => r.wave);
    expect(order).toEqual([...order].sort());
    expect(TREND_WAVES.map((w) => order.filter((x) => x === w).length)).toEqual(expected.map((x) => x.length));
    expect(columns).toContain("infra_planned__sovereign_cloud");
    expect(new Set(rows.filter((r) => r.wave !== "2019-Q4").map((r) => r.infra_planned__sovereign_cloud))).toEqual(new Set([""]));
    expect(new Set(rows.filter((r) => r.wave === "2019-Q4").map((r) => r.infra_planned__sovereign_cloud))).toEqual(new Set(["0", "1"]));
    expect(new Set(rows.map((r) => r.industry))).toEqual(new Set(["technology"]));
    const codebooks = (await csv(`/api/v1/exports/codebook-waves.csv?${W}`)).rows;
    expect([...new Set(codebooks.map((r) => r.wave))]).toEqual([...TREND_WAVES]);
    const refused = await api<ErrorBody>(`/api/v1/exports/codebook-waves.csv?${W}&industry=technology`, { cookie });
    expect(refused.status).toBe(400);
  });

  it("trends.csv carries the view's figures and tests at full precision", async () => {
    const t = await trends();
    const { rows } = await csv(`/api/v1/exports/trends.csv?${W}`);
    const num = (v: string | undefined) => (v === undefined || v === "" ? null : Number(v));
    for (const s of t.series)
      s.points.forEach((p, i) => {
        const line = rows.find((r) => r.series === s.id && r.wave === p.wave)!;
        expect([num(line.value), num(line.ci_lower), num(line.p)]).toEqual([
          p.value,
          p.interval?.lower ?? null,
          i ? s.steps[i - 1]!.p : null,
        ]);
      });
  });
});

describe("comparison page between waves", () => {
  it("names each segment's wave and says what the waves' questionnaires do not share", async () => {
    const query = "a_wave=2019-Q4&a_industry=technology&b=custom&b_wave=2019-Q3&b_industry=technology";
    const page = await fetch(`${process.env.APP_BASE_URL}/dashboard/compare?${query}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("in Trend 2019-Q4");
    expect(html).toContain("in Trend 2019-Q3");
    expect(html).toMatch(/Segment B is from another wave/);
    expect(html).toContain("Sovereign cloud");
  });
});
