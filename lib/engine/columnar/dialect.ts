// DuckDB's spelling of a tally over the replica's flat tables (see ../layout.ts).
import type { Layout } from "../layout";
import { SEGMENT_COLUMNS, checkedDay, checkedUuid, literal, type Dialect } from "../sql";

export const tableOf = (waveId: string, generation: number) => `w_${checkedUuid(waveId).replaceAll("-", "")}_${generation}`;

const column = (layout: Layout, question: string, type: "scale" | "single") => {
  const q = layout.questions.get(question);
  return q && q.type === type ? q.column : null;
};

/** The dialect for one replica state: waves map to their current tables. */
export function duckDialect(tableFor: (waveId: string) => string): Dialect {
  return {
    source: (waveId) => ({ from: tableFor(waveId), where: "true" }),
    segment: (key) => SEGMENT_COLUMNS[key],
    complete: "complete",
    at: "ts",
    dayStart: (day, days) => `CAST(DATE ${literal(checkedDay(day))} + ${days} AS TIMESTAMP)`,
    instant: (date) => `TIMESTAMP ${literal(date.toISOString().replace("T", " ").replace("Z", ""))}`,
    bucket: (unit) => `strftime(date_trunc(${literal(unit)}, ts), '%Y-%m-%d')`,
    id: "id",
    index: "readiness_index",
    recordKey: "record_key",
    realLiteral: (value) => `CAST(${literal(String(value))} AS FLOAT)`,
    scale: (layout, question) => column(layout, question, "scale") ?? "CAST(NULL AS INTEGER)",
    single: (layout, question) => column(layout, question, "single") ?? "CAST(NULL AS VARCHAR)",
    hasOption: (layout, question, option) => {
      const q = layout.questions.get(question);
      return (q?.type === "options" && q.columns.get(option)) || "false";
    },
    histogram: (layout, question) => {
      const single = column(layout, question, "single");
      return single ? `histogram(${single})` : null;
    },
    countIf: (condition) => `count_if(${condition})`,
    // A CASE inside sum is several times faster than DuckDB's FILTER clause, and NULL over no rows alike.
    sumIf: (expression, condition) => `sum(CASE WHEN ${condition} THEN ${expression} END)`,
    int: (expr) => `CAST(${expr} AS BIGINT)`,
    double: (expr) => `CAST(${expr} AS DOUBLE)`,
  };
}
