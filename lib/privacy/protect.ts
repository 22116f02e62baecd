// Protected tallies: the aggregate engine's rows with every figure passed through the cell-key
// perturbation (./cellkey.ts), for viewers, the public page and respondents' peer figures
// (docs/PRIVACY.md). Pure: the engine's protected reader (lib/engine/index.ts) calls it on rows
// that carry their record-key sums (measures.keys).
//
// Views keep their own small-cell rules and compute shares, means, intervals and tests from the
// rows they get, so with protected rows everything they show is derived from protected figures:
// - every count (a group's size, an option's count, a scale's respondents, ...) is its own cell:
//   published as perturbed, or withheld, which reaches the view as WITHHELD (1: a count no
//   perturbed figure ever takes, and below every k, so the views' suppression withholds it);
// - sums are perturbed per variable (a question's role or dimension code, not its id: renaming
//   questions changes nothing), sums of squares too, and both are kept consistent with the
//   perturbed count (a mean within the scale, a variance never negative);
// - groups a query could have produced but no row fell into are added as empty cells (withheld,
//   like any group of 1..k-1: an absent group would tell "none" apart from "a few").
import type { Dimension, Moments, TallyRequest, TallyRow } from "@/lib/engine/types";
import { layoutOf } from "@/lib/engine/layout";
import { segmentOptions } from "@/lib/analytics/filters";
import { findQuestion, type Instrument } from "@/lib/survey/instrument-schema";
import { perturbSum, protectedCount, type ValueRange } from "./cellkey";

/** What a withheld count becomes in a protected row (never a perturbed count, always below k). */
export const WITHHELD = 1;

const LIKERT_RANGE: ValueRange = { min: 1, max: 5 };
const INDEX_RANGE: ValueRange = { min: 0, max: 100 };

/** The stable name a sum is salted with: a dimension's code, a question's role, else its id. */
export function variableOf(instrument: Instrument, questionId: string): string {
  const question = findQuestion(instrument, questionId);
  if (question?.role === "readiness_dimension") return `dimension:${question.dimension?.code ?? question.id}`;
  return question?.role ?? questionId;
}

const count = (n: number, keySum: number, k: number) => protectedCount({ n, keySum }, k) ?? WITHHELD;

/** Moments of a variable: protected count, perturbed sum and sum of squares, consistent with each other. */
function protectMoments(m: Moments, keySum: number, variable: string, range: ValueRange, k: number): Moments {
  const n = protectedCount({ n: m.n, keySum }, k);
  if (n === null || n === 0) return { n: WITHHELD, sum: 0, sumSquares: 0 };
  const cell = { n: m.n, keySum };
  const sum = Math.min(n * range.max, Math.max(n * range.min, perturbSum(m.sum, cell, variable, range)));
  const squares = { min: range.min >= 0 ? range.min ** 2 : 0, max: Math.max(range.min ** 2, range.max ** 2) };
  const rawSquares = perturbSum(m.sumSquares, cell, `${variable}²`, squares);
  // A variance is never negative (sum² / n at least), nor more than the range allows.
  const sumSquares = Math.min(n * squares.max, Math.max((sum * sum) / n, rawSquares));
  return { n, sum, sumSquares };
}

/** The values each grouping dimension can take (buckets: only those seen). */
function domainOf(instrument: Instrument, dim: Dimension): (string | boolean | null)[] {
  switch (dim.kind) {
    case "segment":
      return segmentOptions(instrument, dim.key).map((o) => o.id);
    case "answer": {
      const q = layoutOf(instrument).questions.get(dim.question);
      return q && q.type === "single" ? q.options : [];
    }
    case "flag":
      return [true, false];
    case "bucket":
      return [];
  }
}

