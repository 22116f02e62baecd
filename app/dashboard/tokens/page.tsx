import { TokenForm } from "@/components/auth/TokenForm";
import { revokeTokenAction } from "@/lib/auth/token-actions";
import { requireAnalystPage } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/auth/tokens";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const analyst = await requireAnalystPage("/dashboard/tokens");
  const tokens = await listApiTokens(analyst.id);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold text-brand-900">API tokens</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Personal tokens let scripts (curl, R, Python) read the same data as you: <code>Authorization: Bearer rr_…</code> on
        <code> /api/v1/responses</code>, <code>/api/v1/exports/…</code> and <code>/api/v1/analytics/…</code>. Only a hash is stored; revoke
        a token the moment it is no longer needed. The API is described at{" "}
        <a className="text-brand-700 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <TokenForm />
      </section>
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="tokens">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Token</th>
              <th className="px-3 py-2 font-medium">Created</th>
              <th className="px-3 py-2 font-medium">Last used</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{t.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                <td className="px-3 py-2">{t.createdAt.toISOString().slice(0, 10)}</td>
                <td className="px-3 py-2">{t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
                <td className="px-3 py-2">{t.revokedAt ? "revoked" : "active"}</td>
                <td className="px-3 py-2 text-right">
                  {!t.revokedAt && (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="id" value={t.id} />
                      <button type="submit" className="rounded-lg border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50">
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
