// docs/PRIVACY.md's guarantee 2, checked by enumeration rather than sampling: for the shapes of
// attack that use one decomposition of a withheld group (a pair, a triple, a chain), every true
// count of the other cells in a range around the edge cases and every perturbation each cell can
// get, the attacker's exact solution (tests/helpers/attacker.ts) keeps at least two values.
import { describe, expect, it } from "vitest";
import { allowedNoise } from "@/lib/privacy/cellkey";
import { cellKeyModel, solveTree, type AttackNode, type Interval } from "../helpers/attacker";

const K = 5;
const consistent = cellKeyModel(K);
const memo = new Map<number | null, Interval>();
const model = (published: number | null) => {
  let found = memo.get(published);
  if (!found) memo.set(published, (found = consistent(published)));
  return found;
};
/** True counts of the other cells: every small one, then a few large (which share one table row). */
const OTHERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 60];

/** What each true count can be published as: withheld (null) or its perturbed value. */
function outputs(n: number): (number | null)[] {
  return [...new Set(allowedNoise(n).map((d) => (n < K || n + d < K ? null : n + d)))];
}

const cell = (): AttackNode => ({ cell: { include: {} } });

/** Every combination of published values for cells with these true counts. */
function* observations(counts: number[]): Generator<(number | null)[]> {
  if (counts.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = counts as [number, ...number[]];
  for (const value of outputs(first)) for (const tail of observations(rest)) yield [value, ...tail];
}

/** Solves every combination; returns how many it tried and the ones that failed (none expected). */
function check(root: AttackNode, target: AttackNode, nodes: AttackNode[], counts: number[], truth: number, failures: string[]): number {
  let cases = 0;
  for (const published of observations(counts)) {
    const observed = new Map<AttackNode, Interval>(nodes.map((node, i) => [node, model(published[i] ?? null)]));
    const { min, max } = solveTree(root, target, observed);
    if (min > truth || max < truth) failures.push(`true ${counts}, published ${published}: ${min}..${max} excludes ${truth}`);
    else if (min === max) failures.push(`true ${counts}, published ${published}: recovered ${truth}`);
    cases++;
  }
  return cases;
}

describe("no single decomposition recovers a withheld count, for any perturbation", { timeout: 60_000 }, () => {
  it("pairs: the whole, the rest and the group itself (refused comparison, complements, date shifts)", () => {
    let cases = 0;
    const failures: string[] = [];
    for (let a = 1; a < K; a++) {
      for (const b of OTHERS) {
        const target = cell();
        const rest = cell();
        const root: AttackNode = { cell: { include: {} }, parts: [target, rest], exhaustive: true };
        cases += check(root, target, [root, target, rest], [a + b, a, b], a, failures);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(cases).toBeGreaterThan(100);
  });

  it("triples and partner cells: the whole and two other parts", () => {
    let cases = 0;
    const failures: string[] = [];
    for (let a = 1; a < K; a++) {
      for (const b of OTHERS) {
        for (const c of OTHERS) {
          const [target, p1, p2] = [cell(), cell(), cell()];
          const root: AttackNode = { cell: { include: {} }, parts: [target, p1, p2], exhaustive: true };
          cases += check(root, target, [root, target, p1, p2], [a + b + c, a, b, c], a, failures);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(cases).toBeGreaterThan(10_000);
  });

  it("chains: a whole, a part of it, and a part of that part", () => {
    let cases = 0;
    const failures: string[] = [];
    for (let a = 1; a < K; a++) {
      for (const b of OTHERS) {
        for (const c of OTHERS) {
          const [target, inner] = [cell(), cell()];
          const middle: AttackNode = { cell: { include: {} }, parts: [target, inner], exhaustive: true };
          const root: AttackNode = { cell: { include: {} }, parts: [middle], exhaustive: false };
          // The outer remainder (c) is not queried: the root adds c to what it constrains.
          cases += check(root, target, [root, middle, target, inner], [a + b + c, a + b, a, b], a, failures);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(cases).toBeGreaterThan(10_000);
  });
});
