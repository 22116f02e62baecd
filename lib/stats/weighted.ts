// Weighted (design-based) estimates and tests from per-weight-class aggregates. Raking margins are
// profile dimensions, so a response's weight is constant within a profile cell: SQL (or the
// aggregate engine) hands over, per weight class, the count and the sums the estimators need, and
// no response row reaches the application.
//
// Every function equals R's survey package on svydesign(ids = ~1, weights = ~weight) to 1e-6
// (tests/unit/weighting.test.ts, fixtures from tests/fixtures/weighting/make-fixtures.R): Taylor
// linearization, one stage with replacement, the n / (n - 1) factor, degf = n - 1. Pass the classes
// of the responses in view; for a filtered view or a question some did not answer, also pass
// designN (the whole design's responses): R's subset(design, filter) and na.rm = TRUE keep the
// whole design's n in the variance factor (DesignOptions). Classes with equal weights may be merged
// or kept apart: the results are the same.
import { incompleteBeta, studentTQuantileTwoSided, studentTTwoSided } from "./distributions";
import { multiply, projectionResidual, solve, trace, transpose, zeros, type Matrix } from "./matrix";
import { Z95, type Interval } from "./tests";

/** Responses of one weight class answering a numeric question: their count, sum and sum of squares. */
export interface WeightedMoments {
  weight: number;
  n: number;
  sum: number;
  sumSquares: number;
}

/** Responses of one weight class answering a yes/no question (or a category): how many, how many yes. */
export interface WeightedCount {
  weight: number;
  n: number;
  count: number;
}

/** Responses of one weight class in an r x c table: counts[row][col]. */
export interface WeightedTable {
  weight: number;
  counts: number[][];
}

/**
 * When the classes are a domain of a larger design (a filter, or those who answered a question),
 * designN is the number of responses in the whole design (the wave's weighted complete responses):
 * R's svymean(~y, subset(design, filter), na.rm = TRUE) keeps the whole design's n in its n / (n - 1)
 * factor (the rows outside the domain count as zeros), while degrees of freedom count the domain's
 * rows. Without it, the responses given are the whole design.
 */
export interface DesignOptions {
  designN?: number;
}

/** The n / (n - 1) factor of one-stage with-replacement linearization. */
function replacementFactor(n: number, options: DesignOptions): number {
  const N = options.designN ?? n;
  return N / (N - 1);
}

export interface SampleSize {
  /** Responses (unweighted). */
  n: number;
  /** Kish's effective sample size (Σw)² / Σw² of these responses. */
  nEff: number;
}

function sampleSize(classes: readonly { weight: number; n: number }[]): SampleSize & { sumWeights: number } {
  let n = 0;
  let sw = 0;
  let sw2 = 0;
  for (const c of classes) {
    n += c.n;
    sw += c.n * c.weight;
    sw2 += c.n * c.weight * c.weight;
  }
  return { n, nEff: sw2 > 0 ? (sw * sw) / sw2 : 0, sumWeights: sw };
}

/** Σ over responses of (y - centre)² within a class, from its moments (stable form). */
function squaredDeviations(c: WeightedMoments, centre: number): number {
  if (c.n === 0) return 0;
  const m = c.sum / c.n;
  return Math.max(0, c.sumSquares - c.sum * m) + c.n * (m - centre) ** 2;
}

export interface WeightedMean extends Interval, SampleSize {
  mean: number;
  /** Linearization standard error (R: SE(svymean(~y, design))). */
  se: number;
}

/**
 * Weighted mean with its standard error and normal 95% interval
 * (R: svymean(~y, design, na.rm = TRUE) and confint() of it).
 */
export function svyMean(classes: readonly WeightedMoments[], options: DesignOptions & { z?: number } = {}): WeightedMean {
  const z = options.z ?? Z95;
  const { n, nEff, sumWeights } = sampleSize(classes);
  if (n === 0 || sumWeights <= 0) return { mean: NaN, se: NaN, lower: NaN, upper: NaN, n, nEff };
  const mean = classes.reduce((s, c) => s + c.weight * c.sum, 0) / sumWeights;
  const ss = classes.reduce((s, c) => s + c.weight * c.weight * squaredDeviations(c, mean), 0);
  const se = (options.designN ?? n) > 1 ? Math.sqrt(replacementFactor(n, options) * ss) / sumWeights : NaN;
  return { mean, se, lower: mean - z * se, upper: mean + z * se, n, nEff };
}

const asMoments = (c: WeightedCount): WeightedMoments => ({ weight: c.weight, n: c.n, sum: c.count, sumSquares: c.count });

/** Weighted proportion as a mean of 0/1 with its normal interval (R: svymean(~I(y == 1), design)). */
export function svyProportion(classes: readonly WeightedCount[], options: DesignOptions & { z?: number } = {}): WeightedMean {
  return svyMean(classes.map(asMoments), options);
}

