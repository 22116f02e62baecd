// Cell-key perturbation (the method of the ABS TableBuilder): every response carries a secret
// random record key (response.record_key, an integer in [0, 255]); a cell's key is the sum of its
// records' keys modulo 256, and the cell's published count is its true count plus a perturbation
// looked up from (count, cell key) in a fixed table. The same set of records therefore always gets
// the same published count, whichever query, filter order or view produced it, so asking again
// averages nothing away, and a difference of two published counts carries the noise of both.
//
// Pure and deterministic: no randomness at run time, no I/O. The aggregate engine sums record keys
// per cell in SQL (`sum(record_key)`) next to the count, and calls the functions below.
// docs/PRIVACY.md states the method, its bounds and its measured effect on accuracy.
import { mulberry32 } from "@/lib/stats/random";

/** Record keys are integers in [0, RECORD_KEY_MODULUS); cell keys are sums modulo this. */
export const RECORD_KEY_MODULUS = 256;
/** |perturbation| of a count never exceeds this. */
export const MAX_NOISE = 3;
/** Published counts are never 1..SMALL_COUNT_LIMIT (a true 1 or 2 becomes 0 or at least 3). */
export const SMALL_COUNT_LIMIT = 2;
/** Standard deviation of the discretized normal shape the perturbations start from (before tilting). */
export const BASE_SD = 1.2;
/** A sum's perturbation is its own draw (in (-3, 3)) times this share of one record's range. */
export const SUM_NOISE_SCALE = 0.5;

/** Counts from this size up share one perturbation row (every d in -3..3 is allowed). */
export const GENERIC_ROW = MAX_NOISE + SMALL_COUNT_LIMIT + 1;

/** What the engine aggregates per cell: its true count and the sum of its records' keys. */
export interface CellAggregate {
  n: number;
  /** sum(record_key) over the cell's records; PostgreSQL's sum of smallint is bigint (pg: string). */
  keySum: number | bigint | string;
}

/** A numeric variable's possible range per record (a 1-5 scale: {min: 1, max: 5}). */
export interface ValueRange {
  min: number;
  max: number;
}

// ---------------------------------------------------------------------------------------------
// The perturbation table

/** xs[i] for an index the caller keeps in range (checked, rather than asserted). */
function at<T>(xs: ArrayLike<T>, i: number): T {
  const value = xs[i];
  if (value === undefined) throw new RangeError(`index ${i} out of range`);
  return value;
}

/**
 * A fixed pseudo-random permutation of the key space. Cell keys go through it before the table's
 * cumulative ranges, so the keys giving one perturbation are scattered rather than one interval
 * (sums of intervals are intervals, which would let someone relate the perturbations of a cell
 * and its parts).
 */
function permutation(seed: number): Uint8Array {
  const next = mulberry32(seed);
  const out = Uint8Array.from({ length: RECORD_KEY_MODULUS }, (_, i) => i);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [at(out, j), at(out, i)];
  }
  return out;
}

const COUNT_PERMUTATION = permutation(0x5eed_c0de);
const SUM_PERMUTATION = permutation(0x5eed_5a17);

/** The perturbations allowed for a true count n: the result is never negative nor 1..SMALL_COUNT_LIMIT. */
export function allowedNoise(n: number): number[] {
  if (n === 0) return [0]; // an empty cell has no records and so no key: zero stays zero
  const out: number[] = [];
  for (let d = -MAX_NOISE; d <= MAX_NOISE; d++) {
    const published = n + d;
    if (published < 0 || (published >= 1 && published <= SMALL_COUNT_LIMIT)) continue;
    out.push(d);
  }
  return out;
}

/**
 * The zero-mean distribution for count n, as whole numbers of keys out of RECORD_KEY_MODULUS:
 * the discretized normal shape (BASE_SD) restricted to the allowed perturbations and tilted
 * (p(d) ∝ shape(d)·e^{a·d}, the closest distribution in relative entropy with mean zero), then
 * rounded to keys with every allowed value keeping at least one key and the mean exactly zero.
 */
