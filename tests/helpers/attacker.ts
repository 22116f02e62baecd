// An automated differencing attacker. It knows everything about the protection (the perturbation
// table, its bounds and k: lib/privacy/cellkey.ts) except the record keys, asks a publisher for
// figures, and works out exactly which true values are consistent with all of them. A value is
// "recovered" when only one remains.
//
// The publisher is a parameter (`Publisher`): tests/unit/differencing-attacks.test.ts points it at
// an in-memory synthetic population; the same attacks can be pointed at the real HTTP API by a
// publisher that turns a `CellQuery` into a request (include → filters, exclude → compare's
// "everyone else") and reads the published count.
import { countsConsistentWith, MAX_NOISE, SUM_NOISE_SCALE } from "@/lib/privacy/cellkey";

/** A filter as the views take it: per dimension the values allowed, and an inclusive date window. */
export interface Filter {
  values?: Readonly<Record<string, readonly string[]>>;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
}

/** The records matching `include` and not matching `exclude` (a segment against "everyone else"). */
export interface CellQuery {
  include: Filter;
  exclude?: Filter;
}

export interface Publisher {
  /** The published count of a cell, or null when the view withholds it. */
  count(cell: CellQuery): Promise<number | null>;
  /** The published count and mean of a variable over a cell (null where withheld). */
  mean(cell: CellQuery, variable: string): Promise<{ n: number | null; mean: number | null }>;
}

/** What the attacker does not know but the test does: the truth, to judge the attack. */
export interface Oracle {
  count(cell: CellQuery): number;
}

export interface Interval {
  min: number;
  max: number;
}

/**
 * A node of an attack: a cell and (optionally) disjoint parts of it. `exhaustive`: the parts make
 * up the whole cell (the attacker knows this from the filters). `observe: false`: the attacker does
 * not query this cell (it is only there as the remainder of its parent).
 */
export interface AttackNode {
  cell: CellQuery;
  parts?: AttackNode[];
  exhaustive?: boolean;
  observe?: boolean;
}

export interface Attack {
  name: string;
  root: AttackNode;
  /** The node whose true count the attacker is after (inside root). */
  target: AttackNode;
}

export interface AttackOutcome {
  name: string;
  /** Every true count of the target consistent with what was published. */
  feasible: Interval;
  queries: number;
}

const EVERYTHING: Interval = { min: 0, max: Number.POSITIVE_INFINITY };
const intersect = (a: Interval, b: Interval): Interval => ({ min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) });
const add = (a: Interval, b: Interval): Interval => ({ min: a.min + b.min, max: a.max + b.max });
const subtract = (a: Interval, b: Interval): Interval => ({ min: a.min - b.max, max: a.max - b.min });

/**
 * The exact set of target counts consistent with the observations on a tree of nested and
 * disjoint cells (every domain an interval of whole numbers, sums of intervals are intervals, so
 * the two passes below are exact on a tree).
 */
export function solveTree(root: AttackNode, target: AttackNode, observed: Map<AttackNode, Interval>): Interval {
  const up = new Map<AttackNode, Interval>();
  const climb = (node: AttackNode): Interval => {
    let own = observed.get(node) ?? EVERYTHING;
    if (node.parts?.length) {
      let sum: Interval = node.exhaustive ? { min: 0, max: 0 } : EVERYTHING;
      for (const part of node.parts) sum = add(sum, climb(part));
      own = intersect(own, sum);
    }
    up.set(node, own);
    return own;
  };
  climb(root);
  const path = (node: AttackNode, trail: AttackNode[]): AttackNode[] | null => {
    if (node === target) return [...trail, node];
    for (const part of node.parts ?? []) {
      const found = path(part, [...trail, node]);
      if (found) return found;
    }
    return null;
  };
  const trail = path(root, []);
  if (!trail) throw new Error("the target is not in the attack's tree");
  let down = up.get(root) ?? EVERYTHING;
  for (let i = 1; i < trail.length; i++) {
    const parent = trail[i - 1] as AttackNode;
    const node = trail[i] as AttackNode;
    let rest: Interval = parent.exhaustive ? { min: 0, max: 0 } : EVERYTHING;
    for (const sibling of parent.parts ?? []) if (sibling !== node) rest = add(rest, up.get(sibling) ?? EVERYTHING);
    down = intersect(up.get(node) ?? EVERYTHING, subtract(down, rest));
  }
  return intersect(down, EVERYTHING);
}

function nodesOf(node: AttackNode): AttackNode[] {
  return [node, ...(node.parts ?? []).flatMap(nodesOf)];
}

/**
 * What the attacker knows about the publisher's method: the true counts consistent with one
 * published figure (null: withheld).
 */
export type Model = (published: number | null) => Interval;

/** Cell-key perturbation with threshold k (lib/privacy/cellkey.ts). */
export const cellKeyModel =
  (k: number): Model =>
  (published) =>
    countsConsistentWith(published, k);

/** Exact counts with counts of 1..k-1 withheld (small-cell suppression alone). */
export const suppressionModel =
  (k: number): Model =>
  (published) =>
    published === null ? { min: 0, max: k - 1 } : { min: published, max: published };

/** Runs one attack: queries every observed cell once, then solves. */
export async function runAttack(attack: Attack, publisher: Publisher, model: Model): Promise<AttackOutcome> {
  const observed = new Map<AttackNode, Interval>();
  let queries = 0;
  for (const node of nodesOf(attack.root)) {
    if (node.observe === false) continue;
    queries++;
    observed.set(node, model(await publisher.count(node.cell)));
  }
  return { name: attack.name, feasible: solveTree(attack.root, attack.target, observed), queries };
}

/**
 * The n × mean attack on one respondent: two cells that differ by exactly that respondent (the
 * attacker is even told so), each published as a count and a mean. The published sums are
 * n × mean; their difference is the respondent's value plus two bounded draws. Returns the values
 * of `scale` consistent with it (null when a figure is withheld).
 */
export async function isolatedValueAttack(
  publisher: Publisher,
  withRespondent: CellQuery,
  without: CellQuery,
  variable: string,
  scale: readonly number[],
  slack: number,
): Promise<number[] | null> {
  const a = await publisher.mean(withRespondent, variable);
  const b = await publisher.mean(without, variable);
  if (a.n === null || a.mean === null || b.n === null || b.mean === null) return null;
  // A mean kept at the end of the scale no longer says n × mean: the attacker leaves it.
  const [low, high] = [Math.min(...scale), Math.max(...scale)];
  if ([a.mean, b.mean].some((m) => m === low || m === high)) return null;
  const difference = a.n * a.mean - b.n * b.mean;
  return scale.filter((value) => Math.abs(difference - value) <= slack);
}

/**
 * How far apart two published sums of a variable on `scale` can be from the true difference under
 * cell-key perturbation: each sum moves by less than 1.5 ranges, plus rounding.
 */
export function protectedSumSlack(scale: readonly number[]): number {
  const range = Math.max(...scale) - Math.min(...scale);
  return 2 * (MAX_NOISE * SUM_NOISE_SCALE * range + 0.5) + 1e-9;
}
