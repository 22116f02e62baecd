// Weighted figures from cell tallies. Raking margins are profile dimensions, so a response's weight
// is constant within its profile cell (industry x region x company size x role): a view asks the
// aggregate engine for its usual tally, additionally grouped by those four columns, and every
// weighted sum follows from a cell's counts and sums times the cell's weight (Σw·x = w_c·Σx,
// Σw²(x - c)² from w_c² and the cell's moments). No response row reaches the application. The
// estimators themselves are lib/stats/weighted.ts (equal to R's survey package). Pure: unit tests
// feed it cells built from the R fixture rows.
import type { Dimension, Moments, TallyRow } from "@/lib/engine/types";
import type { WeightedCount, WeightedMoments } from "@/lib/stats/weighted";
import { WEIGHTING_DIMENSIONS, type WeightingDimension } from "./schemas";

/** The engine dimensions of a profile cell, in WEIGHTING_DIMENSIONS order (size is company_size). */
export const CELL_DIMENSIONS: readonly Dimension[] = [
  { kind: "segment", key: "industry" },
  { kind: "segment", key: "region" },
  { kind: "segment", key: "size" },
  { kind: "segment", key: "role" },
];

export type Profile = Partial<Record<WeightingDimension, string | null>>;

/** One profile cell's tally within a group of a view, with the cell's weight. */
export interface WeightedCell {
  weight: number;
  row: TallyRow;
}

/** A group of a view (its key, as the view asked) and its profile cells. */
export interface WeightedGroup {
  key: TallyRow["key"];
  cells: WeightedCell[];
}

const profileOf = (key: TallyRow["key"], offset: number): Profile =>
  Object.fromEntries(WEIGHTING_DIMENSIONS.map((d, i) => [d, (key[offset + i] as string | null | undefined) ?? null])) as Profile;

const groupKey = (key: TallyRow["key"]) => JSON.stringify(key);

/**
 * Rows of a tally grouped by the view's `groups` dimensions then CELL_DIMENSIONS, as the view's
 * groups with their cells and weights (weightOf: the weight of a profile cell).
 */
export function weightedGroups(rows: readonly TallyRow[], groups: number, weightOf: (profile: Profile) => number): WeightedGroup[] {
  const out = new Map<string, WeightedGroup>();
  for (const row of rows) {
    const key = row.key.slice(0, groups);
    const id = groupKey(key);
    let group = out.get(id);
    if (!group) out.set(id, (group = { key, cells: [] }));
    group.cells.push({ weight: weightOf(profileOf(row.key, groups)), row: { ...row, key } });
  }
  return [...out.values()];
}

/** The profiles of a cell-grouped tally (to check that every one has a weight). */
export function profilesOf(rows: readonly TallyRow[], groups: number): Profile[] {
  return rows.map((row) => profileOf(row.key, groups));
}

const addMoments = (a: Moments, b: Moments): Moments => ({ n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares });

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Two tally rows of the same group added up (the unweighted row of a group from its cells). */
function addRows(a: TallyRow, b: TallyRow): TallyRow {
  const scales = { ...a.scales };
  for (const [q, m] of Object.entries(b.scales)) scales[q] = scales[q] ? addMoments(scales[q], m) : m;
  const options = { ...a.options };
  for (const [q, c] of Object.entries(b.options)) options[q] = options[q] ? addCounts(options[q], c) : c;
  const values = { ...a.values };
  for (const [k, c] of Object.entries(b.values) as [keyof TallyRow["values"], Record<string, number>][])
    values[k] = values[k] ? addCounts(values[k], c) : c;
  return {
    key: a.key,
    n: a.n + b.n,
    complete: a.complete + b.complete,
    below: a.below + b.below,
    index: addMoments(a.index, b.index),
    scales,
    options,
    values,
  };
}

/** A group's unweighted tally row: the sum of its cells (what the view reads for counts and suppression). */
export function plainRow(group: WeightedGroup): TallyRow {
  const [first, ...rest] = group.cells.map((c) => c.row);
  if (!first) throw new Error("a group without cells");
  return rest.reduce(addRows, first);
}

/** Every group's unweighted row. */
export const plainRows = (groups: readonly WeightedGroup[]): TallyRow[] => groups.map(plainRow);

const NONE: Moments = { n: 0, sum: 0, sumSquares: 0 };

/** The classes of a scale question's answers (R: the non-missing y of svymean(~y, na.rm = TRUE)). */
export const scaleClasses = (cells: readonly WeightedCell[], question: string): WeightedMoments[] =>
  cells.map(({ weight, row }) => ({ weight, ...(row.scales[question] ?? NONE) }));

/** The readiness index's classes. */
export const indexClasses = (cells: readonly WeightedCell[]): WeightedMoments[] =>
  cells.map(({ weight, row }) => ({ weight, ...row.index }));

/** The classes of "chose this option" among every row of the group (R: svyciprop(~I(y == option))). */
export const optionClasses = (cells: readonly WeightedCell[], question: string, option: string): WeightedCount[] =>
  cells.map(({ weight, row }) => ({ weight, n: row.n, count: row.options[question]?.[option] ?? 0 }));

/** The classes of "has this profile value" (measures.values) among every row of the group. */
export const valueClasses = (cells: readonly WeightedCell[], key: keyof TallyRow["values"], value: string): WeightedCount[] =>
  cells.map(({ weight, row }) => ({ weight, n: row.n, count: row.values[key]?.[value] ?? 0 }));

/** The classes of "belongs to group g" among all the groups' rows (a share of a grouped tally). */
export function memberClasses(groups: readonly WeightedGroup[], member: (key: TallyRow["key"]) => boolean): WeightedCount[] {
  return groups.flatMap((g) => g.cells.map(({ weight, row }) => ({ weight, n: row.n, count: member(g.key) ? row.n : 0 })));
}

/** Responses and Kish's effective sample size (Σw)² / Σw² of the given cells. */
export function kish(cells: readonly WeightedCell[]): { n: number; nEff: number } {
  let n = 0;
  let sw = 0;
  let sw2 = 0;
  for (const { weight, row } of cells) {
    n += row.n;
    sw += weight * row.n;
    sw2 += weight * weight * row.n;
  }
  return { n, nEff: sw2 > 0 ? (sw * sw) / sw2 : 0 };
}
