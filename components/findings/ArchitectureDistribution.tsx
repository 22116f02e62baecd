import Link from "next/link";
import type { LinkedFinding } from "@/lib/findings";

/** How many findings link to each architecture (their first recommendation), most linked first. */
export function ArchitectureDistribution({ findings, printable = false }: { findings: LinkedFinding[]; printable?: boolean }) {
  const counts = new Map<string, { id: string; name: string; n: number }>();
  for (const f of findings) {
    const first = f.architectures[0];
    if (!first) continue;
    const entry = counts.get(first.id) ?? { id: first.id, name: first.name, n: 0 };
    entry.n += 1;
    counts.set(first.id, entry);
  }
  const rows = [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const total = findings.length;
  if (total === 0) return null;
  const unlinked = findings.filter((f) => f.architectures.length === 0).length;
  return (
    <section aria-labelledby="linked-architectures-title" className="rounded-2xl border border-slate-200 bg-white p-4 text-sm">
      <h2 id="linked-architectures-title" className="font-semibold text-brand-900">
        Architectures these findings point to
      </h2>
      <p className="text-slate-600">
        Each finding links the architecture its subject and figures point to; counts over all {total} findings.
      </p>
      <ul className="mt-2 flex flex-wrap gap-2" data-testid="architecture-distribution">
        {rows.map((r) => (
          <li
            key={r.id}
            className="rounded-full border border-brand-500/40 bg-brand-50 px-3 py-1"
            data-architecture={r.id}
            data-count={r.n}
          >
            {printable ? (
              r.name
            ) : (
              <Link href={`/architectures/${r.id}`} className="underline">
                {r.name}
              </Link>
            )}{" "}
            <span className="font-semibold tabular-nums">{r.n}</span>
            <span className="text-slate-700"> ({Math.round((r.n / total) * 100)}%)</span>
          </li>
        ))}
        {unlinked > 0 && (
          <li className="rounded-full border border-slate-300 px-3 py-1 text-slate-600" data-architecture="none" data-count={unlinked}>
            No architecture <span className="font-semibold tabular-nums">{unlinked}</span>
            <span className="text-slate-700"> ({Math.round((unlinked / total) * 100)}%)</span>
          </li>
        )}
      </ul>
    </section>
  );
}
