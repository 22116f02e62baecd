import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Overview } from "@/lib/analytics/overview";
import type { Comparison } from "@/lib/analytics/compare";
import { signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api, type ErrorBody } from "../helpers/http";

let cookie: string;
const K = 5;
const overview = async (query = "") => api<Overview & { filters: unknown }>(`/api/v1/analytics/overview${query}`, { cookie });

beforeAll(async () => {
  cookie = await signIn();
});
afterAll(closeTestPool);

async function sqlCount(where = "true", params: unknown[] = []): Promise<number> {
  const { rows } = await testPool().query(
    `SELECT count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
     WHERE s.slug = 'ai-readiness' AND r.status = 'complete' AND ${where}`,
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
    const { rows } = await testPool().query(`SELECT to_char(min(submitted_at), 'YYYY-MM-DD') AS d FROM response WHERE status = 'complete'`);
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
       WHERE s.slug = 'ai-readiness' AND r.status = 'complete' GROUP BY 1, 2`,
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
       WHERE s.slug = 'ai-readiness' AND r.status = 'complete' GROUP BY 1, 2 HAVING count(*) < ${K} ORDER BY 3 LIMIT 3`,
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
    const questionsWithWithheld = new Set(proportions.filter((x) => x.test === "chi-square" && x.a.n === null).map((x) => x.questionId));
    for (const row of proportions.filter((x) => questionsWithWithheld.has(x.questionId))) expect(row.p).toBeNull();
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
    // A single-choice question carries one chi-square p-value on each of its visible options.
    const stage = r.body.rows.filter((x) => x.questionId === "ai_stage" && x.p !== null);
    expect(new Set(stage.map((x) => x.p)).size).toBe(1);
  });

  it("refuses to compare a segment smaller than k, and names bad parameters", async () => {
    const { rows } = await testPool().query(
      `SELECT industry, region FROM response WHERE status = 'complete' GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND ${K - 1} LIMIT 1`,
    );
    const tiny = await api<Comparison>(`/api/v1/analytics/compare?a_industry=${rows[0].industry}&a_region=${rows[0].region}`, { cookie });
    expect(tiny.body).toMatchObject({ reportable: false, nA: null, rows: [] });
    const bad = await api<ErrorBody>(`/api/v1/analytics/compare?a_stage=nope&b=sideways`, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(["a_stage", "b"]);
    const bad2 = await api<ErrorBody>(`/api/v1/analytics/compare?b=custom&b_role=ceo`, { cookie });
    expect(bad2.body.error.fields.map((f) => f.path)).toEqual(["b_role"]);
    // B's filters without b=custom used to be ignored silently (a comparison with everyone else).
    const ignored = await api<ErrorBody>(`/api/v1/analytics/compare?a_industry=technology&b_industry=healthcare`, { cookie });
    expect(ignored.status).toBe(400);
    expect(ignored.body.error.fields).toEqual([{ path: "b_industry", message: expect.stringContaining("only with b=custom") }]);
  });
});
