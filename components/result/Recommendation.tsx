import Link from "next/link";
import type { recommend } from "@/lib/architecture/recommend";
import { REGION_NAMES, type RegionId } from "@/lib/architecture/assumptions";
import { PRINT_OPEN } from "./print-open";

type Ranked = ReturnType<typeof recommend>["ranked"];

/** Latency estimates name regions by the latency model's region codes. */
const regionLabel = (code: string) => REGION_NAMES[code as RegionId] ?? code;

const ms = (value: number) => `${Math.round(value)} ms`;

/** A total latency; over the budget it is red and says so in words, not only in colour. */
function Total({ ms: value, over, compact }: { ms: number; over: boolean; compact?: boolean }) {
  if (compact) {
    return (
      <span className={`tabular-nums ${over ? "font-semibold text-red-700" : ""}`}>
        <span className="whitespace-nowrap">{ms(value)}</span>
        {over && <span className="block text-[11px] font-normal">over</span>}
      </span>
    );
  }
  return (
    <span className={`whitespace-nowrap font-semibold tabular-nums ${over ? "text-red-700" : ""}`}>
      {ms(value)}
      {over ? " (over)" : ""}
    </span>
  );
}

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
        <details className={`mt-1 text-sm text-slate-700 ${PRINT_OPEN}`} data-print="open">
          <summary className="cursor-pointer font-medium text-brand-700 print:hidden">{top.reasons.length - 4} more reasons</summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {top.reasons.slice(4).map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="mt-2 text-sm text-slate-600">Main trade-off: {top.tradeoff}</p>
      {top.latency.perRegion.length > 0 && (
        <div className="mt-4" data-testid="latency-for-you">
          <p className="mb-1 text-xs text-slate-600">
            Estimated time to first answer for your users{top.latency.budgetMs ? `, against your ${top.latency.budgetMs} ms budget` : ""}{" "}
            (network + queueing + first token).
          </p>
          {/* Phones: one line per region; wider screens: the full breakdown as a table. */}
          <ul className="grid gap-1 text-sm sm:hidden">
            {top.latency.perRegion.map((r) => (
              <li key={r.region} className="border-t border-slate-100 pt-1">
                <span className="flex justify-between gap-3">
                  <span>{regionLabel(r.region)}</span>
                  <Total ms={r.totalMs} over={r.withinBudget === false} />
                </span>
                <span className="block text-xs text-slate-600">
                  {ms(r.networkMs)} network + {ms(r.queueMs)} queue + {ms(r.firstTokenMs)} first token
                </span>
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-sm sm:table">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Users in
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  Network
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  Queue
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  First token
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {top.latency.perRegion.map((r) => (
                <tr key={r.region} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {regionLabel(r.region)}
                  </th>
                  <td className="py-1 pl-3 text-right tabular-nums">{ms(r.networkMs)}</td>
                  <td className="py-1 pl-3 text-right tabular-nums">{ms(r.queueMs)}</td>
                  <td className="py-1 pl-3 text-right tabular-nums">{ms(r.firstTokenMs)}</td>
                  <td className="py-1 pl-3 text-right">
                    <Total ms={r.totalMs} over={r.withinBudget === false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="mt-4 text-sm print:hidden" data-testid="latency-by-architecture">
        <summary className="cursor-pointer font-medium text-brand-700">Estimated latency for every architecture</summary>
        <div className="mt-2">
          {/* Below lg the regions do not fit side by side: each architecture lists its regions instead. */}
          <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" data-testid="latency-by-architecture-list">
            {ranked.map((option) => (
              <li key={option.id} className="rounded-lg border border-slate-200 p-3">
                <p className="font-medium text-slate-900">{option.name}</p>
                <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 text-xs">
                  {option.latency.perRegion.map((r) => (
                    <div key={r.region} className="contents">
                      <dt className="text-slate-700">{regionLabel(r.region)}</dt>
                      <dd className="text-right">
                        <Total ms={r.totalMs} over={r.withinBudget === false} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-xs lg:table">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Architecture
                </th>
                {top.latency.perRegion.map((r) => (
                  <th key={r.region} scope="col" className="px-1.5 py-1 text-right align-bottom font-medium">
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
                    <td key={r.region} className="px-1.5 py-1 text-right align-top">
                      <Total ms={r.totalMs} over={r.withinBudget === false} compact />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-600">
            Red and marked “over”: over your budget. Planning estimates from typical public round-trip and first-token measurements; see
            each architecture&apos;s page.
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
