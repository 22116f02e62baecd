"use client";
import { DataTable, dataColumnHelper } from "@/components/dashboard/DataTable";

export interface AccountAuditEntry {
  id: string;
  actorEmail: string;
  action: string;
  targetEmail: string;
  createdAt: Date;
}

const helper = dataColumnHelper<AccountAuditEntry>();
const columns = [
  helper.accessor("createdAt", {
    header: "When (UTC)",
    meta: { className: "whitespace-nowrap" },
    cell: (ctx) => ctx.getValue().toISOString().slice(0, 19).replace("T", " "),
  }),
  helper.accessor("actorEmail", { header: "Who", meta: { className: "whitespace-nowrap" } }),
  helper.accessor("action", { header: "Change" }),
  helper.accessor("targetEmail", { header: "Account", meta: { className: "whitespace-nowrap" } }),
];

/** Account changes (admins): created, disabled, enabled, removed, and by whom. */
export function AccountAuditLog({ entries }: { entries: AccountAuditEntry[] }) {
  return (
    <DataTable
      columns={columns}
      data={entries}
      getRowId={(e) => e.id}
      caption="Account changes"
      testId="account-audit"
      empty="No account changes yet."
      rowAttributes={(e) => ({ "data-action": e.action, "data-target": e.targetEmail })}
    />
  );
}
