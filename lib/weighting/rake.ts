// Raking (iterative proportional fitting) over profile cells. Raking margins are profile
// dimensions, so every response of one profile cell gets the same weight: the input is the count
// of complete responses per cell, the output one weight per cell. The algorithm is R's
// survey::rake(): each iteration post-stratifies on every margin in turn (in WEIGHTING_DIMENSIONS
// order), and raking stops once an iteration changed no joint cell total of the raked dimensions
// by epsilon x the total weight or more (rake(..., control = list(epsilon = 1e-6)) with
// population margins of share x n); here it must also meet every margin within epsilon, so the
// final gap is reported. Weights are scaled to a mean of 1 over responses (sum = n).
import { SHARE_TOLERANCE, WEIGHTING_DIMENSIONS, type Margins, type TrimCaps, type WeightingDimension } from "./schemas";

/** Complete responses of one profile cell: its category on each dimension, and how many. */
export interface ProfileCell {
  profile: Partial<Record<WeightingDimension, string>>;
  n: number;
}

export type RakeProblem =
  | { kind: "no_responses"; message: string }
  | { kind: "empty_category"; dimension: WeightingDimension; category: string; target: number; message: string }
  | { kind: "zero_target_with_responses"; dimension: WeightingDimension; category: string; responses: number; message: string }
  | { kind: "unknown_category"; dimension: WeightingDimension; category: string; responses: number; message: string }
  | { kind: "contradictory_targets"; dimensions: WeightingDimension[]; message: string }
  | { kind: "not_converged"; dimensions: WeightingDimension[]; message: string };

export interface TrimmingOutcome {
  caps: TrimCaps;
  /** Trim-and-rake rounds run (0 when the raked weights were already within the caps). */
  rounds: number;
  /** Whether the final weights lie within the caps (within 1e-6 relative) while meeting every margin. */
  capsMet: boolean;
  /** The final smallest and largest weight as multiples of the mean weight. */
  minRatio: number;
  maxRatio: number;
}

export interface RakeResult {
  /** One weight per input cell, in input order; mean 1 over responses. Unweighted (all 1) when not converged. */
  weights: number[];
  converged: boolean;
  /** Raking iterations (full passes over the margins) of the last raking run. */
  iterations: number;
  /** Largest |weighted share - target share| over every category of every margin, after the last iteration. */
  maxGap: number;
  /** Why the weights could not be computed or did not converge; null when converged. */
  problem: RakeProblem | null;
  trimming: TrimmingOutcome | null;
}

export interface RakeOptions {
  /** Convergence tolerance on shares (default 1e-6, the issue's and rake()'s epsilon). */
  epsilon?: number;
  /** Iteration cap for one raking run (default 2000). */
  maxIterations?: number;
  /** Optional trimming caps relative to the mean weight; the weights are re-raked after trimming. */
  trim?: TrimCaps | null;
  /** Trim-and-rake rounds at most (default 100). */
  maxTrimRounds?: number;
}

const DEFAULT_MAX_ITERATIONS = 2000;
const DEFAULT_TRIM_ROUNDS = 100;

interface Prepared {
  dimensions: WeightingDimension[];
  /** Per raked dimension: category -> index, each cell's category index, and the target totals (share x n). */
  categoryIndex: Map<string, number>[];
  cellCategory: number[][];
  targets: number[][];
  /** Each cell's index among the joint cells of the raked dimensions (R's svytable over them). */
  jointIndex: number[];
  jointCount: number;
  counts: number[];
  total: number;
}

type Prep = { ok: true; prep: Prepared } | { ok: false; problem: RakeProblem };

