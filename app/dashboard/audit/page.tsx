import { AccountAuditLog } from "@/components/admin/AccountAuditLog";
import { ExportAuditLog } from "@/components/exports/ExportAuditLog";
import { listAccountAudit } from "@/lib/auth/accounts";
import { requireAnalystPage } from "@/lib/auth/session";
import { listExports } from "@/lib/exports/audit";

export const metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireAnalystPage("/dashboard/audit", "admin");
  const [entries, accountChanges] = await Promise.all([listExports(), listAccountAudit()]);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold text-brand-900">Audit log</h1>
      <section aria-labelledby="exports-title" className="grid min-w-0 gap-2">
        <h2 id="exports-title" className="font-semibold text-brand-900">
          Exports
        </h2>
        <ExportAuditLog entries={entries} />
      </section>
      <section aria-labelledby="account-changes-title" className="grid min-w-0 gap-2">
        <h2 id="account-changes-title" className="font-semibold text-brand-900">
          Account changes
        </h2>
        <AccountAuditLog entries={accountChanges} />
      </section>
    </div>
  );
}
