// Interval estimates and significance tests computed from aggregates (counts, sums, sums of
// squares) that SQL returns, so no response rows ever reach the application.
import { chiSquareUpperTail, normalUpperTail, studentTQuantileTwoSided, studentTTwoSided } from "./distributions";
import { MONTE_CARLO_TABLES, chiSquareMonteCarlo, expectedCounts, fisherExact2x2 } from "./exact";

export const Z95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

/** Wilson score interval for a proportion (R: prop.test(x, n, correct = FALSE)$conf.int). */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) return { lower: 0, upper: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** n, sum and sum of squares of a numeric answer: what SQL hands over for a scale question. */
export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

export function mean(m: Moments): number {
  return m.sum / m.n;
}

/** Sample variance (n - 1 denominator), clamped at 0 against rounding. */
export function variance(m: Moments): number {
  if (m.n < 2) return 0;
  return Math.max(0, (m.sumSquares - (m.sum * m.sum) / m.n) / (m.n - 1));
}

/** t-based 95% interval for a mean (R: t.test(x)$conf.int). */
export function meanInterval(m: Moments, confidence = 0.95): Interval & { mean: number; sd: number } {
  const mu = mean(m);
  const sd = Math.sqrt(variance(m));
  if (m.n < 2) return { mean: mu, sd, lower: mu, upper: mu };
  const t = studentTQuantileTwoSided(1 - confidence, m.n - 1);
  const half = (t * sd) / Math.sqrt(m.n);
  return { mean: mu, sd, lower: mu - half, upper: mu + half };
}

export interface Bounds {
  min: number;
  max: number;
}

/** A 1-5 rating scale and the 0-100 scale the dashboards report it on. */
export const LIKERT: Bounds = { min: 1, max: 5 };
export const SCALE_0_100: Bounds = { min: 0, max: 100 };

export interface ScaleInterval extends Interval {
  mean: number;
  /** True when the t interval ran past an end of the scale and was cut there. */
  clamped: boolean;
}

/**
 * The one interval for a mean rating, used by every view: the t interval (meanInterval), cut at the
 * ends of the scale, then mapped linearly onto `to` (e.g. 1-5 onto 0-100). At small n the t interval
 * can run past the scale (a mean of 20 on 0-100 from 5 answers: -6 to 46); the true mean cannot,
 * so cutting there never drops a possible value and the coverage stays what the t interval gives.
 */
export function scaleMeanInterval(m: Moments, scale: Bounds, to: Bounds = scale, confidence = 0.95): ScaleInterval {
  const t = meanInterval(m, confidence);
  const lower = Math.max(scale.min, t.lower);
  const upper = Math.min(scale.max, t.upper);
  const map = (v: number) => to.min + ((v - scale.min) / (scale.max - scale.min)) * (to.max - to.min);
  return { mean: map(t.mean), lower: map(lower), upper: map(upper), clamped: lower !== t.lower || upper !== t.upper };
}

/** Welch's unequal-variance t-test (R: t.test(a, b)). */
export function welchTTest(a: Moments, b: Moments): { t: number; df: number; p: number } {
  const va = variance(a) / a.n;
  const vb = variance(b) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { t: 0, df: a.n + b.n - 2, p: mean(a) === mean(b) ? 1 : 0 };
  const t = (mean(a) - mean(b)) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { t, df, p: studentTTwoSided(t, df) };
}

/**
 * 95% interval for the difference of two proportions p1 - p2 from their Wilson intervals: Newcombe's
 * hybrid score interval (Newcombe 1998, method 10; 56/70 - 48/80 gives 0.0524 to 0.3339).
 */
export function newcombeInterval(p1: number, i1: Interval, p2: number, i2: Interval): Interval {
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - i1.lower) ** 2 + (i2.upper - p2) ** 2),
    upper: d + Math.sqrt((i1.upper - p1) ** 2 + (p2 - i2.lower) ** 2),
  };
}

/** Welch interval for a difference of means mean(a) - mean(b) (R: t.test(a, b)$conf.int). */
export function welchInterval(a: Moments, b: Moments, confidence = 0.95): Interval {
  const d = mean(a) - mean(b);
  const { df } = welchTTest(a, b);
  const se = Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  if (se === 0) return { lower: d, upper: d };
  const half = studentTQuantileTwoSided(1 - confidence, df) * se;
  return { lower: d - half, upper: d + half };
}

/** Pooled two-proportion z-test (R: prop.test(c(x1, x2), c(n1, n2), correct = FALSE); X² = z²). */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  // The erfc approximation is good to ~1e-7 and can put p a hair above 1 at z = 0.
  return { z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}

/** Rows and columns with no observations carry no information: a table without them. */
function withoutEmpty(table: number[][]): number[][] {
  const rows = table.filter((row) => row.some((v) => v > 0));
  const width = rows[0]?.length ?? 0;
  const keep = Array.from({ length: width }, (_, j) => rows.some((row) => (row[j] ?? 0) > 0));
  return rows.map((row) => row.filter((_, j) => keep[j]));
}

