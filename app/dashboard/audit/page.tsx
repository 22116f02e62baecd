import { ExportAuditLog } from "@/components/exports/ExportAuditLog";
import { requireAnalystPage } from "@/lib/auth/session";
import { listExports } from "@/lib/exports/audit";

export const metadata = { title: "Export audit log" };

export default async function AuditPage() {
  await requireAnalystPage("/dashboard/audit", "admin");
  const entries = await listExports();
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold text-brand-900">Export audit log</h1>
      <ExportAuditLog entries={entries} />
    </div>
  );
}