function rowCounts(n: number): Map<number, number> {
  const support = allowedNoise(n);
  if (support.length === 1) return new Map(support.map((d) => [d, RECORD_KEY_MODULUS]));
  const shape = (d: number) => Math.exp(-(d * d) / (2 * BASE_SD * BASE_SD));
  const tilted = (a: number) => {
    const weights = support.map((d) => ({ d, w: shape(d) * Math.exp(a * d) }));
    const total = weights.reduce((s, x) => s + x.w, 0);
    return weights.map((x) => ({ d: x.d, p: x.w / total }));
  };
  const mean = (a: number) => tilted(a).reduce((s, x) => s + x.p * x.d, 0);
  let lo = -30;
  let hi = 30;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) > 0) hi = mid;
    else lo = mid;
  }
  // Largest remainder, then at least one key each.
  const cells = tilted((lo + hi) / 2).map(({ d, p }) => {
    const target = p * RECORD_KEY_MODULUS;
    return { d, target, count: Math.max(1, Math.floor(target)) };
  });
  const byRemainder = [...cells].sort((x, y) => y.target - Math.floor(y.target) - (x.target - Math.floor(x.target)) || x.d - y.d);
  let missing = RECORD_KEY_MODULUS - cells.reduce((s, c) => s + c.count, 0);
  for (let i = 0; missing > 0; i++, missing--) at(byRemainder, i % byRemainder.length).count += 1;
  for (; missing < 0; missing++) cells.reduce((a, b) => (b.count > a.count ? b : a)).count -= 1;
  // Exact zero mean: move single keys between perturbations, each move the one that brings the
  // mean closest to zero (then the one that strays least from the target).
  let offset = cells.reduce((s, c) => s + c.count * c.d, 0);
  for (let guard = 0; offset !== 0; guard++) {
    if (guard > 10_000) throw new Error(`cell-key table: no zero-mean row for n = ${n}`);
    let best: { from: (typeof cells)[number]; to: (typeof cells)[number]; offset: number; cost: number } | null = null;
    for (const from of cells) {
      if (from.count <= 1) continue;
      for (const to of cells) {
        if (to === from) continue;
        const next = offset + to.d - from.d;
        const cost = (to.count + 1 - to.target) ** 2 + (from.count - 1 - from.target) ** 2;
        if (!best || Math.abs(next) < Math.abs(best.offset) || (Math.abs(next) === Math.abs(best.offset) && cost < best.cost))
          best = { from, to, offset: next, cost };
      }
    }
    if (!best || Math.abs(best.offset) >= Math.abs(offset)) throw new Error(`cell-key table: stuck at n = ${n}`);
    best.from.count -= 1;
    best.to.count += 1;
    offset = best.offset;
  }
  return new Map(cells.map((c) => [c.d, c.count]));
}

/** Row n (0..GENERIC_ROW) of the table: the perturbation for each permuted key position. */
const ROWS: readonly Int8Array[] = Array.from({ length: GENERIC_ROW + 1 }, (_, n) => {
  const row = new Int8Array(RECORD_KEY_MODULUS);
  let position = 0;
  for (const [d, count] of [...rowCounts(n)].sort((x, y) => x[0] - y[0])) {
    row.fill(d, position, position + count);
    position += count;
  }
  return row;
});

const rowOf = (n: number) => at(ROWS, Math.min(n, GENERIC_ROW));

/** The distribution of the perturbation of a count n: probability of each d (keys out of 256). */
export function noiseDistribution(n: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of rowOf(n)) out.set(d, (out.get(d) ?? 0) + 1 / RECORD_KEY_MODULUS);
  return new Map([...out].sort((x, y) => x[0] - y[0]));
}

