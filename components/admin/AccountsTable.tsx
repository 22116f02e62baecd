"use client";
// The accounts list (admins): who can sign in, with their role and status, and the controls to
// disable, re-enable or remove an account. The server action re-checks everything (admin role, not
// yourself, not the last active admin) and records each change in the audit log.
import { useActionState, useState } from "react";
import { changeAccountAction } from "@/lib/auth/actions";
import { DataTable, dataColumnHelper } from "@/components/dashboard/DataTable";

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  createdAt: Date;
}

const helper = dataColumnHelper<AccountRow>();
const OK = "border-green-200 bg-green-50 text-green-800";
const REFUSED = "border-red-200 bg-red-50 text-red-800";
const buttonClass = "rounded-lg border px-2 py-1 text-sm";

function Actions({ row, self, action, pending }: { row: AccountRow; self: boolean; action: (form: FormData) => void; pending: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (self) return <span className="text-xs text-slate-600">You</span>;
  const hidden = (change: string) => (
    <>
      <input type="hidden" name="id" value={row.id} />
      <input type="hidden" name="change" value={change} />
    </>
  );
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <form action={action}>
        {hidden(row.banned ? "enable" : "disable")}
        <button
          type="submit"
          disabled={pending}
          aria-label={`${row.banned ? "Enable" : "Disable"} ${row.email}`}
          className={`${buttonClass} border-slate-300 hover:bg-slate-100`}
        >
          {row.banned ? "Enable" : "Disable"}
        </button>
      </form>
      {confirming ? (
        <form action={action} className="flex gap-2" onSubmit={() => setConfirming(false)}>
          {hidden("remove")}
          <button
            type="submit"
            disabled={pending}
            aria-label={`Yes, remove ${row.email}`}
            className={`${buttonClass} border-red-700 bg-red-700 font-semibold text-white hover:bg-red-800`}
          >
            Yes, remove
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${buttonClass} border-slate-300 hover:bg-slate-100`}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          aria-label={`Remove ${row.email}`}
          className={`${buttonClass} border-red-300 text-red-700 hover:bg-red-50`}
        >
          Remove
        </button>
      )}
    </div>
  );
}

export function AccountsTable({ accounts, selfId }: { accounts: AccountRow[]; selfId: string }) {
  const [state, action, pending] = useActionState(changeAccountAction, null);
  const columns = [
    helper.accessor("name", { header: "Name", meta: { rowHeader: true } }),
    helper.accessor("email", { header: "Email", meta: { className: "whitespace-nowrap" } }),
    helper.accessor("role", { header: "Role", cell: (ctx) => ctx.getValue() ?? "—" }),
    helper.accessor("banned", {
      header: "Status",
      cell: (ctx) =>
        ctx.getValue() ? (
          <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Disabled</span>
        ) : (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>
        ),
    }),
    helper.accessor("createdAt", { header: "Since", cell: (ctx) => ctx.getValue().toISOString().slice(0, 10) }),
    helper.display({
      id: "actions",
      meta: { srHeader: "Actions", align: "end" },
      cell: (ctx) => <Actions row={ctx.row.original} self={ctx.row.original.id === selfId} action={action} pending={pending} />,
    }),
  ];
  return (
    <div className="grid min-w-0 gap-2">
      {state?.message && (
        <p
          role={state.ok ? "status" : "alert"}
          data-testid="account-change-message"
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? OK : REFUSED}`}
        >
          {state.message}
        </p>
      )}
      <DataTable
        columns={columns}
        data={accounts}
        getRowId={(a) => a.id}
        caption="Accounts"
        testId="accounts"
        rowAttributes={(a) => ({ "data-account": a.email, "data-status": a.banned ? "disabled" : "active" })}
      />
    </div>
  );
}
