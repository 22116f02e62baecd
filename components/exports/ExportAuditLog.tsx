"use client";
import { DataTable, dataColumnHelper } from "@/components/dashboard/DataTable";
import type { ExportOutcome } from "@/lib/generated/prisma/client";

export interface ExportAuditEntry {
  id: string;
  kind: string;
  filters: unknown;
  via: string;
  rowCount: number | null;
  createdAt: Date;
  endedAt: Date | null;
  outcome: ExportOutcome | null;
  user: { email: string };
}

const OUTCOME_LABELS: Record<ExportOutcome, string> = {
  completed: "Completed",
  cancelled: "Cancelled: the client went away",
  failed: "Failed: database error",
};

/** How an export ended, and how long it ran; an export never closed is running or was cut off by a server stop. */
function outcomeText(entry: ExportAuditEntry): { label: string; detail: string } {
  if (!entry.outcome || !entry.endedAt) return { label: "Running, or cut off by a server stop", detail: "" };
  const seconds = (entry.endedAt.getTime() - entry.createdAt.getTime()) / 1000;
  return { label: OUTCOME_LABELS[entry.outcome], detail: `after ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s` };
}

const SIDE: Record<string, string> = { a: "A", b: "B", within: "B within" };
/** Keys in reading order (jsonb keeps its own order); anything else after them. */
const ORDER = ["a", "b", "within", "wave", "from", "to", "status", "segments", "industry", "region", "size", "role", "stage"];
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

/**
 * An export's filters as "name: value" pairs ({ wave, segments: { industry: [...] } } or a
 * comparison's { a, b, within }); empty filters are left out.
 */
export function filterPairs(value: unknown, prefix = ""): [string, string][] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) return value.length ? [[prefix, value.map(String).join(", ")]] : [];
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => rank(x) - rank(y));
    return entries.flatMap(([key, v]) => filterPairs(v, key === "segments" ? prefix : prefix ? `${prefix} ${key}` : (SIDE[key] ?? key)));
  }
  return [[prefix || "value", String(value)]];
}

export function FilterChips({ filters }: { filters: unknown }) {
  const pairs = filterPairs(filters);
  if (pairs.length === 0) return <span className="text-slate-600">none</span>;
  return (
    <ul className="flex flex-wrap gap-1" data-testid="audit-filters">
      {pairs.map(([name, value]) => (
        <li key={`${name}:${value}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-900">
          <span className="text-slate-600">{name}:</span> {value}
        </li>
      ))}
    </ul>
  );
}

const helper = dataColumnHelper<ExportAuditEntry>();
const columns = [
  helper.accessor("createdAt", {
    header: "When (UTC)",
    meta: { className: "whitespace-nowrap" },
    cell: (ctx) => ctx.getValue().toISOString().slice(0, 19).replace("T", " "),
  }),
  helper.accessor((e) => e.user.email, { id: "who", header: "Who", meta: { className: "whitespace-nowrap" } }),
  helper.accessor("kind", { header: "Export" }),
  helper.display({
    id: "outcome",
    header: "Outcome",
    meta: { className: "min-w-40" },
    cell: (ctx) => {
      const { label, detail } = outcomeText(ctx.row.original);
      return (
        <>
          {label}
          {detail && <span className="block text-xs text-slate-600">{detail}</span>}
        </>
      );
    },
  }),
  helper.accessor("rowCount", { header: "Rows", meta: { align: "end" }, cell: (ctx) => ctx.getValue() ?? "–" }),
  helper.accessor("via", { header: "Via" }),
  helper.accessor("filters", {
    header: "Filters",
    meta: { className: "min-w-56 max-w-md" },
    cell: (ctx) => <FilterChips filters={ctx.getValue()} />,
  }),
];

/** The export audit log (admins): who exported what, with which filters, and how it ended. */
export function ExportAuditLog({ entries }: { entries: ExportAuditEntry[] }) {
  return (
    <DataTable
      columns={columns}
      data={entries}
      getRowId={(e) => e.id}
      caption="Exports"
      testId="audit"
      empty="No exports yet."
      rowAttributes={(e) => ({ "data-outcome": e.outcome ?? "open" })}
    />
  );
}
