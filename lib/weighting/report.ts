// The weight report: the distribution of the weights over responses, Kish's design effect due to
// weighting (deff = n Σw² / (Σw)² = 1 + CV² of the weights), the effective sample size
// n_eff = (Σw)² / Σw² and the weighting efficiency n_eff / n; and, per targeted dimension, each
// category's sample share, target and weighted share (what the dashboard's form shows beside the
// targets).
import type { ProfileCell } from "./rake";
import { WEIGHTING_DIMENSIONS, type Margins, type WeightingDimension } from "./schemas";

/** A weight class: responses sharing one weight (a profile cell, or several with equal weights). */
export interface WeightClass {
  weight: number;
  n: number;
}

export interface WeightDistribution {
  min: number;
  p05: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
  mean: number;
}

export interface WeightSummary {
  /** Responses (unweighted count). */
  n: number;
  sumWeights: number;
  /** Kish's effective sample size (Σw)² / Σw². */
  nEff: number;
  /** Kish's design effect due to weighting, n / n_eff. */
  designEffect: number;
  /** n_eff / n, between 0 and 1. */
  efficiency: number;
  distribution: WeightDistribution;
}

/**
 * The p-quantile of the weights over responses, as R's quantile(rep(weight, n), p) (type 7: linear
 * between the order statistics around 1 + (N - 1) p).
 */
export function weightQuantile(sorted: readonly WeightClass[], total: number, p: number): number {
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const at = (k: number): number => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (k < seen) return c.weight;
    }
    return sorted[sorted.length - 1]?.weight ?? NaN;
  };
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}

/** Summary of the weights of responses given as weight classes (empty classes ignored). */
export function summarizeWeights(classes: readonly WeightClass[]): WeightSummary {
  const used = classes.filter((c) => c.n > 0);
  const n = used.reduce((s, c) => s + c.n, 0);
  const sumWeights = used.reduce((s, c) => s + c.n * c.weight, 0);
  const sumSquares = used.reduce((s, c) => s + c.n * c.weight * c.weight, 0);
  const nEff = sumSquares > 0 ? (sumWeights * sumWeights) / sumSquares : 0;
  const sorted = [...used].sort((a, b) => a.weight - b.weight);
  const q = (p: number) => (n > 0 ? weightQuantile(sorted, n, p) : NaN);
  return {
    n,
    sumWeights,
    nEff,
    designEffect: nEff > 0 ? n / nEff : NaN,
    efficiency: n > 0 ? nEff / n : NaN,
    distribution: {
      min: sorted[0]?.weight ?? NaN,
      p05: q(0.05),
      p25: q(0.25),
      median: q(0.5),
      p75: q(0.75),
      p95: q(0.95),
      max: sorted[sorted.length - 1]?.weight ?? NaN,
      mean: n > 0 ? sumWeights / n : NaN,
    },
  };
}

export interface MarginCheck {
  dimension: WeightingDimension;
  category: string;
  /** Unweighted share of responses. */
  sampleShare: number;
  target: number | null;
  /** Weighted share (equal to sampleShare without weights). */
  weightedShare: number;
  responses: number;
}

/**
 * Per dimension and category: the sample's share, the target and the weighted share. Dimensions
 * without targets are listed too (their target null), so a form can show the sample beside empty
 * inputs; categories are the instrument's (given) followed by any others seen in the sample.
 */
export function marginChecks(
  cells: readonly ProfileCell[],
  weights: readonly number[] | null,
  margins: Margins,
  categories: Record<WeightingDimension, readonly string[]>,
): MarginCheck[] {
  const n = cells.reduce((s, c) => s + c.n, 0);
  const total = cells.reduce((s, c, i) => s + c.n * (weights?.[i] ?? 1), 0);
  return WEIGHTING_DIMENSIONS.flatMap((dimension) => {
    const seen = new Map<string, { responses: number; weighted: number }>();
    for (const category of categories[dimension]) seen.set(category, { responses: 0, weighted: 0 });
    cells.forEach((cell, i) => {
      const category = cell.profile[dimension];
      if (category === undefined) return;
      const entry = seen.get(category) ?? { responses: 0, weighted: 0 };
      entry.responses += cell.n;
      entry.weighted += cell.n * (weights?.[i] ?? 1);
      seen.set(category, entry);
    });
    const targets = margins[dimension];
    return [...seen].map(([category, { responses, weighted }]) => ({
      dimension,
      category,
      sampleShare: n > 0 ? responses / n : 0,
      target: targets ? (targets.get(category) ?? 0) : null,
      weightedShare: total > 0 ? weighted / total : 0,
      responses,
    }));
  });
}
