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

/** The export audit log (admins): who exported what, with which filters, and how it ended. */
export function ExportAuditLog({ entries }: { entries: ExportAuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="audit">
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">When (UTC)</th>
            <th className="px-3 py-2 font-medium">Who</th>
            <th className="px-3 py-2 font-medium">Export</th>
            <th className="px-3 py-2 font-medium">Outcome</th>
            <th className="px-3 py-2 text-right font-medium">Rows</th>
            <th className="px-3 py-2 font-medium">Via</th>
            <th className="px-3 py-2 font-medium">Filters</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const { label, detail } = outcomeText(e);
            return (
              <tr key={e.id} className="border-t border-slate-100 align-top" data-outcome={e.outcome ?? "open"}>
                <td className="whitespace-nowrap px-3 py-2">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="px-3 py-2">{e.user.email}</td>
                <td className="px-3 py-2">{e.kind}</td>
                <td className="min-w-40 px-3 py-2">
                  {label}
                  {detail && <span className="block text-xs text-slate-500">{detail}</span>}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{e.rowCount ?? "–"}</td>
                <td className="px-3 py-2">{e.via}</td>
                <td className="min-w-64 max-w-md px-3 py-2">
                  <code className="break-all text-xs">{JSON.stringify(e.filters)}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
