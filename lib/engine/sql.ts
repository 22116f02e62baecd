// One SQL text for a tally, written once and spoken in two dialects: PostgreSQL over response's
// jsonb answers (the raw backend) and DuckDB over the replica's flat columns. Values are inlined
// as quoted literals (both engines take the same text; every value is an option id, a day or a
// number already validated by the query's zod schema, and quoting is still done properly here).
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters, type SegmentKey } from "@/lib/analytics/filters";
import type { Layout } from "./layout";
import type { Dimension, Measures, Predicate, Selection, TallyRequest } from "./types";

export interface Dialect {
  /** FROM and the wave condition. */
  source(waveId: string): { from: string; where: string };
  segment(key: SegmentKey): string;
  /**
   * Whether a column (a profile column, the language or a single-choice answer) holds one of
   * `values`: NULL where the column is NULL, as SQL's IN gives. DuckDB compares its ENUM columns
   * with values of their own type, which is several times faster than IN over text.
   */
  isIn(column: string, values: readonly string[]): string;
  complete: string;
  /** The submission instant (complete rows) or last save (partial rows). */
  at: string;
  /** The first instant of a UTC day, plus `days`. */
  dayStart(day: string, days: number): string;
  instant(date: Date): string;
  bucket(unit: "day" | "week"): string;
  id: string;
  index: string;
  /** The secret record key (cell-key perturbation). */
  recordKey: string;
  realLiteral(value: number): string;
  scale(layout: Layout, question: string): string;
  single(layout: Layout, question: string): string;
  hasOption(layout: Layout, question: string, option: string): string;
  /** One aggregate counting every value of a single-choice question, if the engine has one (a map value -> count). */
  histogram?(layout: Layout, question: string): string | null;
  /** The number of rows where a condition holds (DuckDB's count_if is ~10x its FILTER clause). */
  countIf(condition: string): string;
  /** The sum of `expression` over the rows where a condition holds (NULL over none, as FILTER gives). */
  sumIf(expression: string, condition: string): string;
  /** An integer count or sum as a 64-bit integer; a floating sum as a double. */
  int(expr: string): string;
  double(expr: string): string;
}

/** `column IN (values)` in plain SQL (`=` for one value); an empty list matches nothing. */
export function plainIn(column: string, values: readonly string[]): string {
  if (values.length === 0) return `(${column} IS NULL AND NULL)`;
  return values.length === 1 ? `${column} = ${literal(values[0] as string)}` : `${column} IN (${values.map(literal).join(", ")})`;
}

export function literal(value: string): string {
  if (value.includes("\0")) throw new Error("NUL in a SQL literal");
  return `'${value.replaceAll("'", "''")}'`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkedDay(day: string): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  return day;
}

export function checkedUuid(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return id;
}

function filterConditions(d: Dialect, filters: Filters): string[] {
  const parts: string[] = [];
  if (filters.from) parts.push(`${d.at} >= ${d.dayStart(filters.from, 0)}`);
  if (filters.to) parts.push(`${d.at} < ${d.dayStart(filters.to, 1)}`);
  for (const key of SEGMENT_KEYS) {
    const values = filters.segments[key];
    if (values.length) parts.push(d.isIn(d.segment(key), values));
  }
  // The respondent's language: a column of the same name in response and in the replica.
  if (filters.languages?.length) parts.push(d.isIn("language", filters.languages));
  return parts;
}

/** The WHERE conditions of a selection. */
export function selectionWhere(d: Dialect, selection: Selection): string {
  const { where } = d.source(selection.waveId);
  const parts = [where];
  if (selection.status === "complete") parts.push(d.complete);
  parts.push(...filterConditions(d, selection.filters));
  if (selection.outside) {
    const own = filterConditions(d, selection.outside);
    // A segment without conditions is everyone: nobody is outside it.
    parts.push(own.length ? `NOT (${own.join(" AND ")})` : "false");
  }
  if (selection.before !== undefined) parts.push(selection.before === null ? "false" : `${d.at} < ${d.instant(selection.before)}`);
  if (selection.excludeId) parts.push(`${d.id} <> ${literal(checkedUuid(selection.excludeId))}`);
  return parts.join(" AND ");
}

function predicateSql(d: Dialect, layout: Layout, p: Predicate): string {
  switch (p.kind) {
    case "answerIn":
      return p.values.length ? `coalesce(${d.isIn(d.single(layout, p.question), p.values)}, false)` : "false";
    case "anyOption":
      return p.options.length ? `(${p.options.map((o) => d.hasOption(layout, p.question, o)).join(" OR ")})` : "false";
    case "and":
      return p.of.length ? `(${p.of.map((x) => predicateSql(d, layout, x)).join(" AND ")})` : "true";
    case "not":
      return `(NOT ${predicateSql(d, layout, p.of)})`;
  }
}

function dimensionSql(d: Dialect, layout: Layout, dim: Dimension): string {
  switch (dim.kind) {
    case "segment":
      return d.segment(dim.key);
    case "answer":
      return d.single(layout, dim.question);
    case "bucket":
      return d.bucket(dim.unit);
    case "flag":
      return predicateSql(d, layout, dim.predicate);
  }
}