function prepare(cells: readonly ProfileCell[], margins: Margins): Prep {
  const dimensions = WEIGHTING_DIMENSIONS.filter((dimension) => margins[dimension] !== undefined);
  const counts = cells.map((cell) => cell.n);
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return { ok: false, problem: { kind: "no_responses", message: "there are no complete responses to weight" } };
  const categoryIndex: Map<string, number>[] = [];
  const targets: number[][] = [];
  const cellCategory: number[][] = [];
  for (const dimension of dimensions) {
    const shares = margins[dimension] as ReadonlyMap<string, number>;
    const index = new Map<string, number>();
    const target: number[] = [];
    for (const [category, share] of shares) {
      index.set(category, target.length);
      target.push(share * total);
    }
    const sample = target.map(() => 0);
    const ofCell: number[] = [];
    for (const cell of cells) {
      const category = cell.profile[dimension] ?? "";
      const i = index.get(category);
      if (i === undefined) {
        if (cell.n === 0) {
          ofCell.push(-1);
          continue;
        }
        const responses = cells.filter((c) => (c.profile[dimension] ?? "") === category).reduce((s, c) => s + c.n, 0);
        return {
          ok: false,
          problem: {
            kind: "unknown_category",
            dimension,
            category,
            responses,
            message: `${responses} responses have ${dimension} "${category}", which the targets do not name`,
          },
        };
      }
      ofCell.push(i);
      sample[i] = (sample[i] as number) + cell.n;
    }
    for (const [category, i] of index) {
      const share = shares.get(category) as number;
      const responses = sample[i] as number;
      if (share > 0 && responses === 0)
        return {
          ok: false,
          problem: {
            kind: "empty_category",
            dimension,
            category,
            target: share,
            message: `${dimension} "${category}" has a target of ${share} but no complete responses: no weights can reach it`,
          },
        };
      if (share === 0 && responses > 0)
        return {
          ok: false,
          problem: {
            kind: "zero_target_with_responses",
            dimension,
            category,
            responses,
            message: `${dimension} "${category}" has a target of 0 but ${responses} responses: give it a share or leave the dimension untargeted`,
          },
        };
    }
    categoryIndex.push(index);
    targets.push(target);
    cellCategory.push(ofCell);
  }
  const joint = new Map<string, number>();
  const jointIndex = cells.map((_, c) => {
    const key = cellCategory.map((ofCell) => ofCell[c]).join(",");
    const existing = joint.get(key);
    if (existing !== undefined) return existing;
    joint.set(key, joint.size);
    return joint.size - 1;
  });
  return { ok: true, prep: { dimensions, categoryIndex, cellCategory, targets, jointIndex, jointCount: joint.size, counts, total } };
}

function jointTotals(prep: Prepared, weights: readonly number[]): number[] {
  const totals = new Array<number>(prep.jointCount).fill(0);
  prep.counts.forEach((n, c) => {
    const j = prep.jointIndex[c] as number;
    totals[j] = (totals[j] as number) + n * (weights[c] as number);
  });
  return totals;
}

function marginTotals(prep: Prepared, d: number, weights: readonly number[]): number[] {
  const totals = (prep.targets[d] as number[]).map(() => 0);
  const ofCell = prep.cellCategory[d] as number[];
  prep.counts.forEach((n, c) => {
    const i = ofCell[c] as number;
    if (i >= 0) totals[i] = (totals[i] as number) + n * (weights[c] as number);
  });
  return totals;
}

/** Largest |weighted share - target share| over every margin. */
function gapOf(prep: Prepared, weights: readonly number[]): { gap: number; worst: WeightingDimension[] } {
  let gap = 0;
  const worst: WeightingDimension[] = [];
  prep.dimensions.forEach((dimension, d) => {
    const totals = marginTotals(prep, d, weights);
    const target = prep.targets[d] as number[];
    const g = Math.max(...totals.map((t, i) => Math.abs(t - (target[i] as number)) / prep.total));
    if (g > SHARE_TOLERANCE) worst.push(dimension);
    gap = Math.max(gap, g);
  });
  return { gap, worst };
}

interface RunResult {
  weights: number[];
  converged: boolean;
  iterations: number;
  maxGap: number;
  problem: RakeProblem | null;
}