export interface WeightedProportion extends Interval, SampleSize {
  proportion: number;
  /** Standard error of the proportion (R: SE(svyciprop(...)), the svymean one). */
  se: number;
  /** Degrees of freedom of the interval's t quantile (degf: n - 1). */
  df: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Weighted proportion with the logit interval (R: svyciprop(~y, design, method = "logit")): a Wald
 * interval on the logit scale from the intercept-only quasibinomial svyglm, whose standard error is
 * the linearization SE over p(1 - p), with the t quantile on degf(design) = n - 1 (or `df`: R's
 * default is the rows of the design passed, answered or not), mapped back. At
 * a proportion of 0 or 1 the logit interval does not exist; the interval is then that point.
 */
export function svyCiPropLogit(
  classes: readonly WeightedCount[],
  options: DesignOptions & { confidence?: number; df?: number } = {},
): WeightedProportion {
  const confidence = options.confidence ?? 0.95;
  const m = svyProportion(classes, options);
  const df = options.df ?? m.n - 1;
  const base = { proportion: m.mean, se: m.se, df, n: m.n, nEff: m.nEff };
  if (!(m.mean > 0 && m.mean < 1) || !(df > 0)) return { ...base, lower: m.mean, upper: m.mean };
  const seLogit = m.se / (m.mean * (1 - m.mean));
  const half = studentTQuantileTwoSided(1 - confidence, df) * seLogit;
  const centre = logit(m.mean);
  return { ...base, lower: expit(centre - half), upper: expit(centre + half) };
}

export interface WeightedTTest {
  /** mean(a) - mean(b). */
  difference: number;
  se: number;
  t: number;
  /** n - 2 (R: the svyglm's residual df, degf(design) + 1 - 2). */
  df: number;
  p: number;
  a: SampleSize;
  b: SampleSize;
}

/**
 * Design-based two-group t-test of a mean (R: svyttest(y ~ g, design) with g TRUE for group a:
 * the svyglm coefficient of a, its sandwich standard error and df n - 2). Groups are disjoint
 * responses; together they are the design, or a domain of it (designN). df counts the responses given.
 */
export function svyTTest(a: readonly WeightedMoments[], b: readonly WeightedMoments[], options: DesignOptions = {}): WeightedTTest {
  const sa = sampleSize(a);
  const sb = sampleSize(b);
  const n = sa.n + sb.n;
  const ma = a.reduce((s, c) => s + c.weight * c.sum, 0) / sa.sumWeights;
  const mb = b.reduce((s, c) => s + c.weight * c.sum, 0) / sb.sumWeights;
  const part = (classes: readonly WeightedMoments[], centre: number, total: number) =>
    classes.reduce((s, c) => s + c.weight * c.weight * squaredDeviations(c, centre), 0) / (total * total);
  const se = Math.sqrt(replacementFactor(n, options) * (part(a, ma, sa.sumWeights) + part(b, mb, sb.sumWeights)));
  const difference = ma - mb;
  const df = n - 2;
  const t = difference / se;
  const p = se > 0 && df > 0 ? studentTTwoSided(t, df) : NaN;
  return { difference, se, t, df, p, a: { n: sa.n, nEff: sa.nEff }, b: { n: sb.n, nEff: sb.nEff } };
}

/** Upper tail of the F distribution with (d1, d2) degrees of freedom, non-integer allowed (R: pf(f, d1, d2, lower.tail = FALSE)). */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  return incompleteBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

export interface WeightedChiSquare {
  /** Pearson's X² of the weighted table scaled to n (R: chisq.test(svytable(~r + c, design, Ntotal = n))). */
  pearson: number;
  /** The Rao-Scott F: X² / tr(Δ). */
  f: number;
  /** tr(Δ)² / tr(Δ²), and that times n - 1. */
  ndf: number;
  ddf: number;
  p: number;
  /** Rows and columns left after dropping empty ones. */
  rows: number;
  cols: number;
  n: number;
  nEff: number;
}

/**
 * Design-based test of independence in an r x c table (R: svychisq(~r + c, design), its default
 * statistic "F": Pearson's X² with the Rao-Scott second-order correction, F on tr(Δ)²/tr(Δ²) and
 * that x (n - 1) degrees of freedom). Rows and columns without responses are dropped first (R sees
 * only the levels present). Null when fewer than 2 rows or columns remain. Pearson's X² is on the
 * weighted table scaled to the responses given, and the denominator df is (those responses - 1).
 */
export function svyChisq(classes: readonly WeightedTable[], options: DesignOptions = {}): WeightedChiSquare | null {
  const width = Math.max(0, ...classes.flatMap((c) => c.counts.map((row) => row.length)));
  const height = Math.max(0, ...classes.map((c) => c.counts.length));
  const rowTotal = new Array<number>(height).fill(0);
  const colTotal = new Array<number>(width).fill(0);
  for (const c of classes)
    c.counts.forEach((row, i) =>
      row.forEach((v, j) => {
        rowTotal[i] = (rowTotal[i] as number) + v;
        colTotal[j] = (colTotal[j] as number) + v;
      }),
    );
  const rowsKept = rowTotal.flatMap((t, i) => (t > 0 ? [i] : []));
  const colsKept = colTotal.flatMap((t, j) => (t > 0 ? [j] : []));
  const R = rowsKept.length;
  const C = colsKept.length;
  if (R < 2 || C < 2) return null;
  const K = R * C;
  // Cell k = r + R * c (R's interaction(rows, cols) order; any order gives the same traces).
  const perClass = classes.map((c) => {
    const counts = new Array<number>(K).fill(0);
    rowsKept.forEach((i, r) => colsKept.forEach((j, col) => (counts[r + R * col] = c.counts[i]?.[j] ?? 0)));
    const n = counts.reduce((s, v) => s + v, 0);
    return { weight: c.weight, counts, n };
  });
  const { n, nEff, sumWeights } = sampleSize(perClass);
  const weighted = new Array<number>(K).fill(0);
  for (const c of perClass) c.counts.forEach((v, k) => (weighted[k] = (weighted[k] as number) + c.weight * v));
  const p = weighted.map((t) => t / sumWeights);

  // Pearson's X² on the weighted table scaled to total n.
  const cell = (r: number, col: number) => (p[r + R * col] as number) * n;
  const rowSum = Array.from({ length: R }, (_, r) => colsKept.reduce((s, _j, col) => s + cell(r, col), 0));
  const colSum = Array.from({ length: C }, (_, col) => rowsKept.reduce((s, _i, r) => s + cell(r, col), 0));
  let pearson = 0;
  for (let r = 0; r < R; r++)
    for (let col = 0; col < C; col++) {
      const e = ((rowSum[r] as number) * (colSum[col] as number)) / n;
      if (e > 0) pearson += (cell(r, col) - e) ** 2 / e;
    }

  // Linearization covariance of the cell proportions (R: attr(svymean(mm, design), "var")).
  const V: Matrix = zeros(K, K);
  for (const c of perClass) {
    const w2 = c.weight * c.weight;
    for (let k = 0; k < K; k++) {
      const nk = c.counts[k] as number;
      const pk = p[k] as number;
      const row = V[k] as number[];
      for (let l = 0; l < K; l++) {
        const nl = c.counts[l] as number;
        const pl = p[l] as number;
        const s = (k === l ? nk : 0) - pl * nk - pk * nl + pk * pl * c.n;
        row[l] = (row[l] as number) + w2 * s;
      }
    }
  }
  const scale = replacementFactor(n, options) / (sumWeights * sumWeights);
  for (const row of V) for (let l = 0; l < K; l++) row[l] = (row[l] as number) * scale;

  // Contrasts of the interaction, residualized on the main effects (R: qr.resid(qr(X1), X12[, -main])).
  const X1: Matrix = zeros(K, R + C - 1);
  const Xint: Matrix = zeros(K, (R - 1) * (C - 1));
  for (let col = 0; col < C; col++)
    for (let r = 0; r < R; r++) {
      const k = r + R * col;
      const x1 = X1[k] as number[];
      x1[0] = 1;
      if (r > 0) x1[r] = 1;
      if (col > 0) x1[R - 1 + col] = 1;
      if (r > 0 && col > 0) (Xint[k] as number[])[r - 1 + (R - 1) * (col - 1)] = 1;
    }
  const Cmat = projectionResidual(X1, Xint);
  const inv = p.map((v) => (v === 0 ? 0 : 1 / v));
  const scaledRows = (m: Matrix, f: (k: number) => number) => m.map((row, k) => row.map((v) => v * f(k)));
  const Ct = transpose(Cmat);
  const denom = multiply(
    Ct,
    scaledRows(Cmat, (k) => (inv[k] as number) / n),
  );
  const DinvC = scaledRows(Cmat, (k) => inv[k] as number);
  const numr = multiply(transpose(DinvC), multiply(V, DinvC));
  const Delta = solve(denom, numr);
  const tr = trace(Delta);
  const tr2 = trace(multiply(Delta, Delta));
  const ndf = (tr * tr) / tr2;
  const ddf = ndf * (n - 1);
  const f = pearson / tr;
  return { pearson, f, ndf, ddf, p: fUpperTail(f, ndf, ddf), rows: R, cols: C, n, nEff };
}
