// Raking and the weighted estimators against R's survey package (4.1-1, R 4.2.2): the reference
// values are in tests/fixtures/weighting/*.json, written by make-fixtures.R there (rerun it to
// regenerate; the tests need no R). Every figure must equal R's to 1e-6.
import { describe, expect, it } from "vitest";
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

const TOL = 1e-6;
const close = (actual: number, expected: number, tol = TOL) => {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
};

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