/** Pearson's chi-square test of independence on a contingency table (R: chisq.test(m, correct = FALSE)).
 * Rows or columns with no observations carry no information and are dropped. */
export function chiSquareIndependence(table: number[][]): { statistic: number; df: number; p: number } {
  const m = withoutEmpty(table);
  const r = m.length;
  const c = m[0]?.length ?? 0;
  if (r < 2 || c < 2) return { statistic: 0, df: 0, p: 1 };
  const rowSums = m.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: c }, (_, j) => m.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  let statistic = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const expected = ((rowSums[i] ?? 0) * (colSums[j] ?? 0)) / total;
      statistic += ((m[i]?.[j] ?? 0) - expected) ** 2 / expected;
    }
  }
  const df = (r - 1) * (c - 1);
  return { statistic, df, p: chiSquareUpperTail(statistic, df) };
}

/** Benjamini-Hochberg adjusted p-values (R: p.adjust(p, "BH")), in the input order. */
export function benjaminiHochberg(pValues: number[]): number[] {
  const n = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(n);
  let running = 1;
  for (let rank = n; rank >= 1; rank--) {
    const entry = order[rank - 1];
    if (!entry) continue;
    running = Math.min(running, (entry.p * n) / rank);
    adjusted[entry.i] = running;
  }
  return adjusted;
}

/**
 * Is |p1 - p2| larger than a margin? One-sided z-test of H0: |p1 - p2| <= margin with unpooled
 * standard error. Exploratory scans use it so that trivially small differences, which large
 * samples make "significant", and noise near zero are not stated as findings.
 */
export function proportionDifferenceBeyond(x1: number, n1: number, x2: number, n2: number, margin: number): { z: number; p: number } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  if (se === 0) return { z: 0, p: Math.abs(p1 - p2) > margin ? 0 : 1 };
  const z = (Math.abs(p1 - p2) - margin) / se;
  return { z, p: normalUpperTail(z) };
}

/** Is |mean(a) - mean(b)| larger than a margin? One-sided Welch test of H0: |difference| <= margin. */
export function meanDifferenceBeyond(a: Moments, b: Moments, margin: number): { t: number; df: number; p: number } {
  const va = variance(a) / a.n;
  const vb = variance(b) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { t: 0, df: a.n + b.n - 2, p: Math.abs(mean(a) - mean(b)) > margin ? 0 : 1 };
  const t = (Math.abs(mean(a) - mean(b)) - margin) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  // studentTTwoSided gives P(|T| > |t|); the one-sided upper tail follows by symmetry.
  const two = studentTTwoSided(t, df);
  return { t, df, p: t >= 0 ? two / 2 : 1 - two / 2 };
}

/** Expected counts below this make the chi-square (and z) approximation unreliable (Cochran's rule). */
export const MIN_EXPECTED = 5;

const smallestExpected = (table: number[][]) => Math.min(...expectedCounts(table).flat());

export type ProportionTestName = "two-proportion z" | "Fisher's exact";

/**
 * x1 of n1 against x2 of n2: the two-proportion z-test, or Fisher's exact test when any expected
 * count of the 2 x 2 table is under MIN_EXPECTED. Says which test it ran.
 */
export function compareProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { test: ProportionTestName; p: number; minExpected: number } {
  const minExpected = smallestExpected([
    [x1, n1 - x1],
    [x2, n2 - x2],
  ]);
  // Nobody (or everybody) chose it on either side: the shares are equal and z's p = 1 is exact.
  const degenerate = x1 + x2 === 0 || x1 + x2 === n1 + n2;
  if (minExpected < MIN_EXPECTED && !degenerate) return { test: "Fisher's exact", p: fisherExact2x2(x1, n1, x2, n2).p, minExpected };
  return { test: "two-proportion z", p: twoProportionZTest(x1, n1, x2, n2).p, minExpected };
}

export type IndependenceTestName = "chi-square" | "chi-square (Monte Carlo)";

/**
 * Independence of rows and columns: Pearson's chi-square, or, when any expected count is under
 * MIN_EXPECTED, the same statistic with a Monte Carlo p-value over tables with the observed
 * margins (MONTE_CARLO_TABLES of them, fixed seed). Says which.
 */
export function independenceTest(table: number[][]): {
  test: IndependenceTestName;
  statistic: number;
  df: number;
  p: number;
  /** Smallest expected count (null for a table with a single row or column, which is not tested). */
  minExpected: number | null;
  simulations: number | null;
} {
  const chi = chiSquareIndependence(table);
  const m = withoutEmpty(table);
  if (chi.df === 0) return { test: "chi-square", ...chi, minExpected: null, simulations: null };
  const minExpected = smallestExpected(m);
  if (minExpected >= MIN_EXPECTED) return { test: "chi-square", ...chi, minExpected, simulations: null };
  const simulated = chiSquareMonteCarlo(m, MONTE_CARLO_TABLES);
  return {
    test: "chi-square (Monte Carlo)",
    statistic: chi.statistic,
    df: chi.df,
    p: simulated.p,
    minExpected,
    simulations: MONTE_CARLO_TABLES,
  };
}
