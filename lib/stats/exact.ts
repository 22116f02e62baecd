// Tests for tables whose expected counts are too small for the chi-square approximation: Fisher's
// exact test for 2 x 2 tables and a Monte Carlo chi-square test (tables drawn with the observed
// margins, as R's chisq.test(simulate.p.value = TRUE) does). Both work on counts alone.
import { logGamma } from "./distributions";
import { mulberry32 } from "./random";

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** P(X = x) for X ~ Hypergeometric: x successes in `draws` draws from `total` items of which `successes` are successes. */
function hypergeometricLogPmf(x: number, total: number, successes: number, draws: number): number {
  return logChoose(successes, x) + logChoose(total - successes, draws - x) - logChoose(total, draws);
}

/**
 * Fisher's exact test, two-sided, for x1 of n1 against x2 of n2 (R: fisher.test(matrix(c(x1, n1 - x1,
 * x2, n2 - x2), 2, byrow = TRUE))$p.value): the probability, given the margins, of every table no
 * more likely than the observed one (with R's relative tolerance of 1e-7 for ties).
 */
export function fisherExact2x2(x1: number, n1: number, x2: number, n2: number): { p: number } {
  const total = n1 + n2;
  const chosen = x1 + x2;
  const lo = Math.max(0, n1 - (total - chosen));
  const hi = Math.min(n1, chosen);
  if (hi <= lo) return { p: 1 };
  const logs: number[] = [];
  for (let x = lo; x <= hi; x++) logs.push(hypergeometricLogPmf(x, total, chosen, n1));
  const max = Math.max(...logs);
  const d = logs.map((l) => Math.exp(l - max));
  const sum = d.reduce((s, v) => s + v, 0);
  const observed = (d[x1 - lo] ?? 0) * (1 + 1e-7);
  const p = d.reduce((s, v) => (v <= observed ? s + v : s), 0) / sum;
  return { p: Math.min(1, p) };
}

/** A small, fast, seedable generator (mulberry32): reproducible simulations, not cryptography. */
export const seededRandom = mulberry32;

/**
 * One draw of a hypergeometric variable by inversion, walking outward from the mode (cost grows with
 * the standard deviation, not with the counts).
 */
export function sampleHypergeometric(total: number, successes: number, draws: number, random: () => number): number {
  const min = Math.max(0, draws - (total - successes));
  const max = Math.min(draws, successes);
  if (min >= max) return min;
  const failures = total - successes;
  const mode = Math.min(max, Math.max(min, Math.floor(((draws + 1) * (successes + 1)) / (total + 2))));
  let u = random();
  const pMode = Math.exp(hypergeometricLogPmf(mode, total, successes, draws));
  if (u <= pMode) return mode;
  u -= pMode;
  let lo = mode;
  let hi = mode;
  let pLo = pMode;
  let pHi = pMode;
  for (;;) {
    // P(x + 1) / P(x) and P(x - 1) / P(x) from the pmf's recurrence.
    const nextHi = hi < max ? (pHi * (successes - hi) * (draws - hi)) / ((hi + 1) * (failures - draws + hi + 1)) : 0;
    const nextLo = lo > min ? (pLo * lo * (failures - draws + lo)) / ((successes - lo + 1) * (draws - lo + 1)) : 0;
    if (nextHi === 0 && nextLo === 0) return mode; // rounding left a sliver of probability: the mode takes it
    if (nextHi >= nextLo) {
      hi += 1;
      pHi = nextHi;
      if (u <= pHi) return hi;
      u -= pHi;
    } else {
      lo -= 1;
      pLo = nextLo;
      if (u <= pLo) return lo;
      u -= pLo;
    }
  }
}

function pearsonStatistic(table: number[][], expected: number[][]): number {
  let statistic = 0;
  table.forEach((row, i) =>
    row.forEach((observed, j) => {
      const e = expected[i]?.[j] ?? 0;
      if (e > 0) statistic += (observed - e) ** 2 / e;
    }),
  );
  return statistic;
}

/** Expected counts under independence, from the table's margins. */
export function expectedCounts(table: number[][]): number[][] {
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const width = Math.max(0, ...table.map((row) => row.length));
  const colSums = Array.from({ length: width }, (_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  return table.map((_, i) => colSums.map((c) => (total === 0 ? 0 : ((rowSums[i] ?? 0) * c) / total)));
}

export const MONTE_CARLO_TABLES = 10_000;
/** Fixed seed: the same table always gets the same p-value. */
const MONTE_CARLO_SEED = 20261201;

/**
 * Monte Carlo p-value of Pearson's chi-square statistic given both margins (R: chisq.test(m,
 * simulate.p.value = TRUE, B)): p = (1 + tables at least as extreme) / (B + 1). The table must
 * have no empty row or column (chiSquareIndependence drops them first).
 */
export function chiSquareMonteCarlo(
  table: number[][],
  simulations = MONTE_CARLO_TABLES,
  seed = MONTE_CARLO_SEED,
): { statistic: number; p: number } {
  const expected = expectedCounts(table);
  const observed = pearsonStatistic(table, expected);
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = expected[0]?.map((_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0)) ?? [];
  const random = seededRandom(seed);
  // R's tolerance: statistics equal up to rounding count as "at least as extreme".
  const threshold = observed * (1 - 64 * Number.EPSILON);
  let extreme = 0;
  const simulated = table.map((row) => row.map(() => 0));
  for (let b = 0; b < simulations; b++) {
    const remainingCols = [...colSums];
    let remainingTotal = colSums.reduce((s, v) => s + v, 0);
    rowSums.forEach((rowSum, i) => {
      const out = simulated[i] as number[];
      if (i === rowSums.length - 1) {
        remainingCols.forEach((c, j) => (out[j] = c));
        return;
      }
      // A row's counts are multivariate hypergeometric: column by column, draws from what is left.
      let need = rowSum;
      let left = remainingTotal;
      remainingCols.forEach((c, j) => {
        const x = need === 0 ? 0 : j === remainingCols.length - 1 ? need : sampleHypergeometric(left, c, need, random);
        out[j] = x;
        need -= x;
        left -= c;
        remainingCols[j] = c - x;
      });
      remainingTotal -= rowSum;
    });
    if (pearsonStatistic(simulated, expected) >= threshold) extreme += 1;
  }
  return { statistic: observed, p: (1 + extreme) / (simulations + 1) };
}