/** How to read a measure back from a result row: its column alias and where it goes (`key`: the count's record-key sum). */
export type Reading = (
  | { alias: string; into: "n" | "complete" | "below" }
  | { alias: string; into: "index"; part: "n" | "sum" | "sumSquares" }
  | { alias: string; into: "scale"; question: string; part: "n" | "sum" | "sumSquares" }
  | { alias: string; into: "option"; question: string; option: string }
  | { alias: string; into: "histogram"; question: string; options: readonly string[] }
  | { alias: string; into: "value"; key: SegmentKey; value: string }
) & { recordKeys?: true };

export interface TallyPlan {
  sql: string;
  groups: number;
  readings: Reading[];
}

function measureColumns(d: Dialect, layout: Layout, m: Measures): { sql: string; reading: Reading }[] {
  const out: { sql: string; reading: Reading }[] = [];
  type Unaliased = Reading extends infer R ? (R extends Reading ? Omit<R, "alias"> : never) : never;
  const add = (sql: string, reading: Unaliased) => out.push({ sql, reading: { ...reading, alias: `m${out.length}` } as Reading });
  /** A count of the rows meeting `condition` (all rows: null), and with measures.keys the sum of their record keys. */
  const count = (condition: string | null, reading: Unaliased, counted = condition ? d.countIf(condition) : "count(*)") => {
    add(d.int(counted), reading);
    if (m.keys) add(d.int(condition ? d.sumIf(d.recordKey, condition) : `sum(${d.recordKey})`), { ...reading, recordKeys: true });
  };
  count(null, { into: "n" });
  if (m.complete) count(d.complete, { into: "complete" });
  if (m.below !== undefined) count(`${d.index} < ${d.realLiteral(m.below)}`, { into: "below" });
  if (m.index) {
    const x = d.double(d.index);
    count(`${d.index} IS NOT NULL`, { into: "index", part: "n" }, `count(${d.index})`);
    add(d.double(`sum(${x})`), { into: "index", part: "sum" });
    add(d.double(`sum(${x} * ${x})`), { into: "index", part: "sumSquares" });
  }
  for (const question of m.scales ?? []) {
    const x = d.scale(layout, question);
    count(`${x} IS NOT NULL`, { into: "scale", question, part: "n" }, `count(${x})`);
    add(d.int(`sum(${x})`), { into: "scale", question, part: "sum" });
    add(d.int(`sum(${x} * ${x})`), { into: "scale", question, part: "sumSquares" });
  }
  for (const question of m.options ?? []) {
    const q = layout.questions.get(question);
    if (!q || q.type === "scale") continue;
    const histogram = q.type === "single" && !m.keys ? d.histogram?.(layout, question) : null;
    if (histogram) {
      add(histogram, { into: "histogram", question, options: q.options });
      continue;
    }
    for (const option of q.options) {
      const chosen = q.type === "single" ? d.isIn(d.single(layout, question), [option]) : d.hasOption(layout, question, option);
      count(chosen, { into: "option", question, option });
    }
  }
  for (const { key, values } of m.values ?? [])
    for (const value of values) count(d.isIn(d.segment(key), [value]), { into: "value", key, value });
  return out;
}

export function tallyPlan(d: Dialect, layout: Layout, request: TallyRequest): TallyPlan {
  const groupBy = request.groupBy ?? [];
  const measures = measureColumns(d, layout, request.measures ?? {});
  const select = [
    ...groupBy.map((dim, i) => `${dimensionSql(d, layout, dim)} AS g${i}`),
    ...measures.map((m) => `${m.sql} AS ${m.reading.alias}`),
  ];
  const { from } = d.source(request.selection.waveId);
  const group = groupBy.length ? ` GROUP BY ${groupBy.map((_, i) => i + 1).join(", ")}` : "";
  return {
    sql: `SELECT ${select.join(", ")} FROM ${from} WHERE ${selectionWhere(d, request.selection)}${group}`,
    groups: groupBy.length,
    readings: measures.map((m) => m.reading),
  };
}

/** One pass counting the complete rows of a wave that match each filter set (`keys`: and summing their record keys, k0, k1, ...). */
export function countEachSql(d: Dialect, waveId: string, filterSets: readonly Filters[], keys = false): string {
  const { from, where } = d.source(waveId);
  const columns = filterSets.flatMap((filters, i) => {
    const conditions = filterConditions(d, filters);
    const condition = conditions.length ? conditions.join(" AND ") : null;
    const count = `${d.int(condition ? d.countIf(condition) : "count(*)")} AS c${i}`;
    const keySum = condition ? d.sumIf(d.recordKey, condition) : `sum(${d.recordKey})`;
    return keys ? [count, `${d.int(keySum)} AS k${i}`] : [count];
  });
  return `SELECT ${columns.join(", ")} FROM ${from} WHERE ${where} AND ${d.complete}`;
}

export const SEGMENT_COLUMNS: Record<SegmentKey, string> = Object.fromEntries(
  SEGMENT_KEYS.map((key) => [key, SEGMENT_FILTERS[key].column]),
) as Record<SegmentKey, string>;
