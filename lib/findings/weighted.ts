// The weighted forms of a finding's figures and test: compare's estimators (lib/stats/weighted.ts,
// equal to R's survey package), so a weighted finding says what the weighted comparison of its
// segment with everyone else says. Each side is a domain of the wave's design (designN). The share
// or mean of each side is svyciprop(logit) / svymean; the difference and its standard error are
// svyttest(y ~ inSegment)'s, and the margin test asks, as the unweighted one does, whether
// |difference| exceeds the margin: t = (|d| - margin) / se on svyttest's n - 2 degrees of freedom,
// one-sided. Pure: unit tests feed it classes; the integration test checks it against R.
import { asBinary, RATING_TO_100, weightedScale } from "@/lib/analytics/weighted-figures";
import { studentTTwoSided } from "@/lib/stats/distributions";
import type { Interval } from "@/lib/stats/tests";
import {
  svyCiPropLogit,
  svyMean,
  svyTTest,
  type DesignOptions,
  type WeightedCount,
  type WeightedMoments,
  type WeightedTTest,
} from "@/lib/stats/weighted";
import type { WeightedCell } from "@/lib/weighting/cells";

export interface WeightedComparison {
  segmentValue: number;
  othersValue: number;
  /** The segment's 95% interval (logit for shares, normal for means, on the finding's scale). */
  interval: Interval;
  /** Segment minus others, in percentage points or 0-100 points. */
  difference: number;
  /** One-sided p of |difference| <= margin. */
  p: number;
  /** Kish's effective sizes of the segment and everyone else. */
  nEff: number;
  othersNEff: number;
}

/** One-sided p of H0: |difference| <= margin, from svyttest's difference, SE and df (R: pt(t, df, lower.tail = FALSE)). */
export function beyondMargin(t: WeightedTTest, margin: number): number {
  // No spread at all on either side (everyone answered alike): the difference is exact.
  if (!(t.se > 0)) return Math.abs(t.difference) > margin ? 0 : 1;
  const statistic = (Math.abs(t.difference) - margin) / t.se;
  const two = studentTTwoSided(statistic, t.df);
  return statistic >= 0 ? two / 2 : 1 - two / 2;
}

/** A share (0-1) of the segment against everyone else; margin in 0-1. */
export function weightedShare(
  segment: readonly WeightedCount[],
  others: readonly WeightedCount[],
  design: DesignOptions,
  margin: number,
): WeightedComparison {
  const a = svyCiPropLogit(segment, design);
  const b = svyCiPropLogit(others, design);
  const t = svyTTest(asBinary(segment), asBinary(others), design);
  return {
    segmentValue: a.proportion,
    othersValue: b.proportion,
    interval: { lower: a.lower, upper: a.upper },
    difference: t.difference * 100,
    p: beyondMargin(t, margin),
    nEff: a.nEff,
    othersNEff: b.nEff,
  };
}

/** A 1-5 rating's mean on 0-100 of the segment against everyone else; margin in 1-5 points. */
export function weightedRating(
  segment: readonly WeightedMoments[],
  others: readonly WeightedMoments[],
  design: DesignOptions,
  margin: number,
): WeightedComparison {
  const a = svyMean(segment, design);
  const b = svyMean(others, design);
  const shown = weightedScale(a);
  const t = svyTTest(segment, others, design);
  return {
    segmentValue: shown.mean,
    othersValue: weightedScale(b).mean,
    interval: { lower: shown.lower, upper: shown.upper },
    difference: t.difference * RATING_TO_100,
    p: beyondMargin(t, margin),
    nEff: a.nEff,
    othersNEff: b.nEff,
  };
}

/** "Chose any of these options" per profile cell (R: I(y %in% options) among every row of the cells). */
export const anyOptionClasses = (cells: readonly WeightedCell[], question: string, options: readonly string[]): WeightedCount[] =>
  cells.map(({ weight, row }) => ({ weight, n: row.n, count: options.reduce((s, id) => s + (row.options[question]?.[id] ?? 0), 0) }));
