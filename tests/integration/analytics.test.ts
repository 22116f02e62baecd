import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview } from "@/lib/analytics/overview";
import Papa from "papaparse";
import type { Comparison, ComparisonRow } from "@/lib/analytics/compare";
import { benjaminiHochberg } from "@/lib/stats/tests";
import { CURRENT_WAVE } from "@/lib/survey/instrument";
import { signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { FIXTURE_WAVE, ensureFixtureWave } from "../helpers/fixture-wave";
import { api, type ErrorBody } from "../helpers/http";

let cookie: string;
const K = 5;
const overview = async (query = "") => api<Overview & { filters: unknown }>(`/api/v1/analytics/overview${query}`, { cookie });

beforeAll(async () => {
  cookie = await signIn();
  await ensureFixtureWave();
});
afterAll(closeTestPool);

async function sqlCount(where = "true", params: unknown[] = []): Promise<number> {
  const { rows } = await testPool().query(
    `SELECT count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
     WHERE s.slug = 'ai-readiness' AND w.code = '${CURRENT_WAVE.code}' AND r.status = 'complete' AND ${where}`,
    params,
  );
  return rows[0].n;
}

describe("overview API", () => {
  it("reports totals that match the database, unfiltered and filtered", async () => {
    const all = await overview();
    expect(all.status).toBe(200);
    expect(all.body.reportable).toBe(true);
    expect(all.body.complete).toBe(await sqlCount());
    const tech = await overview("?industry=technology&region=north_america&region=western_europe");
    expect(tech.body.complete).toBe(await sqlCount(`industry = 'technology' AND region IN ('north_america', 'western_europe')`));
    expect(tech.body.complete).toBeLessThan(all.body.complete!);
    // Every figure follows the filter: stage counts add up to the filtered total when none is withheld.
    const stageSum = tech.body.stages.reduce((s, x) => s + (x.n ?? 0), 0);
    if (tech.body.stages.every((x) => x.n !== null)) expect(stageSum).toBe(tech.body.complete);
  });

  it("filters by submission date (inclusive days)", async () => {
    const { rows } = await testPool().query(
      `SELECT to_char(min(submitted_at), 'YYYY-MM-DD') AS d FROM response r JOIN wave w ON w.id = r.wave_id
       JOIN survey s ON s.id = w.survey_id WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.status = 'complete'`,
      [CURRENT_WAVE.code],
    );
    const day = rows[0].d as string;
    const r = await overview(`?from=${day}&to=${day}`);
    const expected = await sqlCount(`r.submitted_at >= $1::date AND r.submitted_at < $1::date + 1`, [day]);
    if (expected >= K) expect(r.body.complete).toBe(expected);
    else expect(r.body.reportable).toBe(false);
  });

  it.each([
    ["?industry=banking", "industry"],
    ["?region=north_america%27%20OR%201%3D1--", "region"],
    ["?from=2026-13-45", "from"],
    ["?from=2026-11-30&to=2026-11-01", "to"],
    ["?wave=1999-Q1", "wave"],
    ["?wave=2026-Q4&wave=2026-Q4", "wave"],
  ])("answers 400 naming the parameter for %s", async (query, path) => {
    const r = await api<ErrorBody>(`/api/v1/analytics/overview${query}`, { cookie });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f) => f.path)).toContain(path);
  });
});