function emptyRow(key: (string | boolean | null)[], request: TallyRequest): TallyRow {
  const m = request.measures ?? {};
  const zero = (): Moments => ({ n: 0, sum: 0, sumSquares: 0 });
  const layout = layoutOf(request.instrument);
  const options: TallyRow["options"] = {};
  for (const question of m.options ?? []) {
    const q = layout.questions.get(question);
    if (q && q.type !== "scale") options[question] = Object.fromEntries(q.options.map((o) => [o, 0]));
  }
  return {
    key,
    n: 0,
    complete: 0,
    below: 0,
    index: zero(),
    scales: Object.fromEntries((m.scales ?? []).map((s) => [s, zero()])),
    options,
    values: Object.fromEntries((m.values ?? []).map(({ key: v, values }) => [v, Object.fromEntries(values.map((x) => [x, 0]))])),
    keys: { n: 0, complete: 0, below: 0, index: 0, scales: {}, options: {}, values: {} },
  };
}

/** Adds an empty row for every combination of known dimension values no row fell into. */
function withEmptyGroups(rows: TallyRow[], request: TallyRequest): TallyRow[] {
  const dims = request.groupBy ?? [];
  if (dims.length === 0) return rows.length ? rows : [emptyRow([], request)];
  const domains = dims.map((dim, i) => {
    const seen = [...new Set(rows.map((r) => r.key[i] ?? null))];
    const known = domainOf(request.instrument, dim);
    return [...known, ...seen.filter((v) => !known.includes(v))];
  });
  const present = new Set(rows.map((r) => JSON.stringify(r.key)));
  const out = [...rows];
  const walk = (prefix: (string | boolean | null)[]) => {
    const domain = domains[prefix.length];
    if (!domain) {
      if (!present.has(JSON.stringify(prefix))) out.push(emptyRow(prefix, request));
      return;
    }
    for (const value of domain) walk([...prefix, value]);
  };
  // Only the product of known values (a product over large observed domains would be no protection worth its size).
  if (domains.reduce((size, d) => size * Math.max(1, d.length), 1) <= 10_000) walk([]);
  return out;
}

/**
 * Protects a tally's rows (which must carry `keys`: the request was made with measures.keys).
 * Rows without keys are refused rather than passed on exact.
 */
export function protectRows(rows: TallyRow[], request: TallyRequest, k: number): TallyRow[] {
  const m = request.measures ?? {};
  const partialToo = request.selection.status === "any" && m.complete;
  return withEmptyGroups(rows, request).map((row) => {
    const keys = row.keys;
    if (!keys) throw new Error("protectRows: the tally carries no record keys");
    const out: TallyRow = { key: row.key, n: 0, complete: 0, below: 0, index: row.index, scales: {}, options: {}, values: {} };
    if (partialToo) {
      // Complete and partial rows are cells of their own; the group's size is their sum, so that
      // n - complete (what the views show as partial) is the protected partial count.
      out.complete = count(row.complete, keys.complete, k);
      out.n = out.complete + count(row.n - row.complete, keys.n - keys.complete, k);
    } else {
      out.n = count(row.n, keys.n, k);
      if (m.complete) out.complete = count(row.complete, keys.complete, k);
    }
    if (m.below !== undefined) out.below = count(row.below, keys.below, k);
    if (m.index) out.index = protectMoments(row.index, keys.index, "readiness_index", INDEX_RANGE, k);
    for (const [question, moments] of Object.entries(row.scales))
      out.scales[question] = protectMoments(moments, keys.scales[question] ?? 0, variableOf(request.instrument, question), LIKERT_RANGE, k);
    // A part never shows more people than its group (its share stays within 100%).
    const part = (n: number, keySum: number) => Math.min(count(n, keySum, k), Math.max(out.n, WITHHELD));
    for (const [question, counts] of Object.entries(row.options))
      out.options[question] = Object.fromEntries(
        Object.entries(counts).map(([option, n]) => [option, part(n, keys.options[question]?.[option] ?? 0)]),
      );
    for (const [segment, counts] of Object.entries(row.values) as [keyof TallyRow["values"], Record<string, number>][])
      out.values[segment] = Object.fromEntries(
        Object.entries(counts).map(([value, n]) => [value, part(n, keys.values[segment]?.[value] ?? 0)]),
      );
    return out;
  });
}
