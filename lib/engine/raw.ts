import "server-only";
// The raw backend: every tally computed by PostgreSQL over `response` and its jsonb answers. It is
// the source of truth, the engine's fallback while the replica warms up, the oracle the tests hold
// the replica to, and the baseline of `npm run bench`.
import type pg from "pg";
import { analyticsReadPool } from "@/lib/db/pg";
import { layoutOf, type Layout } from "./layout";
import { readRows } from "./rows";
import { SEGMENT_COLUMNS, checkedDay, checkedUuid, countEachSql, literal, plainIn, tallyPlan, type Dialect } from "./sql";
import type { AggregateReader, TallyRequest } from "./types";

const answer = (question: string) => `answers->${literal(question)}`;

export const postgresDialect: Dialect = {
  source: (waveId) => ({ from: "response", where: `wave_id = ${literal(checkedUuid(waveId))}::uuid` }),
  segment: (key) => SEGMENT_COLUMNS[key],
  isIn: plainIn,
  complete: "status = 'complete'",
  at: "coalesce(submitted_at, updated_at)",
  // Days are UTC days, whatever the session's time zone.
  dayStart: (day, days) => `((${literal(checkedDay(day))}::date + ${days})::timestamp AT TIME ZONE 'UTC')`,
  instant: (date) => `${literal(date.toISOString())}::timestamptz`,
  bucket: (unit) => `to_char(date_trunc(${literal(unit)}, coalesce(submitted_at, updated_at) AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
  id: "id",
  index: "readiness_index",
  recordKey: "record_key",
  realLiteral: (value) => `${literal(String(value))}::real`,
  scale: (_layout, question) => `(answers->>${literal(question)})::int`,
  single: (_layout, question) => `(answers->>${literal(question)})`,
  hasOption: (_layout, question, option) =>
    `coalesce(jsonb_typeof(${answer(question)}) = 'array' AND (${answer(question)}) ? ${literal(option)}, false)`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  sumIf: (expression, condition) => `sum(${expression}) FILTER (WHERE ${condition})`,
  int: (expr) => `(${expr})::int8`,
  double: (expr) => `(${expr})::float8`,
};

async function query(sql: string, pool: pg.Pool = analyticsReadPool()): Promise<Record<string, unknown>[]> {
  const result = await pool.query<Record<string, unknown>>(sql);
  return result.rows;
}

/** A tally computed by PostgreSQL (on the analytics pool, or the given one: scripts). */
export function tallyOnPostgres(layout: Layout, request: TallyRequest, pool?: pg.Pool) {
  const plan = tallyPlan(postgresDialect, layout, request);
  return query(plan.sql, pool).then((rows) => readRows(plan, rows));
}

/** The reader computing every figure in PostgreSQL. */
export const rawReader: AggregateReader = {
  backend: "raw",
  tally: (request) => tallyOnPostgres(layoutOf(request.instrument), request),
  countEach: async (waveId, filterSets) => {
    if (filterSets.length === 0) return [];
    const rows = await query(countEachSql(postgresDialect, waveId, filterSets));
    return filterSets.map((_, i) => Number(rows[0]?.[`c${i}`] ?? 0));
  },
  cellsEach: async (waveId, filterSets) => {
    if (filterSets.length === 0) return [];
    const rows = await query(countEachSql(postgresDialect, waveId, filterSets, true));
    return filterSets.map((_, i) => ({ n: Number(rows[0]?.[`c${i}`] ?? 0), keySum: Number(rows[0]?.[`k${i}`] ?? 0) }));
  },
};
