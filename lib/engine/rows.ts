// Result rows of a tally plan back into TallyRow objects (both backends; numbers arrive as
// strings from pg's int8, as bigint from DuckDB).
import type { TallyPlan } from "./sql";
import type { CellKeys, TallyRow } from "./types";

const noKeys = (): CellKeys => ({ n: 0, complete: 0, below: 0, index: 0, scales: {}, options: {}, values: {} });

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function keyValue(value: unknown): string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value;
  return String(value);
}

export function readRows(plan: TallyPlan, rows: Record<string, unknown>[]): TallyRow[] {
  return rows.map((row) => {
    const out: TallyRow = {
      key: Array.from({ length: plan.groups }, (_, i) => keyValue(row[`g${i}`])),
      n: 0,
      complete: 0,
      below: 0,
      index: { n: 0, sum: 0, sumSquares: 0 },
      scales: {},
      options: {},
      values: {},
    };
    for (const r of plan.readings) {
      if (r.into === "histogram") {
        // [{ key, value }] from DuckDB's histogram(): counts of the question's own options.
        const entries = (row[r.alias] ?? []) as { key: unknown; value: unknown }[];
        const counts = new Map(entries.map((e) => [String(e.key), num(e.value)]));
        out.options[r.question] = Object.fromEntries(r.options.map((o) => [o, counts.get(o) ?? 0]));
        continue;
      }
      const value = num(row[r.alias]);
      if (r.recordKeys) {
        const keys = (out.keys ??= noKeys());
        if (r.into === "n" || r.into === "complete" || r.into === "below") keys[r.into] = value;
        else if (r.into === "index") keys.index = value;
        else if (r.into === "scale") keys.scales[r.question] = value;
        else if (r.into === "option") (keys.options[r.question] ??= {})[r.option] = value;
        else if (r.into === "value") (keys.values[r.key] ??= {})[r.value] = value;
        continue;
      }
      switch (r.into) {
        case "n":
        case "complete":
        case "below":
          out[r.into] = value;
          break;
        case "index":
          out.index[r.part] = value;
          break;
        case "scale":
          (out.scales[r.question] ??= { n: 0, sum: 0, sumSquares: 0 })[r.part] = value;
          break;
        case "option":
          (out.options[r.question] ??= {})[r.option] = value;
          break;
        case "value":
          (out.values[r.key] ??= {})[r.value] = value;
          break;
      }
    }
    return out;
  });
}
