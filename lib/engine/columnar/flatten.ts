// The rows the replica loads: PostgreSQL flattens each response of a wave into the layout's
// columns (the very expressions the raw backend aggregates), COPY writes them as CSV, DuckDB
// reads the CSV. Pure SQL text builders.
import { postgresDialect } from "../raw";
import type { Layout } from "../layout";
import { checkedUuid, literal } from "../sql";

/** Fixed columns first, in this order, then the layout's question columns. */
export const FIXED_COLUMNS = [
  ["id", "VARCHAR"],
  ["complete", "BOOLEAN"],
  ["ts", "TIMESTAMP"],
  ["industry", "VARCHAR"],
  ["region", "VARCHAR"],
  ["company_size", "VARCHAR"],
  ["role", "VARCHAR"],
  ["stage", "VARCHAR"],
  ["language", "VARCHAR"],
  ["readiness_index", "FLOAT"],
  // The secret key of cell-key perturbation (lib/privacy/cellkey.ts): summed per cell, never shown.
  ["record_key", "SMALLINT"],
] as const;

export function duckColumns(layout: Layout): [string, string][] {
  return [
    ...FIXED_COLUMNS.map(([name, type]) => [name, type] as [string, string]),
    ...layout.columns.map((c) => [c.name, c.sqlType === "UTINYINT" ? "INTEGER" : c.sqlType] as [string, string]),
  ];
}

/** SELECT of a wave's rows (all, or the given ids) in the replica's column order. */
export function flattenSql(layout: Layout, waveId: string, ids?: readonly string[]): string {
  const d = postgresDialect;
  const questionColumns = layout.columns.map((c) => {
    if (c.option !== undefined) return d.hasOption(layout, c.question, c.option);
    return c.sqlType === "VARCHAR" ? d.single(layout, c.question) : d.scale(layout, c.question);
  });
  const select = [
    "id",
    "status = 'complete'",
    `to_char(coalesce(submitted_at, updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')`,
    "industry",
    "region",
    "company_size",
    "role",
    "stage",
    "language",
    "readiness_index",
    "record_key",
    ...questionColumns,
  ];
  const only = ids ? ` AND id IN (${ids.map((id) => `${literal(checkedUuid(id))}::uuid`).join(", ")})` : "";
  // A whole wave in time order, as rows arrive later by folds: DuckDB's per-row-group minimum and
  // maximum of ts then let a date filter skip the row groups outside its days.
  const order = ids ? "" : " ORDER BY coalesce(submitted_at, updated_at)";
  return `SELECT ${select.join(", ")} FROM response WHERE wave_id = ${literal(checkedUuid(waveId))}::uuid${only}${order}`;
}

/**
 * DuckDB's read of such a CSV file. Its buffer is 2 MB (a line's longest, here a few hundred bytes)
 * instead of the default 32 MB: the reader keeps several buffers in the buffer pool while it
 * inserts, and with the default a wave of 1,000,000 rows could not load in a 96 MB pool (out of
 * memory) and peaked 240 MB over the process at 160 MB; with 2 MB it loads in 64 MB, peaking 100
 * MB over, as fast.
 */
export function readCsvSql(layout: Layout, file: string): string {
  const columns = duckColumns(layout)
    .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
    .join(", ");
  const options = "header = false, auto_detect = false, allow_quoted_nulls = false, buffer_size = 2097152";
  return `SELECT * FROM read_csv(${literal(file)}, ${options}, columns = {${columns}})`;
}