describe("small-cell suppression", () => {
  it("never sends an industry x region cell of 1-4 respondents, nor one that would reveal it", async () => {
    const { rows } = await testPool().query<{ industry: string; region: string; n: number }>(
      `SELECT industry, region, count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
       WHERE s.slug = 'ai-readiness' AND w.code = '${CURRENT_WAVE.code}' AND r.status = 'complete' GROUP BY 1, 2`,
    );
    const small = rows.filter((r) => r.n > 0 && r.n < K);
    expect(small.length).toBeGreaterThan(0); // the seeded data has small cells to protect
    const r = await overview();
    const { industries, regions, cells } = r.body.heatmap;
    for (const cell of small) {
      const i = industries.findIndex((x) => x.id === cell.industry);
      const j = regions.findIndex((x) => x.id === cell.region);
      expect(cells[i]![j]).toEqual({ n: null, index: null });
    }
    // No row or column holds exactly one withheld cell, so subtraction from totals reveals nothing.
    cells.forEach((row) => expect(row.filter((c) => c.n === null).length).not.toBe(1));
    regions.forEach((_, j) => expect(cells.filter((row) => row[j]!.n === null).length).not.toBe(1));
  });

  it("cannot be undone through the filters the dashboard offers", async () => {
    const all = await overview();
    const { rows } = await testPool().query<{ industry: string; region: string; n: number }>(
      `SELECT industry, region, count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
       WHERE s.slug = 'ai-readiness' AND w.code = '${CURRENT_WAVE.code}' AND r.status = 'complete' GROUP BY 1, 2 HAVING count(*) < ${K} ORDER BY 3 LIMIT 3`,
    );
    for (const cell of rows) {
      // Filtering straight to the cell: nothing but "fewer than k".
      const exact = await overview(`?industry=${cell.industry}&region=${cell.region}`);
      expect(exact.body.reportable).toBe(false);
      expect(exact.body.complete).toBeNull();
      expect(JSON.stringify(exact.body)).not.toMatch(/"n":[1-4][,}]/);
      // Every region but the cell's: its total minus the industry's would be the cell. Refused.
      const others = all.body.heatmap.regions.map((x) => x.id).filter((id) => id !== cell.region);
      const allBut = await overview(`?industry=${cell.industry}&${others.map((id) => `region=${id}`).join("&")}`);
      expect(allBut.body.reportable).toBe(false);
      expect(allBut.body.differencing).toContain("region");
      expect(allBut.body.complete).toBeNull();
      // Filtering to its row: the cell stays withheld, with a partner.
      const row = await overview(`?industry=${cell.industry}`);
      if (row.body.reportable) {
        const j = row.body.heatmap.regions.findIndex((x) => x.id === cell.region);
        const i = row.body.heatmap.industries.findIndex((x) => x.id === cell.industry);
        expect(row.body.heatmap.cells[i]![j]!.n).toBeNull();
        expect(row.body.heatmap.cells[i]!.filter((c) => c.n === null).length).toBeGreaterThan(1);
      }
    }
  });
});

