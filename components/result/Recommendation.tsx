import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { recommend } from "@/lib/architecture/recommend";
import { architectureName } from "@/lib/architecture/localized";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { REGION_NAMES, type RegionId } from "@/lib/architecture/assumptions";
import { PRINT_OPEN } from "./print-open";
import { ReasonList, useReasonRenderer } from "./ReasonList";

type Ranked = ReturnType<typeof recommend>["ranked"];

/** Latency estimates name regions by the latency model's region codes: the instrument's region option codes. */
const regionLabelIn = (names: Record<string, string>) => (code: string) => names[code] ?? REGION_NAMES[code as RegionId] ?? code;

/** Milliseconds, with the page locale's digits and grouping. */
function useMs() {
  const format = useFormatter();
  return (value: number) => `${format.number(Math.round(value))} ms`;
}

/** A total latency; over the budget it is red and says so in words, not only in colour. */
function Total({ ms: value, over, compact }: { ms: number; over: boolean; compact?: boolean }) {
  const t = useTranslations("recommendation");
  const ms = useMs();
  if (compact) {
    return (
      <span className={`tabular-nums ${over ? "font-semibold text-red-700" : ""}`}>
        <span className="whitespace-nowrap">{ms(value)}</span>
        {over && <span className="block text-[11px] font-normal">{t("over")}</span>}
      </span>
    );
  }
  return (
    <span className={`whitespace-nowrap font-semibold tabular-nums ${over ? "text-red-700" : ""}`}>
      {ms(value)}
      {over ? ` ${t("overParen")}` : ""}
    </span>
  );
}

/** The respondent's own recommendation: ranked architectures, reasons, latency per user region. */
export function Recommendation({
  ranked,
  regionNames,
  architectureHref,
}: {
  ranked: Ranked;
  /** Region names by code in the respondent's language (lib/survey/results.ts regionNames). */
  regionNames: Record<string, string>;
  architectureHref: (id: string) => string;
}) {
  const t = useTranslations("recommendation");
  const regionLabel = regionLabelIn(regionNames);
  // Architecture names in the page's language (lib/architecture/localized.ts: server only, as this component is).
  const pageLocale = useLocale();
  const nameOf = (id: string) => architectureName(id, isLocale(pageLocale) ? pageLocale : DEFAULT_LOCALE);
  const ms = useMs();
  const reasonNames = { region: regionLabel, architecture: nameOf };
  const renderReason = useReasonRenderer(reasonNames);
  const [top, ...others] = ranked;
  if (!top) return null;
  return (
    <section className="rounded-2xl border border-brand-500 bg-white p-5 sm:p-6" aria-labelledby="rec-heading" data-testid="recommendation">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{t("eyebrow")}</p>
      <h2 id="rec-heading" className="mt-1 text-xl font-bold text-brand-900">
        <Link href={architectureHref(top.id)} className="underline decoration-brand-500/40 underline-offset-4">
          {nameOf(top.id)}
        </Link>
      </h2>
      <ReasonList
        className="mt-3 list-disc space-y-1 ps-5 text-sm text-slate-700"
        reasons={top.reasonMessages.slice(0, 4)}
        names={reasonNames}
      />
      {top.reasonMessages.length > 4 && (
        <details className={`mt-1 text-sm text-slate-700 ${PRINT_OPEN}`} data-print="open">
          <summary className="cursor-pointer font-medium text-brand-700 print:hidden">
            {t("moreReasons", { count: top.reasonMessages.length - 4 })}
          </summary>
          <ReasonList className="mt-1 list-disc space-y-1 ps-5" reasons={top.reasonMessages.slice(4)} names={reasonNames} />
        </details>
      )}
      <p className="mt-2 text-sm text-slate-600" data-testid="tradeoff">
        {t("tradeoff", { tradeoff: renderReason(top.tradeoffMessage) })}
      </p>
      {top.latency.perRegion.length > 0 && (
        <div className="mt-4" data-testid="latency-for-you">
          <p className="mb-1 text-xs text-slate-600">
            {top.latency.budgetMs ? t("estimateBudget", { budget: ms(top.latency.budgetMs) }) : t("estimate")}
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
                  {t("breakdown", { network: ms(r.networkMs), queue: ms(r.queueMs), firstToken: ms(r.firstTokenMs) })}
                </span>
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-sm sm:table">
            <thead className="text-start text-slate-600">
              <tr>
                <th scope="col" className="py-1 pe-3 font-medium">
                  {t("usersIn")}
                </th>
                <th scope="col" className="py-1 ps-3 text-end font-medium">
                  {t("network")}
                </th>
                <th scope="col" className="py-1 ps-3 text-end font-medium">
                  {t("queue")}
                </th>
                <th scope="col" className="py-1 ps-3 text-end font-medium">
                  {t("firstToken")}
                </th>
                <th scope="col" className="py-1 ps-3 text-end font-medium">
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.latency.perRegion.map((r) => (
                <tr key={r.region} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pe-3 text-start font-normal">
                    {regionLabel(r.region)}
                  </th>
                  <td className="py-1 ps-3 text-end tabular-nums">{ms(r.networkMs)}</td>
                  <td className="py-1 ps-3 text-end tabular-nums">{ms(r.queueMs)}</td>
                  <td className="py-1 ps-3 text-end tabular-nums">{ms(r.firstTokenMs)}</td>
                  <td className="py-1 ps-3 text-end">
                    <Total ms={r.totalMs} over={r.withinBudget === false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="mt-4 text-sm print:hidden" data-testid="latency-by-architecture">
        <summary className="cursor-pointer font-medium text-brand-700">{t("everyArchitecture")}</summary>
        <div className="mt-2">
          {/* Below lg the regions do not fit side by side: each architecture lists its regions instead. */}
          <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" data-testid="latency-by-architecture-list">
            {ranked.map((option) => (
              <li key={option.id} className="rounded-lg border border-slate-200 p-3">
                <p className="font-medium text-slate-900">{nameOf(option.id)}</p>
                <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 text-xs">
                  {option.latency.perRegion.map((r) => (
                    <div key={r.region} className="contents">
                      <dt className="text-slate-700">{regionLabel(r.region)}</dt>
                      <dd className="text-end">
                        <Total ms={r.totalMs} over={r.withinBudget === false} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-xs lg:table">
            <thead className="text-start text-slate-600">
              <tr>
                <th scope="col" className="py-1 pe-2 font-medium">
                  {t("architecture")}
                </th>
                {top.latency.perRegion.map((r) => (
                  <th key={r.region} scope="col" className="px-1.5 py-1 text-end align-bottom font-medium">
                    {regionLabel(r.region)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranked.map((option) => (
                <tr key={option.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pe-2 text-start font-normal">
                    {nameOf(option.id)}
                  </th>
                  {option.latency.perRegion.map((r) => (
                    <td key={r.region} className="px-1.5 py-1 text-end align-top">
                      <Total ms={r.totalMs} over={r.withinBudget === false} compact />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-600">{t("legend")}</p>
        </div>
      </details>
      {others.length > 0 && (
        <p className="mt-4 text-sm text-slate-600">
          {t("nextBest")}{" "}
          {others.slice(0, 2).map((o, i) => (
            <span key={o.id}>
              {i > 0 && t("separator")}
              <Link href={architectureHref(o.id)} className="text-brand-700 underline">
                {nameOf(o.id)}
              </Link>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
