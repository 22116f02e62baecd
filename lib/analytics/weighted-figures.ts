// The weighted forms of the views' figures, in the units the views show (0-100 for ratings,
// shares 0-1, differences in points), from lib/stats/weighted.ts (equal to R's survey package).
import { studentTQuantileTwoSided } from "@/lib/stats/distributions";
import { LIKERT, type Interval, type ScaleInterval } from "@/lib/stats/tests";
import type { WeightedCount, WeightedMean, WeightedMoments, WeightedTTest } from "@/lib/stats/weighted";

const to100 = (v: number) => ((v - LIKERT.min) / (LIKERT.max - LIKERT.min)) * 100;

/** A weighted 1-5 mean (svymean, normal 95% interval) on 0-100, its interval cut at the scale's ends as unweighted means are. */
export function weightedScale(est: WeightedMean): ScaleInterval {
  const lower = Math.max(LIKERT.min, est.lower);
  const upper = Math.min(LIKERT.max, est.upper);
  return { mean: to100(est.mean), lower: to100(lower), upper: to100(upper), clamped: lower !== est.lower || upper !== est.upper };
}

/** "Chose it" as a 0/1 variable's classes (a proportion's difference is svyttest(I(y == option) ~ group)). */
export const asBinary = (classes: readonly WeightedCount[]): WeightedMoments[] =>
  classes.map((c) => ({ weight: c.weight, n: c.n, sum: c.count, sumSquares: c.count }));

/** The 95% interval of svyttest's difference (R: confint(svyttest(...)): t quantile on its df), times `factor`. */
export function differenceInterval(t: WeightedTTest, factor: number): Interval {
  const half = t.se > 0 && t.df > 0 ? studentTQuantileTwoSided(0.05, t.df) * t.se : NaN;
  return { lower: (t.difference - half) * factor, upper: (t.difference + half) * factor };
}

/** 1-5 rating points to 0-100 points. */
export const RATING_TO_100 = 100 / (LIKERT.max - LIKERT.min);
