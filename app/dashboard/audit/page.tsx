import { requireAnalystPage } from "@/lib/auth/session";
import { listExports } from "@/lib/exports/audit";

export const metadata = { title: "Export audit log" };

export default async function AuditPage() {
  await requireAnalystPage("/dashboard/audit", "admin");
  const entries = await listExports();
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold text-brand-900">Export audit log</h1>
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="audit">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">When (UTC)</th>
              <th className="px-3 py-2 font-medium">Who</th>
              <th className="px-3 py-2 font-medium">Export</th>
              <th className="px-3 py-2 font-medium">Via</th>
              <th className="px-3 py-2 font-medium">Filters</th>
              <th className="px-3 py-2 text-right font-medium">Rows</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="px-3 py-2">{e.user.email}</td>
                <td className="px-3 py-2">{e.kind}</td>
                <td className="px-3 py-2">{e.via}</td>
                <td className="max-w-md px-3 py-2">
                  <code className="break-all text-xs">{JSON.stringify(e.filters)}</code>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{e.rowCount ?? (e.completedAt ? 0 : "in progress")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