// ---------------------------------------------------------------------------------------------
// Counts

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a cell count must be a whole number ≥ 0, not ${n}`);
}

/** A cell's key: the sum of its records' keys modulo RECORD_KEY_MODULUS (any integer sum, e.g. SQL's bigint as text). */
export function cellKeyOf(keySum: number | bigint | string): number {
  const sum = BigInt(keySum);
  const m = BigInt(RECORD_KEY_MODULUS);
  return Number(((sum % m) + m) % m);
}

/** The perturbation of a count n whose cell key is `cellKey` (from the table; |d| ≤ MAX_NOISE). */
export function countNoise(n: number, cellKey: number): number {
  checkCount(n);
  if (!Number.isInteger(cellKey) || cellKey < 0 || cellKey >= RECORD_KEY_MODULUS) throw new RangeError(`cell key out of range: ${cellKey}`);
  return at(rowOf(n), at(COUNT_PERMUTATION, cellKey));
}

/**
 * The cell's perturbed count: never negative, never 1..SMALL_COUNT_LIMIT, at most MAX_NOISE from
 * the truth, and the same for the same records whatever the query.
 */
export function perturbCount(cell: CellAggregate): number {
  return cell.n + countNoise(cell.n, cellKeyOf(cell.keySum));
}

/**
 * What a viewer or the public sees of a count: the perturbed count, or null (withheld, drawn as
 * "<k") when the true count or the perturbed count is below k. The perturbation already hides
 * which; the threshold keeps tiny groups out of every table and keeps means off them.
 */
export function protectedCount(cell: CellAggregate, k: number): number | null {
  const published = perturbCount(cell);
  return cell.n < k || published < k ? null : published;
}

/**
 * A share from protected counts: the part's protected count over the base's, kept within [0, 1];
 * null when either is withheld (an empty part included). A share of published figures tells no
 * more than the figures themselves.
 */
export function protectedShare(part: CellAggregate, base: CellAggregate, k: number): number | null {
  const denominator = protectedCount(base, k);
  if (denominator === null || denominator === 0) return null;
  // An empty part is withheld like any other under k: a published 0 would tell it apart from 1..k-1.
  const numerator = protectedCount(part, k);
  if (numerator === null) return null;
  return Math.min(1, numerator / denominator);
}

/**
 * Every true count consistent with a published figure (what someone who knows this table and k can
 * infer from that figure alone): a whole-number interval. `published` null means withheld.
 */
export function countsConsistentWith(published: number | null, k: number): { min: number; max: number } {
  const consistent: number[] = [];
  const limit = (published ?? k) + MAX_NOISE + 1;
  for (let n = 0; n <= limit; n++) {
    const outputs = new Set(
      allowedNoise(n)
        .filter((d) => rowOf(n).includes(d))
        .map((d) => n + d),
    );
    const ok = published === null ? n < k || [...outputs].some((p) => p < k) : n >= k && outputs.has(published) && published >= k;
    if (ok) consistent.push(n);
  }
  if (consistent.length === 0) return { min: 1, max: 0 };
  const min = at(consistent, 0);
  const max = at(consistent, consistent.length - 1);
  if (max - min + 1 !== consistent.length) throw new Error(`counts consistent with ${published} are not an interval`);
  return { min, max };
}

// ---------------------------------------------------------------------------------------------
// Sums and means

/** A variable's salt: a fixed hash of its name (e.g. a readiness dimension's code), mod 256. */
function saltOf(variable: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < variable.length; i++) h = Math.imul(h ^ variable.charCodeAt(i), 0x01000193) >>> 0;
  return h % RECORD_KEY_MODULUS;
}

/**
 * Sum draws: the triangular distribution on (-3, 3) (variance 1.5) at the 256 key positions'
 * quantiles, mirrored so that they cancel exactly over all keys (zero mean). Continuous rather than
 * the count table's whole steps, so a difference of two sums carries no parity or lattice pattern.
 */
const SUM_DRAWS: Float64Array = (() => {
  const out = new Float64Array(RECORD_KEY_MODULUS);
  for (let p = 0; p < RECORD_KEY_MODULUS / 2; p++) {
    const z = -3 + 3 * Math.sqrt((2 * (p + 0.5)) / RECORD_KEY_MODULUS);
    out[p] = z;
    out[RECORD_KEY_MODULUS - 1 - p] = -z;
  }
  return out;
})();

/** Rounds halves away from zero, so rounding is symmetric and keeps the draws' zero mean. */
const roundSymmetric = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/**
 * The perturbation of a cell's sum of `variable` (values in `range` per record): the sum draw at a
 * second permutation of (cell key + the variable's salt), times SUM_NOISE_SCALE × (max - min). So
 * |noise| < 1.5 records' full range, and the difference of two published sums that differ by one
 * record hides that record's value.
 */
export function sumNoise(cell: CellAggregate, variable: string, range: ValueRange): number {
  const key = (cellKeyOf(cell.keySum) + saltOf(variable)) % RECORD_KEY_MODULUS;
  return at(SUM_DRAWS, at(SUM_PERMUTATION, key)) * SUM_NOISE_SCALE * (range.max - range.min);
}

/**
 * The cell's perturbed sum of `variable`, rounded to a whole number (deterministic, like counts).
 * Rounding also hides the fractional part a real-valued sum (e.g. of readiness indexes) would
 * otherwise carry through a difference.
 */
export function perturbSum(sum: number, cell: CellAggregate, variable: string, range: ValueRange): number {
  return roundSymmetric(sum + sumNoise(cell, variable, range));
}

/**
 * A protected mean: the perturbed sum over the perturbed count, kept within the range; null when
 * the count is withheld. Published n × mean is then the perturbed sum, never the true one.
 */
export function protectedMean(sum: number, cell: CellAggregate, variable: string, range: ValueRange, k: number): number | null {
  const n = protectedCount(cell, k);
  if (n === null || n === 0) return null;
  const mean = perturbSum(sum, cell, variable, range) / n;
  return Math.min(range.max, Math.max(range.min, mean));
}

/** Variance of a count's perturbation from GENERIC_ROW up (1.41: standard deviation 1.19). */
export function countNoiseVariance(): number {
  return [...noiseDistribution(GENERIC_ROW)].reduce((s, [d, p]) => s + d * d * p, 0);
}

/**
 * Variance of a sum's perturbation for values in `range` (1.5 × (SUM_NOISE_SCALE × width)²): an
 * interval around a protected mean adds this over n² to the sampling variance.
 */
export function sumNoiseVariance(range: ValueRange): number {
  return 1.5 * (SUM_NOISE_SCALE * (range.max - range.min)) ** 2;
}

/** The method's parameters, for documentation and for the badge on analysts' views. */
export const CELL_KEY_METHOD = {
  name: "cell-key perturbation",
  modulus: RECORD_KEY_MODULUS,
  maxNoise: MAX_NOISE,
  smallCountLimit: SMALL_COUNT_LIMIT,
  baseSd: BASE_SD,
  sumNoiseScale: SUM_NOISE_SCALE,
} as const;
