// The one aggregate engine's request and answer shapes. Every analyst view (overview, compare,
// findings, trends, the aggregate exports) and the respondent's peer figures describe what they
// need as a tally: which rows (a wave, its filters, optionally "everyone outside" a segment), how
// to group them, and which measures to sum. Two backends answer it with the same numbers: the raw
// backend (PostgreSQL over response's jsonb answers, the source of truth) and the columnar
// replica (DuckDB, folded from PostgreSQL by a change log). See docs/SCALING.md.
import type { Filters, SegmentKey } from "@/lib/analytics/filters";
import type { Instrument } from "@/lib/survey/instrument-schema";

export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

/** A condition on one response's answers (question and option ids of the wave's instrument). */
export type Predicate =
  | { kind: "answerIn"; question: string; values: readonly string[] }
  | { kind: "anyOption"; question: string; options: readonly string[] }
  | { kind: "and"; of: readonly Predicate[] }
  | { kind: "not"; of: Predicate };

/** A way to group rows; each group's key holds one value per dimension, in order. */
export type Dimension =
  | { kind: "segment"; key: SegmentKey }
  | { kind: "answer"; question: string }
  | { kind: "bucket"; unit: "day" | "week" }
  | { kind: "flag"; predicate: Predicate };

/** Which rows: a wave's rows under its filters (dates bound the submission day, or the last save for partial rows). */
export interface Selection {
  waveId: string;
  status: "complete" | "any";
  filters: Filters;
  /** Only rows NOT matching all of these filters ("everyone else"); filters without conditions leave nobody. */
  outside?: Filters;
  /** Only rows submitted before this instant; null: nobody. */
  before?: Date | null;
  /** Leave this response out (a respondent's own row among their peers). */
  excludeId?: string;
}

export interface Measures {
  /** Likert question ids: n, sum and sum of squares of the 1-5 ratings. */
  scales?: readonly string[];
  /** Moments of the readiness index (0-100). */
  index?: boolean;
  /** Single, multi and rank question ids: how many rows chose each of the question's options. */
  options?: readonly string[];
  /** Counts of given values of profile columns (e.g. how many are at each stage). */
  values?: readonly { key: SegmentKey; values: readonly string[] }[];
  /** How many rows have a readiness index strictly below this value (compared as stored, real). */
  below?: number;
  /** How many of the rows are complete (the rest, with status "any", are partial). */
  complete?: boolean;
  /**
   * Next to every count, the sum of its records' secret record keys (TallyRow.keys): what the
   * cell-key perturbation of lib/privacy/cellkey.ts takes. Only protected readers ask for them.
   */
  keys?: boolean;
}

/** sum(record_key) of the records behind each count of a TallyRow (same shape, one number per count). */
export interface CellKeys {
  n: number;
  complete: number;
  below: number;
  /** Rows with a readiness index. */
  index: number;
  /** Rows that answered each scale. */
  scales: Record<string, number>;
  options: Record<string, Record<string, number>>;
  values: Partial<Record<SegmentKey, Record<string, number>>>;
}

export interface TallyRow {
  key: (string | boolean | null)[];
  n: number;
  complete: number;
  below: number;
  index: Moments;
  scales: Record<string, Moments>;
  options: Record<string, Record<string, number>>;
  values: Partial<Record<SegmentKey, Record<string, number>>>;
  /** With measures.keys: the record-key sum behind each count. */
  keys?: CellKeys;
}

export interface TallyRequest {
  /** The wave's own instrument (questions are read by id from it). */
  instrument: Instrument;
  selection: Selection;
  groupBy?: readonly Dimension[];
  measures?: Measures;
}

/** What a view reads: one tally per call, or the row count of each of several filter sets at once. */
export interface AggregateReader {
  readonly backend: "columnar" | "raw";
  tally(request: TallyRequest): Promise<TallyRow[]>;
  /** Complete rows of a wave matching each filter set, in one pass. */
  countEach(waveId: string, filterSets: readonly Filters[]): Promise<number[]>;
  /** The same, each with the sum of its records' keys (for protected figures). */
  cellsEach(waveId: string, filterSets: readonly Filters[]): Promise<{ n: number; keySum: number }[]>;
  /** "protected": every figure already perturbed (lib/privacy/protect.ts); "exact" otherwise. */
  readonly figures?: "exact" | "protected";
}

export const NO_MOMENTS: Moments = { n: 0, sum: 0, sumSquares: 0 };