describe("comparison API", () => {
  it("withholds a cell on both sides, since A = everyone - B, and gives no p-value over withheld cells", async () => {
    const r = await api<Comparison>(`/api/v1/analytics/compare?a_industry=education&b=rest`, { cookie });
    expect(r.status).toBe(200);
    const proportions = r.body.rows.filter((x) => x.kind === "proportion");
    expect(proportions.some((x) => x.a.n === null)).toBe(true); // education is small: some cells withheld
    for (const row of proportions) {
      expect(row.a.n === null).toBe(row.b.n === null);
      if (row.a.n !== null) {
        expect(row.a.n === 0 || (row.a.n >= K && r.body.nA! - row.a.n !== 0 && r.body.nA! - row.a.n < K) === false).toBe(true);
      }
    }
    // A withheld cell: no test over its row, nor over its question's whole table.
    for (const row of proportions.filter((x) => x.a.n === null)) expect([row.p, row.test]).toEqual([null, null]);
    const questionsWithWithheld = new Set(proportions.filter((x) => x.a.n === null).map((x) => x.questionId));
    for (const question of r.body.questions.filter((x) => questionsWithWithheld.has(x.questionId))) expect(question.p).toBeNull();
  });

  it("flags significant differences for technology against everyone else, with intervals and q-values", async () => {
    const r = await api<Comparison>(`/api/v1/analytics/compare?a_industry=technology&b=rest`, { cookie });
    expect(r.status).toBe(200);
    expect(r.body.nA).toBe(await sqlCount(`industry = 'technology'`));
    expect(r.body.nB).toBe(await sqlCount(`industry <> 'technology'`));
    const strategy = r.body.rows.find((x) => x.questionId === "dim_strategy")!;
    expect(strategy.kind).toBe("mean");
    expect(strategy.test).toBe("Welch t");
    expect(strategy.difference).toBeGreaterThan(0); // the seeded technology sector is more ready
    expect(strategy.significant).toBe(true);
    expect(strategy.a.interval!.lower).toBeLessThan(strategy.a.value!);
    expect(strategy.q).toBeGreaterThanOrEqual(strategy.p!);
    // Sorted by effect size.
    const diffs = r.body.rows.map((x) => Math.abs(x.difference ?? -1));
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
    // The industry question defines the segments, so it is not tested against itself.
    expect(r.body.rows.some((x) => x.questionId === "industry")).toBe(false);
    // Each option of a single-choice question has its own test; the question as a whole has a chi-square.
    const stage = r.body.rows.filter((x) => x.questionId === "ai_stage" && x.p !== null);
    expect(stage.length).toBeGreaterThan(1);
    expect(new Set(stage.map((x) => x.p)).size).toBe(stage.length);
    for (const row of stage) expect(["two-proportion z", "Fisher's exact"]).toContain(row.test);
    const whole = r.body.questions.find((x) => x.questionId === "ai_stage")!;
    expect(whole.test).toMatch(/^chi-square/);
    expect(r.body.family.tests).toBe(r.body.rows.length + r.body.questions.length);
    expect(r.body.family.stated).toBe(r.body.rows.filter((x) => x.p !== null).length + r.body.questions.filter((x) => x.p !== null).length);
  });

  it("refuses to compare a segment smaller than k, and names bad parameters", async () => {
    const { rows } = await testPool().query(
      `SELECT industry, region FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
       WHERE s.slug = 'ai-readiness' AND w.code = '${CURRENT_WAVE.code}' AND r.status = 'complete'
       GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND ${K - 1} LIMIT 1`,
    );
    const tiny = await api<Comparison>(`/api/v1/analytics/compare?a_industry=${rows[0].industry}&a_region=${rows[0].region}`, { cookie });
    expect(tiny.body).toMatchObject({ reportable: false, nA: null, rows: [] });
    const bad = await api<ErrorBody>(`/api/v1/analytics/compare?a_stage=nope&b=sideways`, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(["a_stage", "b"]);
    const bad2 = await api<ErrorBody>(`/api/v1/analytics/compare?b=custom&b_role=ceo`, { cookie });
    expect(bad2.body.error.fields.map((f) => f.path)).toEqual(["b_role"]);
    // B's filters without b=custom used to be ignored silently (a comparison with everyone else):
    // with b=rest they now set the group "everyone else" comes from, which must contain A.
    const outside = await api<Comparison>(`/api/v1/analytics/compare?a_industry=technology&b_industry=healthcare`, { cookie });
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({
      reportable: false,
      nA: null,
      nB: null,
      rows: [],
      problem: expect.stringContaining("must lie inside"),
    });
  });
});

// The fixture wave (tests/helpers/fixture-wave.ts): technology 30 (15 on Jan 10, 15 on Jan 20),
// healthcare 60 (20 on Jan 10, 40 on Jan 20), retail 30 (Jan 20).
const W = `a_wave=${FIXTURE_WAVE}`;
const compare = async (query: string) => {
  const r = await api<Comparison>(`/api/v1/analytics/compare?${W}&${query}`, { cookie });
  expect(r.status).toBe(200);
  return r.body;
};

describe("everyone else is the true complement of A", () => {
  it("with a date filter alone, everyone else is the other dates (it was A again: nA = nB, every difference 0)", async () => {
    const r = await compare("a_from=2020-01-15&b=rest");
    expect([r.nA, r.nB]).toEqual([85, 35]);
    expect(r.reportable).toBe(true);
    expect(r.everyoneElse).toMatchObject({ within: { from: null, to: null, wave: FIXTURE_WAVE } });
    expect(r.rows.some((x) => x.difference !== 0 && x.difference !== null)).toBe(true);
  });

  it("with segments and dates together, everyone else is every response of the wave not in A", async () => {
    const r = await compare("a_industry=technology&a_from=2020-01-15&b=rest");
    expect([r.nA, r.nB]).toEqual([15, 105]);
    const early = await compare("a_industry=healthcare&a_to=2020-01-15&b=rest");
    expect([early.nA, early.nB]).toEqual([20, 100]);
  });

  it("can be taken within a group (b_ filters): everyone in the group who is not in A", async () => {
    const r = await compare("a_industry=technology&a_from=2020-01-15&b=rest&b_from=2020-01-15");
    expect([r.nA, r.nB]).toEqual([15, 70]);
    expect(r.everyoneElse?.within.from).toBe("2020-01-15");
  });

  it("refuses, with the reason, when A is the whole group, lies outside it, or overlaps a custom B", async () => {
    const cases: [string, RegExp][] = [
      ["a_from=2020-01-15&b=rest&b_from=2020-01-15", /nobody else/],
      ["b=rest", /nobody else/],
      ["a_industry=technology&b=rest&b_industry=healthcare", /must lie inside/],
      ["a_from=2020-01-01&b=rest&b_from=2020-01-15", /dates start before/],
      ["a_industry=technology&b=custom&b_region=north_america", /overlap/],
      ["a_from=2020-01-10&b=custom&b_to=2020-01-20", /overlap/],
    ];
    for (const [query, reason] of cases) {
      const r = await compare(query);
      expect({ query, reportable: r.reportable, rows: r.rows.length, nA: r.nA, nB: r.nB }).toEqual({
        query,
        reportable: false,
        rows: 0,
        nA: null,
        nB: null,
      });
      expect(r.problem).toMatch(reason);
    }
    // A smaller than k against everyone else: nB would give nA away (nA + nB is the group's size).
    const tiny = await compare("a_industry=technology&a_stage=scaled_production&a_to=2020-01-12&b=rest");
    expect([tiny.reportable, tiny.nA, tiny.nB]).toEqual([false, null, null]);
    // Separate custom segments compare as before.
    const separate = await compare("a_industry=technology&b=custom&b_industry=healthcare");
    expect([separate.reportable, separate.nA, separate.nB, separate.problem]).toEqual([true, 30, 60, null]);
    const dates = await compare("a_to=2020-01-12&b=custom&b_from=2020-01-15");
    expect([dates.nA, dates.nB]).toEqual([35, 85]);
  });

  it("shows B and the reason on the comparison page", async () => {
    const page = await fetch(`${process.env.APP_BASE_URL}/dashboard/compare?${W}&a_industry=technology&b=custom&b_region=north_america`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Segments A and B overlap");
    const rest = await fetch(`${process.env.APP_BASE_URL}/dashboard/compare?${W}&a_from=2020-01-15&b=rest`, { headers: { cookie } });
    expect(await rest.text()).toMatch(/everyone else in wave Fixture 2020 \(not in A\)/);
  });
});

describe("tests per option and per question, bounded intervals, small expected counts (values from R 4.2)", () => {
  let r: Comparison;
  const row = (question: string, option: string | null) =>
    r.rows.find((x) => x.questionId === question && x.optionId === option) as ComparisonRow;
  beforeAll(async () => {
    r = await compare("a_industry=technology&b=custom&b_industry=healthcare");
  });

  it("flags an option only by its own test: equal shares are not significant because the question differs", () => {
    // Limited production: 10 of 30 against 20 of 60. prop.test(c(10, 20), c(30, 60), correct = FALSE)$p.value = 1.
    const limited = row("ai_stage", "limited_production");
    expect(limited.difference).toBeCloseTo(0, 10);
    expect(limited.test).toBe("two-proportion z");
    expect(limited.p).toBeCloseTo(1, 10);
    expect(limited.significant).toBe(false);
    // prop.test(c(0, 30), c(30, 60), correct = FALSE)$p.value; prop.test(c(15, 10), c(30, 60), correct = FALSE)$p.value
    expect(row("ai_stage", "exploring").p! / 2.10143595601244e-6).toBeCloseTo(1, 6);
    expect(row("ai_stage", "pilots").p).toBeCloseTo(0.000874087211298475, 9);
    expect(row("ai_stage", "exploring").significant).toBe(true);
    // The question as a whole: significant, and said to be so by its own (simulated) chi-square.
    const stage = r.questions.find((x) => x.questionId === "ai_stage")!;
    expect(stage).toMatchObject({ test: "chi-square (Monte Carlo)", simulations: 10_000, df: 3, significant: true });
    expect(stage.statistic).toBeCloseTo(33, 10); // chisq.test(rbind(c(0,15,10,5), c(30,10,20,0)))$statistic
    expect(stage.p).toBeCloseTo(1 / 10_001, 12); // no simulated table as extreme; R (B = 10000) gives 9.99900009999e-05
    expect(stage.minExpected).toBeCloseTo((5 * 30) / 90, 10);
    expect(stage.note).toMatch(/under 5/);
  });

  it("uses Fisher's exact test for an option whose expected count is under 5, and says so", () => {
    // Scaled production: 5 of 30 against 0 of 60 (expected 1.67). fisher.test(matrix(c(5, 25, 0, 60), 2, byrow = TRUE))
    const scaled = row("ai_stage", "scaled_production");
    expect(scaled.test).toBe("Fisher's exact");
    expect(scaled.p).toBeCloseTo(0.00324251134285104, 12);
    expect(scaled.note).toMatch(/Fisher's exact/);
  });

  it("adjusts every planned row and question test in one Benjamini-Hochberg family, withheld ones as p = 1", () => {
    // The rows are sorted by difference: BH does not care about order, only about the set.
    const all = [...r.rows, ...r.questions];
    expect(r.family.tests).toBe(all.length);
    expect(r.family.stated).toBe(all.filter((x) => x.p !== null).length);
    const q = benjaminiHochberg(all.map((x) => x.p ?? 1));
    all.forEach((x, i) => {
      if (x.p === null) return expect(x.q).toBeNull();
      expect(x.q).toBeCloseTo(q[i]!, 12);
      expect(x.significant).toBe(x.q! < 0.05);
    });
  });

  it("cuts a t interval that runs past the 0-100 scale, and says so", () => {
    // Technology's strategy: 28 x 1 and 2 x 5. t.test(c(rep(1, 28), 5, 5))$conf.int on 0-100: -2.80695066564651 to
    // 16.1402839989798; cut at 0. Healthcare: t.test(rep(c(3, 4), 30))$conf.int: 59.2436573856128 to 65.7563426143872.
    const strategy = row("dim_strategy", null);
    expect(strategy.a.value).toBeCloseTo(6.66666666666667, 10);
    expect(strategy.a.interval!.lower).toBe(0);
    expect(strategy.a.interval!.upper).toBeCloseTo(16.1402839989798, 8);
    expect(strategy.a.clamped).toBe(true);
    expect(strategy.b.interval!.lower).toBeCloseTo(59.2436573856128, 8);
    expect(strategy.b.interval!.upper).toBeCloseTo(65.7563426143872, 8);
    expect(strategy.b.clamped).toBe(false);
    expect(strategy.note).toMatch(/cut/);
    expect(strategy.p! / 1.58443612979932e-13).toBeCloseTo(1, 5); // t.test(a, b)$p.value
    for (const x of r.rows.filter((y) => y.kind === "mean"))
      for (const side of [x.a, x.b])
        if (side.interval) expect([side.interval.lower >= 0, side.interval.upper <= 100]).toEqual([true, true]);
  });
});

describe("aggregate exports at full precision", () => {
  const csv = async (path: string) => {
    const response = await fetch(`${process.env.APP_BASE_URL}${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };

  it("compare.csv carries p and q as computed (they were rounded to 4 decimals, so small ones read 0), and the question tests", async () => {
    const r = await compare("a_industry=technology&b=custom&b_industry=healthcare");
    const rows = await csv(`/api/v1/exports/compare.csv?${W}&a_industry=technology&b=custom&b_industry=healthcare`);
    for (const x of r.rows) {
      const line = rows.find((l) => l.question_id === x.questionId && l.option_id === (x.optionId ?? "") && l.kind === x.kind)!;
      expect([line.p === "" ? null : Number(line.p), line.q === "" ? null : Number(line.q)]).toEqual([x.p, x.q]);
      expect(line.a_ci_lower === "" ? null : Number(line.a_ci_lower)).toBe(x.a.interval?.lower ?? null);
      expect(line.test).toBe(x.test ?? "");
      expect(line.note).toBe(x.note ?? "");
    }
    const exploring = rows.find((l) => l.question_id === "ai_stage" && l.option_id === "exploring")!;
    expect(Number(exploring.p)).toBeGreaterThan(0);
    expect(Number(exploring.p)).toBeLessThan(1e-5);
    const question = rows.find((l) => l.question_id === "ai_stage" && l.kind === "question")!;
    expect(question).toMatchObject({ option_id: "", test: "chi-square (Monte Carlo)", significant: "1" });
    expect(Number(question.p)).toBe(r.questions.find((x) => x.questionId === "ai_stage")!.p);
  });

  it("overview.csv carries shares and intervals as computed", async () => {
    const { body } = await overview(`?wave=${FIXTURE_WAVE}`);
    const rows = await csv(`/api/v1/exports/overview.csv?wave=${FIXTURE_WAVE}`);
    for (const stage of body.stages) {
      const line = rows.find((l) => l.table === "stage" && l.category === stage.id)!;
      expect([Number(line.value), Number(line.ci_lower), Number(line.ci_upper)]).toEqual([
        stage.share,
        stage.interval!.lower,
        stage.interval!.upper,
      ]);
    }
    expect(rows.some((l) => l.table === "stage" && (l.value ?? "").replace(/^0\./, "").length > 4)).toBe(true);
  });
});

describe("the overview's readiness profile against all respondents in the wave", () => {
  it("compares a date-filtered view with the whole wave, not with itself", async () => {
    const { rows } = await testPool().query<{ all: number; later: number }>(
      `SELECT avg((answers->>'dim_strategy')::int) AS all,
              avg((answers->>'dim_strategy')::int) FILTER (WHERE submitted_at >= '2020-01-15') AS later
       FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
       WHERE s.slug = 'ai-readiness' AND w.code = $1 AND r.status = 'complete'`,
      [FIXTURE_WAVE],
    );
    const r = await overview(`?wave=${FIXTURE_WAVE}&from=2020-01-15`);
    const strategy = r.body.dimensions.find((d) => d.id === "dim_strategy")!;
    expect(strategy.filtered!.mean).toBeCloseTo((Number(rows[0]!.later) - 1) * 25, 10);
    expect(strategy.all!.mean).toBeCloseTo((Number(rows[0]!.all) - 1) * 25, 10);
    expect(strategy.all!.mean).not.toBeCloseTo(strategy.filtered!.mean, 3);
  });
});
