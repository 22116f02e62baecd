// "Compare your organization": the invitation to take the survey and get a personal result set
// against these figures. Left off paper.
import Link from "next/link";

export function CompareInvitation({ href }: { href: string }) {
  return (
    <aside
      className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-brand-900 p-5 text-white print:hidden"
      aria-labelledby="compare-title"
    >
      <div>
        <h2 id="compare-title" className="font-semibold">
          How does your organization compare?
        </h2>
        <p className="text-sm text-brand-100">
          Answer the survey (about ten minutes) for your own readiness profile against these results.
        </p>
      </div>
      <Link href={href} className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-900 hover:bg-brand-50">
        Compare your organization
      </Link>
    </aside>
  );
}
