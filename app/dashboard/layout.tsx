import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { currentAnalyst } from "@/lib/auth/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // Each page enforces access itself (with its own return address, filters included); the
  // layout only shows nothing of the dashboard to someone signed out.
  const analyst = await currentAnalyst();
  if (!analyst) return <>{children}</>;
  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 pb-3 print:hidden">
        <nav aria-label="Dashboard" className="flex flex-wrap gap-1 text-sm font-medium">
          <Link href="/dashboard" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
            Overview
          </Link>
          <Link href="/dashboard/compare" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
            Compare segments
          </Link>
          <Link href="/dashboard/trends" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
            Trends
          </Link>
          <Link href="/dashboard/findings" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
            Findings
          </Link>
          <Link href="/dashboard/responses" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
            Responses
          </Link>
          <Link href="/dashboard/tokens" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
            API tokens
          </Link>
          {analyst.role === "admin" && (
            <Link href="/dashboard/users" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
              Accounts
            </Link>
          )}
          {analyst.role === "admin" && (
            <Link href="/dashboard/waves" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
              Waves
            </Link>
          )}
          {analyst.role === "admin" && (
            <Link href="/dashboard/audit" className="rounded-lg px-3 py-1.5 hover:bg-brand-50">
              Audit log
            </Link>
          )}
        </nav>
        <form action={signOutAction} className="ml-auto flex items-center gap-3 text-sm text-slate-600">
          <span data-testid="signed-in-as">
            {analyst.email} · {analyst.role}
          </span>
          <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1 hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
      {children}
    </div>
  );
}
