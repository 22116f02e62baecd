import Link from "next/link";
import type { recommend } from "@/lib/architecture/recommend";
import { instrumentV1 } from "@/lib/survey/instrument";
import { optionsOf, findQuestion } from "@/lib/survey/instrument-schema";

type Ranked = ReturnType<typeof recommend>["ranked"];

const regionLabel = (id: string) => {
  const question = findQuestion(instrumentV1, "region");
  return (question ? optionsOf(instrumentV1, question) : []).find((o) => o.id === id)?.label ?? id;
};

/** The respondent's own recommendation: ranked architectures, reasons, latency per user region. */
export function Recommendation({ ranked }: { ranked: Ranked }) {
  const [top, ...others] = ranked;
  if (!top) return null;
  return (
    <section className="rounded-2xl border border-brand-500 bg-white p-5 sm:p-6" aria-labelledby="rec-heading" data-testid="recommendation">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Which inference architecture fits you</p>
      <h2 id="rec-heading" className="mt-1 text-xl font-bold text-brand-900">
        <Link href={`/architectures/${top.id}`} className="underline decoration-brand-500/40 underline-offset-4">
          {top.name}
        </Link>
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
        {top.reasons.slice(0, 4).map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ul>
      {top.reasons.length > 4 && (
        <details className="mt-1 text-sm text-slate-700">
          <summary className="cursor-pointer font-medium text-brand-700">{top.reasons.length - 4} more reasons</summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {top.reasons.slice(4).map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="mt-2 text-sm text-slate-500">Main trade-off: {top.tradeoff}</p>
      {top.latency.perRegion.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="mb-1 text-left text-xs text-slate-500">
              Estimated time to first answer for your users{top.latency.budgetMs ? `, against your ${top.latency.budgetMs} ms budget` : ""}{" "}
              (network + queueing + first token).
            </caption>
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 font-medium">Users in</th>
                <th className="py-1 text-right font-medium">Network</th>
                <th className="py-1 text-right font-medium">Queue</th>
                <th className="py-1 text-right font-medium">First token</th>
                <th className="py-1 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody>
              {top.latency.perRegion.map((r) => (
                <tr key={r.region} className="border-t border-slate-100">
                  <td className="py-1">{regionLabel(r.region)}</td>
                  <td className="py-1 text-right tabular-nums">{Math.round(r.networkMs)} ms</td>
                  <td className="py-1 text-right tabular-nums">{Math.round(r.queueMs)} ms</td>
                  <td className="py-1 text-right tabular-nums">{Math.round(r.firstTokenMs)} ms</td>
                  <td className={`py-1 text-right font-semibold tabular-nums ${r.withinBudget === false ? "text-red-700" : ""}`}>
                    {Math.round(r.totalMs)} ms{r.withinBudget === false ? " (over)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="mt-4 text-sm" data-testid="latency-by-architecture">
        <summary className="cursor-pointer font-medium text-brand-700">Estimated latency for every architecture</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[560px] text-xs">
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 font-medium">Architecture</th>
                {top.latency.perRegion.map((r) => (
                  <th key={r.region} className="py-1 text-right font-medium">
                    {regionLabel(r.region)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranked.map((option) => (
                <tr key={option.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {option.name}
                  </th>
                  {option.latency.perRegion.map((r) => (
                    <td key={r.region} className={`py-1 text-right tabular-nums ${r.withinBudget === false ? "text-red-700" : ""}`}>
                      {Math.round(r.totalMs)} ms
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-500">
            Red: over your budget. Planning estimates from typical public round-trip and first-token measurements; see each
            architecture&apos;s page.
          </p>
        </div>
      </details>
      {others.length > 0 && (
        <p className="mt-4 text-sm text-slate-600">
          Next best:{" "}
          {others.slice(0, 2).map((o, i) => (
            <span key={o.id}>
              {i > 0 && ", "}
              <Link href={`/architectures/${o.id}`} className="text-brand-700 underline">
                {o.name}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
    </section>
  );
}
