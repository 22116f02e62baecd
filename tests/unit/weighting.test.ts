// Raking and the weighted estimators against R's survey package (4.1-1, R 4.2.2): the reference
// values are in tests/fixtures/weighting/*.json, written by make-fixtures.R there (rerun it to
// regenerate; the tests need no R). Every figure must equal R's to 1e-6.
import { describe, expect, it } from "vitest";
import { svyChisq, svyCiPropLogit, svyMean, svyProportion, svyTTest, fUpperTail } from "@/lib/stats/weighted";
import type { WeightedCount, WeightedMoments, WeightedTable } from "@/lib/stats/weighted";
import { parseTargetCsv } from "@/lib/weighting/csv";
import { rake, type ProfileCell } from "@/lib/weighting/rake";
import { marginChecks, summarizeWeights } from "@/lib/weighting/report";
import {
  checkTargets,
  targetSetInputSchema,
  type DimensionCategories,
  type Margins,
  type WeightingDimension,
} from "@/lib/weighting/schemas";
import rakeFixture from "../fixtures/weighting/rake.json";
import estimates from "../fixtures/weighting/estimates.json";

const TOL = 1e-6;
const close = (actual: number, expected: number, tol = TOL) => {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
};

type Row = (typeof estimates.rows)[number];
const DIMS = ["industry", "region", "company_size", "role"] as const;
const cellKey = (r: Pick<Row, (typeof DIMS)[number]>) => DIMS.map((d) => r[d]).join("|");

function marginsOf(targets: Record<string, Record<string, number>>): Margins {
  const margins: Margins = {};
  for (const [dimension, shares] of Object.entries(targets)) margins[dimension as WeightingDimension] = new Map(Object.entries(shares));
  return margins;
}

const cells: ProfileCell[] = rakeFixture.cells.map((c) => ({
  profile: { industry: c.industry, region: c.region, company_size: c.company_size, role: c.role },
  n: c.n,
}));
const margins = marginsOf(rakeFixture.targets);
const raked = rake(cells, margins);
const weightOf = new Map(rakeFixture.cells.map((c, i) => [cellKey(c), raked.weights[i] as number]));

/** Rows grouped into weight classes (one per profile cell, with the app's own raking weights). */
function classesOf<T>(rows: readonly Row[], init: () => T, add: (acc: T, row: Row) => void): (T & { weight: number })[] {
  const byCell = new Map<string, T & { weight: number }>();
  for (const row of rows) {
    const key = cellKey(row);
    let acc = byCell.get(key);
    if (!acc) {
      acc = { ...init(), weight: weightOf.get(key) as number };
      byCell.set(key, acc);
    }
    add(acc, row);
  }
  return [...byCell.values()];
}
const moments = (rows: readonly Row[], y: (r: Row) => number | null): WeightedMoments[] =>
  classesOf<Omit<WeightedMoments, "weight">>(
    rows,
    () => ({ n: 0, sum: 0, sumSquares: 0 }),
    (acc, row) => {
      const v = y(row);
      if (v === null) return;
      acc.n += 1;
      acc.sum += v;
      acc.sumSquares += v * v;
    },
  );
const counts = (rows: readonly Row[], yes: (r: Row) => boolean): WeightedCount[] =>
  classesOf<Omit<WeightedCount, "weight">>(
    rows,
    () => ({ n: 0, count: 0 }),
    (acc, row) => {
      acc.n += 1;
      if (yes(row)) acc.count += 1;
    },
  );
const table = (rows: readonly Row[], rowOf: (r: Row) => number, colOf: (r: Row) => number, R: number, C: number): WeightedTable[] =>
  classesOf<{ counts: number[][] }>(
    rows,
    () => ({ counts: Array.from({ length: R }, () => new Array<number>(C).fill(0)) }),
    (acc, row) => {
      const line = acc.counts[rowOf(row)] as number[];
      line[colOf(row)] = (line[colOf(row)] as number) + 1;
    },
  );

