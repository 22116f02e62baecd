import { AccountsTable } from "@/components/admin/AccountsTable";
import { CreateAnalystForm } from "@/components/auth/AccountForms";
import { requireAnalystPage } from "@/lib/auth/session";
import { listAccounts } from "@/lib/auth/users";

export const metadata = { title: "Accounts" };

export default async function UsersPage() {
  const admin = await requireAnalystPage("/dashboard/users", "admin");
  const accounts = await listAccounts();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold text-brand-900">Accounts</h1>
      <section className="rounded-2xl border border-slate-200 bg-white p-5" aria-labelledby="new-account">
        <h2 id="new-account" className="mb-3 font-semibold text-brand-900">
          Create an account
        </h2>
        <CreateAnalystForm />
      </section>
      <section aria-labelledby="accounts-title" className="grid min-w-0 gap-2">
        <h2 id="accounts-title" className="font-semibold text-brand-900">
          Accounts
        </h2>
        <p className="text-sm text-slate-600">
          Disabling signs the account out everywhere and stops its API tokens; it can be enabled again. Removing deletes it for good
          (accounts with exports in the audit log can only be disabled). Every change is in the audit log.
        </p>
        <AccountsTable accounts={accounts} selfId={admin.id} />
      </section>
    </div>
  );
}
