// Every revision of the wave's targets, newest first: who set them, when, from the form or a CSV
// (or cleared), which dimensions and trimming caps.
import type { StoredTargetSet } from "@/lib/weighting/schemas";

const SOURCE: Record<StoredTargetSet["source"], string> = { json: "form or API", csv: "CSV upload", clear: "cleared" };
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function TargetHistory({ history }: { history: StoredTargetSet[] }) {
  return (
    <section className="grid gap-2 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4" aria-labelledby="history-heading">
      <h2 id="history-heading" className="font-semibold text-brand-900">
        History of target sets
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">No targets were ever set for this wave.</p>
      ) : (
        <ol className="grid gap-2 text-sm" data-testid="target-history">
          {history.map((h) => {
            const dimensions = [...new Set(h.margins.map((m) => m.dimension))];
            return (
              <li
                key={h.revision}
                className="grid gap-0.5 border-t border-slate-100 pt-2 first:border-0 first:pt-0"
                data-revision={h.revision}
              >
                <p>
                  <span className="font-medium">Revision {h.revision}</span> · <time dateTime={h.setAt}>{when(h.setAt)}</time> ·{" "}
                  <span className="break-all">{h.setBy}</span>
                </p>
                <p className="text-slate-600">
                  {SOURCE[h.source]}
                  {dimensions.length > 0 ? ` · ${dimensions.join(", ").replace(/_/g, " ")}` : ""}
                  {h.trim ? ` · trimmed to ${h.trim.lower}–${h.trim.upper} × mean` : ""}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