describe("raking equals survey::rake(epsilon = 1e-6)", () => {
  it("converges, meets every margin within 1e-6 and gives R's weight for every profile cell", () => {
    expect(raked.problem).toBeNull();
    expect(raked.converged).toBe(true);
    expect(raked.iterations).toBeGreaterThan(1);
    expect(raked.maxGap).toBeLessThanOrEqual(1e-6);
    rakeFixture.cells.forEach((c, i) => close(raked.weights[i] as number, c.weight));
    const checks = marginChecks(cells, raked.weights, margins, categoriesOf(cells));
    for (const check of checks) if (check.target !== null) close(check.weightedShare, check.target);
  });

  it("reports Kish's n_eff, design effect, efficiency and the distribution as R's quantile()", () => {
    const summary = summarizeWeights(cells.map((c, i) => ({ weight: raked.weights[i] as number, n: c.n })));
    expect(summary.n).toBe(rakeFixture.kish.n);
    close(summary.nEff, rakeFixture.kish.nEff);
    close(summary.designEffect, rakeFixture.kish.n / rakeFixture.kish.nEff);
    close(summary.efficiency, rakeFixture.kish.nEff / rakeFixture.kish.n);
    const q = rakeFixture.quantiles;
    const d = summary.distribution;
    for (const key of ["min", "p05", "p25", "median", "p75", "p95", "max"] as const) close(d[key], q[key]);
    close(d.mean, 1);
  });

  it("names an empty category with a positive target, and a zero target with responses", () => {
    const noRetail = cells.filter((c) => c.profile.industry !== "retail");
    const empty = rake(noRetail, margins);
    expect(empty.converged).toBe(false);
    expect(empty.problem).toMatchObject({ kind: "empty_category", dimension: "industry", category: "retail" });
    expect(empty.weights.every((w) => w === 1)).toBe(true);
    const zero = marginsOf({ ...rakeFixture.targets, region: { north: 0.6, south: 0.4, west: 0 } });
    expect(rake(cells, zero).problem).toMatchObject({ kind: "zero_target_with_responses", dimension: "region", category: "west" });
  });

  it("says contradictory targets when the sample's structure cannot meet the margins together", () => {
    // Every software respondent is in the north and only they are: industry and region are the same split.
    const twin: ProfileCell[] = [
      { profile: { industry: "software", region: "north" }, n: 30 },
      { profile: { industry: "finance", region: "south" }, n: 70 },
    ];
    const result = rake(twin, marginsOf({ industry: { software: 0.5, finance: 0.5 }, region: { north: 0.2, south: 0.8 } }), {
      maxIterations: 200,
    });
    expect(result.converged).toBe(false);
    expect(result.problem?.kind).toBe("contradictory_targets");
    expect(result.problem?.message).toMatch(/industry/);
  });

  it("trims to caps relative to the mean weight and re-rakes until both hold", () => {
    const untrimmed = summarizeWeights(cells.map((c, i) => ({ weight: raked.weights[i] as number, n: c.n })));
    expect(untrimmed.distribution.max).toBeGreaterThan(4);
    expect(untrimmed.distribution.min).toBeLessThan(0.25);
    const caps = { lower: 0.25, upper: 4 };
    const trimmed = rake(cells, margins, { trim: caps });
    expect(trimmed.converged).toBe(true);
    expect(trimmed.trimming).toMatchObject({ caps, capsMet: true });
    expect(trimmed.trimming?.rounds).toBeGreaterThan(0);
    expect(trimmed.maxGap).toBeLessThanOrEqual(1e-6);
    const summary = summarizeWeights(cells.map((c, i) => ({ weight: trimmed.weights[i] as number, n: c.n })));
    close(summary.distribution.mean, 1, 1e-9);
    expect(summary.distribution.max).toBeLessThanOrEqual(4 * (1 + 1e-6));
    expect(summary.distribution.min).toBeGreaterThanOrEqual(0.25 * (1 - 1e-6));
    expect(summary.nEff).toBeGreaterThan(untrimmed.nEff);
    for (const check of marginChecks(cells, trimmed.weights, margins, categoriesOf(cells)))
      if (check.target !== null) close(check.weightedShare, check.target);
  });

  it("keeps the margins and says so when caps cannot be met with them", () => {
    const result = rake(cells, margins, { trim: { lower: 0.3, upper: 2 }, maxTrimRounds: 50 });
    expect(result.converged).toBe(true);
    expect(result.maxGap).toBeLessThanOrEqual(1e-6);
    expect(result.trimming).toMatchObject({ rounds: 50, capsMet: false });
    expect(result.trimming?.maxRatio).toBeGreaterThan(2);
    expect(result.trimming?.maxRatio).toBeLessThan(7); // trimming still pulled the largest weight in
  });
});

function categoriesOf(list: readonly ProfileCell[]): DimensionCategories {
  const of = (d: WeightingDimension) => [...new Set(list.map((c) => c.profile[d] as string))].sort();
  return { industry: of("industry"), region: of("region"), company_size: of("company_size"), role: of("role") };
}

