import { menuFor } from "@/components/dashboard/menu";
import { NavLink } from "@/components/dashboard/NavLink";
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
          {menuFor(analyst.role).map((entry) => (
            <NavLink key={entry.href} href={entry.href}>
              {entry.label}
            </NavLink>
          ))}
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
