import { TokenForm } from "@/components/auth/TokenForm";
import { TokensTable } from "@/components/admin/TokensTable";
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
      <TokensTable tokens={tokens} />
    </div>
  );
}