describe("target sets: every problem named", () => {
  const categories = categoriesOf(cells);
  it("accepts complete shares summing to 1 within 1e-6", () => {
    const rows = Object.entries(rakeFixture.targets).flatMap(([dimension, shares]) =>
      Object.entries(shares).map(([category, share]) => ({ dimension: dimension as WeightingDimension, category, share })),
    );
    const checked = checkTargets(rows, categories);
    expect(checked.issues).toEqual([]);
    expect(checked.margins?.region?.get("south")).toBe(0.35);
  });

  it("names unknown categories, duplicates, missing categories and sums that are not 1", () => {
    const parsed = targetSetInputSchema.parse({
      margins: [
        { dimension: "industry", category: "software", share: 0.5 },
        { dimension: "industry", category: "mining", share: 0.1 },
        { dimension: "industry", category: "finance", share: 0.2 },
        { dimension: "industry", category: "software", share: 0.1 },
        { dimension: "region", category: "north", share: 0.5 },
        { dimension: "region", category: "south", share: 0.3 },
        { dimension: "region", category: "west", share: 0.1 },
      ],
    });
    const { issues } = checkTargets(parsed.margins, categories);
    expect(issues).toEqual([
      { path: "margins[1].category", message: 'unknown industry category "mining"; known: finance, health, retail, software' },
      { path: "margins[3].category", message: 'industry "software" is also given at margins[0]' },
      { path: "margins.industry", message: "missing categories: health, retail" },
      { path: "margins.region", message: "shares sum to 0.9, not 1 (within 0.000001)" },
    ]);
  });

  it("refuses malformed shapes by field", () => {
    const result = targetSetInputSchema.safeParse({
      margins: [{ dimension: "planet", category: "", share: 2 }],
      trim: { lower: 2, upper: 0.5 },
    });
    expect(result.success).toBe(false);
    const paths = new Set(result.error?.issues.map((i) => i.path.join(".")));
    expect([...paths].sort()).toEqual(["margins.0.category", "margins.0.dimension", "margins.0.share", "trim.lower", "trim.upper"]);
  });
});

