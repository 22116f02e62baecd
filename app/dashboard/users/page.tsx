import { CreateAnalystForm } from "@/components/auth/AccountForms";
import { requireAnalystPage } from "@/lib/auth/session";
import { listAccounts } from "@/lib/auth/users";

export const metadata = { title: "Accounts" };

export default async function UsersPage() {
  await requireAnalystPage("/dashboard/users", "admin");
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
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Email</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Since</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{a.name}</td>
                <td className="px-3 py-2">{a.email}</td>
                <td className="px-3 py-2">{a.banned ? "disabled" : a.role}</td>
                <td className="px-3 py-2">{a.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