/** One raking run from base weights, as rake() does it. */
function rakeRun(prep: Prepared, base: readonly number[], epsilon: number, maxIterations: number): RunResult {
  const weights = [...base];
  const tolerance = epsilon * prep.counts.reduce((sum, n, c) => sum + n * (base[c] as number), 0);
  let old = jointTotals(prep, weights);
  const gaps: number[] = [];
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    prep.dimensions.forEach((_, d) => {
      const totals = marginTotals(prep, d, weights);
      const target = prep.targets[d] as number[];
      const ofCell = prep.cellCategory[d] as number[];
      for (let c = 0; c < weights.length; c++) {
        const i = ofCell[c] as number;
        if (i < 0) continue;
        const current = totals[i] as number;
        weights[c] = current > 0 ? ((weights[c] as number) * (target[i] as number)) / current : 0;
      }
    });
    const next = jointTotals(prep, weights);
    const delta = Math.max(...next.map((t, j) => Math.abs(t - (old[j] as number))));
    old = next;
    const { gap } = gapOf(prep, weights);
    gaps.push(gap);
    if (delta < tolerance && gap <= epsilon) return { weights, converged: true, iterations: iteration + 1, maxGap: gap, problem: null };
  }
  const { gap, worst } = gapOf(prep, weights);
  // IPF converges geometrically when the margins can be met; a gap that stopped shrinking over the
  // second half of the run means they cannot be met together with the sample's empty cells.
  const half = gaps[Math.floor(gaps.length / 2)] ?? gap;
  const stalled = gap > half / 10;
  const names = worst.length > 0 ? worst : prep.dimensions;
  const problem: RakeProblem = stalled
    ? {
        kind: "contradictory_targets",
        dimensions: names,
        message:
          `the margins of ${names.join(", ")} cannot all be met by this sample (max gap ${gap.toPrecision(3)} after ` +
          `${maxIterations} iterations): some targeted combinations have no responses`,
      }
    : {
        kind: "not_converged",
        dimensions: names,
        message: `raking did not reach ${epsilon} on ${names.join(", ")} within ${maxIterations} iterations (max gap ${gap.toPrecision(3)})`,
      };
  return { weights, converged: false, iterations: maxIterations, maxGap: gap, problem };
}

function meanWeight(prep: Prepared, weights: readonly number[]): number {
  return prep.counts.reduce((sum, n, c) => sum + n * (weights[c] as number), 0) / prep.total;
}

function ratios(prep: Prepared, weights: readonly number[]): { min: number; max: number } {
  const mean = meanWeight(prep, weights);
  let min = Infinity;
  let max = -Infinity;
  prep.counts.forEach((n, c) => {
    if (n === 0) return;
    const r = (weights[c] as number) / mean;
    min = Math.min(min, r);
    max = Math.max(max, r);
  });
  return { min, max };
}

/**
 * Rakes profile cells to target margins (shares), optionally trimming weights to caps relative to
 * the mean weight and re-raking after each trim until the weights meet both (or the rounds run out:
 * then the margins hold and capsMet is false).
 */
export function rake(cells: readonly ProfileCell[], margins: Margins, options: RakeOptions = {}): RakeResult {
  const epsilon = options.epsilon ?? SHARE_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const ones = cells.map(() => 1);
  const prepared = prepare(cells, margins);
  if (!prepared.ok) return { weights: ones, converged: false, iterations: 0, maxGap: NaN, problem: prepared.problem, trimming: null };
  const { prep } = prepared;
  let run = rakeRun(prep, ones, epsilon, maxIterations);
  if (!run.converged) return { ...run, weights: ones, trimming: null };
  const caps = options.trim ?? null;
  if (!caps) return { ...run, trimming: null };
  const tolerance = 1e-6;
  const within = (weights: readonly number[]) => {
    const r = ratios(prep, weights);
    return r.min >= caps.lower * (1 - tolerance) && r.max <= caps.upper * (1 + tolerance);
  };
  let rounds = 0;
  const maxRounds = options.maxTrimRounds ?? DEFAULT_TRIM_ROUNDS;
  while (!within(run.weights) && rounds < maxRounds) {
    rounds += 1;
    const mean = meanWeight(prep, run.weights);
    const trimmed = run.weights.map((w) => Math.min(caps.upper * mean, Math.max(caps.lower * mean, w)));
    const next = rakeRun(prep, trimmed, epsilon, maxIterations);
    if (!next.converged) break;
    run = next;
  }
  const scale = 1 / meanWeight(prep, run.weights);
  const weights = run.weights.map((w) => w * scale);
  const r = ratios(prep, weights);
  return {
    ...run,
    weights,
    trimming: { caps, rounds, capsMet: within(weights), minRatio: r.min, maxRatio: r.max },
  };
}