describe("weighted estimators equal the survey package on svydesign(ids = ~1, weights = ~weight)", () => {
  const rows = estimates.rows;
  const scale = (r: Row) => (r.scale === null ? null : Number(r.scale));

  it("the app's raking weights are R's for every row", () => {
    for (const row of rows) close(weightOf.get(cellKey(row)) as number, row.weight);
  });

  it("svymean: estimate, SE and normal 95% interval; domains keep the design's n, own designs their rows", () => {
    const check = (m: ReturnType<typeof svyMean>, r: (typeof estimates.svymean)["scale"]) => {
      close(m.mean, r.estimate);
      close(m.se, r.se);
      close(m.lower, r.lower);
      close(m.upper, r.upper);
    };
    const designN = rows.length;
    // svymean(~scale, d, na.rm = TRUE): the unanswered stay in the design's n.
    check(svyMean(moments(rows, scale), { designN }), estimates.svymean.scale);
    check(svyProportion(counts(rows, (r) => r.binary === 1)), estimates.svymean.binary);
    const north = rows.filter((r) => r.region === "north");
    const m = svyMean(moments(north, scale), { designN });
    check(m, estimates.svymean.scale_north);
    expect(m.n).toBe(north.filter((r) => r.scale !== null).length);
    expect(m.nEff).toBeLessThan(m.n);
    check(
      svyProportion(
        counts(north, (r) => r.binary === 1),
        { designN },
      ),
      estimates.svymean.binary_north,
    );
    // A design of the north's rows alone (its unanswered rows still count in its n).
    check(svyMean(moments(north, scale), { designN: north.length }), estimates.svymean.scale_north_own_design);
  });

  it("svyciprop(method = 'logit'): proportion, SE and interval", () => {
    const check = (p: ReturnType<typeof svyCiPropLogit>, r: (typeof estimates.svyciprop)["binary"]) => {
      close(p.proportion, r.estimate);
      close(p.se, r.se);
      close(p.lower, r.lower);
      close(p.upper, r.upper);
    };
    check(svyCiPropLogit(counts(rows, (r) => r.binary === 1)), estimates.svyciprop.binary);
    const north = rows.filter((r) => r.region === "north");
    check(
      svyCiPropLogit(
        counts(north, (r) => r.binary === 1),
        { designN: rows.length },
      ),
      estimates.svyciprop.binary_north,
    );
    check(svyCiPropLogit(counts(north, (r) => r.binary === 1)), estimates.svyciprop.binary_north_own_design);
    check(svyCiPropLogit(counts(rows, (r) => r.choice === "a")), estimates.svyciprop.choice_a);
  });

  it("svyttest: difference, t, df and p for a segment against everyone else and for groups splitting cells", () => {
    const check = (t: ReturnType<typeof svyTTest>, r: (typeof estimates.svyttest)["scale_by_binary"]) => {
      close(t.difference, r.difference);
      close(t.t, r.t);
      expect(t.df).toBe(r.df);
      close(t.p, r.p);
    };
    const answered = rows.filter((r) => r.scale !== null);
    const designN = rows.length;
    const software = (list: readonly Row[]) =>
      svyTTest(
        moments(
          list.filter((r) => r.industry === "software"),
          scale,
        ),
        moments(
          list.filter((r) => r.industry !== "software"),
          scale,
        ),
        { designN },
      );
    check(software(answered), estimates.svyttest.scale_software_vs_rest);
    check(software(answered.filter((r) => r.region === "north")), estimates.svyttest.north_software_vs_rest);
    const byBinary = (options = {}) =>
      svyTTest(
        moments(
          answered.filter((r) => r.binary === 1),
          scale,
        ),
        moments(
          answered.filter((r) => r.binary === 0),
          scale,
        ),
        options,
      );
    check(byBinary({ designN }), estimates.svyttest.scale_by_binary);
    check(byBinary(), estimates.svyttest.scale_by_binary_own_design);
  });

  it("svychisq: Rao-Scott F, its degrees of freedom and p", () => {
    const choices = ["a", "b", "c"];
    const regions = ["north", "south", "west"];
    const check = (x: ReturnType<typeof svyChisq>, r: (typeof estimates.svychisq)["choice_by_region"]) => {
      expect(x).not.toBeNull();
      close(x?.f ?? NaN, r.f);
      close(x?.ndf ?? NaN, r.ndf);
      close(x?.ddf ?? NaN, r.ddf, 1e-6 * r.ddf);
      close(x?.p ?? NaN, r.p);
    };
    check(
      svyChisq(
        table(
          rows,
          (r) => choices.indexOf(r.choice),
          (r) => regions.indexOf(r.region),
          3,
          3,
        ),
      ),
      estimates.svychisq.choice_by_region,
    );
    check(
      svyChisq(
        table(
          rows,
          (r) => r.binary,
          (r) => choices.indexOf(r.choice),
          2,
          3,
        ),
      ),
      estimates.svychisq.binary_by_choice,
    );
    const north = rows.filter((r) => r.region === "north");
    check(
      svyChisq(
        table(
          north,
          (r) => choices.indexOf(r.choice),
          (r) => r.binary,
          3,
          2,
        ),
        { designN: rows.length },
      ),
      estimates.svychisq.north_choice_by_binary,
    );
    // An empty row is dropped, as R sees only the levels present.
    const padded = svyChisq(
      table(
        rows,
        (r) => r.binary,
        (r) => choices.indexOf(r.choice),
        3,
        3,
      ),
    );
    close(padded?.f ?? NaN, estimates.svychisq.binary_by_choice.f);
    expect(
      svyChisq(
        table(
          rows,
          () => 0,
          (r) => choices.indexOf(r.choice),
          1,
          3,
        ),
      ),
    ).toBeNull();
  });

  it("the F tail matches R's pf", () => {
    close(fUpperTail(3, 2, 10), 0.095367431640625); // pf(3, 2, 10, lower.tail = FALSE)
    close(fUpperTail(1.5, 3.7, 1500.2), 0.20370008204373); // pf(1.5, 3.7, 1500.2, lower.tail = FALSE)
  });

  it("classes with equal weights may be merged: the results do not change", () => {
    const split = moments(rows, scale);
    const merged = new Map<number, WeightedMoments>();
    for (const c of split) {
      const m = merged.get(c.weight) ?? { weight: c.weight, n: 0, sum: 0, sumSquares: 0 };
      m.n += c.n;
      m.sum += c.sum;
      m.sumSquares += c.sumSquares;
      merged.set(c.weight, m);
    }
    expect(merged.size).toBeLessThan(split.length);
    const a = svyMean(split);
    const b = svyMean([...merged.values()]);
    close(a.mean, b.mean, 1e-12);
    close(a.se, b.se, 1e-12);
  });
});

describe("target CSV", () => {
  it("reads quoted cells, CRLF, a BOM, blank lines and the formula-neutralizing apostrophe", () => {
    const text = '\uFEFFCategory,Dimension,Share\r\n"soft, ware",industry,0.25\r\n\r\n\'-tech,industry,".75"\n';
    const { rows, issues, rowPath } = parseTargetCsv(text);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { dimension: "industry", category: "soft, ware", share: 0.25 },
      { dimension: "industry", category: "-tech", share: 0.75 },
    ]);
    expect(rowPath(1, "share")).toBe("line 4: share");
  });

  it("names every problem by line and column", () => {
    const { issues } = parseTargetCsv('dimension,category,share\nregion,north,1e\nindustry,"open,0.2\n');
    expect(issues).toEqual([
      { path: "line 2: share", message: '"1e" is not a number' },
      { path: "line 3", message: "a quoted cell is not closed" },
      { path: "line 3", message: "has 2 cells; the header has 3" },
    ]);
    expect(parseTargetCsv("").issues).toEqual([{ path: "header", message: "the file is empty; expected dimension,category,share" }]);
  });
});
