import { useFormatter, useTranslations } from "next-intl";
import type { PersonalResult } from "@/lib/survey/results";
import { DimensionChart, clearDifferences } from "./DimensionChart";
import { KeepResult } from "./KeepResult";
import { PrintButton, PrintExpander } from "./print";
import { PRINT_OPEN } from "./print-open";
import { Recommendation } from "./Recommendation";
import { standingMessage } from "./standing";

type Formatter = ReturnType<typeof useFormatter>;

/** A share as a whole percentage in the page's locale, never rounded to a false 0% or 100%. */
function localPercent(t: ReturnType<typeof useTranslations<"result">>, format: Formatter, share: number): string {
  const whole = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  if (share > 0 && share < 0.01) return t("lessThanOne", { value: whole(0.01) });
  if (share < 1 && share > 0.99) return t("moreThan99", { value: whole(0.99) });
  return whole(share);
}

interface Props {
  result: PersonalResult;
  /** The readiness scale's labels (1-5), for the chart's axis. */
  scale: readonly string[];
  /** Region names by code, in the respondent's language (the latency estimates' rows). */
  regionNames: Record<string, string>;
  /** The share image of this result (PNG). */
  shareImageUrl: string;
  /** The wave's published results, or null while there are none. */
  compareUrl: string | null;
  /** An architecture's page, in the respondent's language. */
  architectureHref: (id: string) => string;
}

export function PersonalResultView({ result, scale, regionNames, shareImageUrl, compareUrl, architectureHref }: Props) {
  const t = useTranslations("result");
  const format = useFormatter();
  const pct = (share: number | null) => (share === null ? "—" : localPercent(t, format, share));
  const rating = (value: number) => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const [industry, region] = result.peers;
  const k = result.suppressionK;
  const withheld = result.peers.some((p) => p.n === null);
  const differences = clearDifferences(result.dimensions, industry?.n != null ? "industry" : "region");
  const differencesFrom = industry?.n != null ? industry.label : region?.label;
  return (
    // Printed, a block: Chromium overlaps grid items that break across pages.
    <div className="grid gap-6 print:block print:[&>*+*]:mt-6">
      <PrintExpander />
      <section
        className={
          "rounded-2xl bg-brand-900 p-6 text-white sm:p-8 print:break-inside-avoid print:border print:border-slate-300 print:bg-white " +
          "print:p-5 print:text-slate-900"
        }
        aria-labelledby="index-heading"
      >
        <h2 id="index-heading" className="text-sm uppercase tracking-wide text-brand-100 print:text-slate-600">
          {t("indexHeading")}
        </h2>
        <p className="mt-1 text-5xl font-bold">
          <span data-testid="readiness-index">{format.number(Math.round(result.readinessIndex))}</span>
          <span className="text-2xl font-normal text-brand-100 print:text-slate-600">{t("outOf")}</span>
        </p>
        <p className="mt-2 text-lg" data-testid="readiness-stage">
          {t.rich("stage", { stage: result.readinessStage.label, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          <span className="text-sm text-brand-100 print:text-slate-600">
            {t("stageLevel", { level: result.readinessStage.level, levels: result.readinessStage.levels })}
          </span>
        </p>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {result.peers.map((peer) => (
            <li
              key={peer.group}
              className="rounded-lg bg-white/10 px-4 py-3 text-sm print:border print:border-slate-200"
              data-testid={`standing-${peer.group}`}
              data-standing={peer.standing.kind}
            >
              {standingText(t, format, peer, k, result.peerMinimum)}
            </li>
          ))}
        </ul>
        <p className="mt-3 max-w-xl text-sm text-brand-100 print:text-slate-600">{t("indexExplained", { k })}</p>
        <div className="mt-5 flex flex-wrap gap-3 print:hidden">
          <PrintButton />
          <a
            href={shareImageUrl}
            download="readiness-radar-result.png"
            className="rounded-lg border border-white/60 px-4 py-2 text-sm font-semibold text-white hover:bg-white/10"
          >
            {t("downloadShare")}
          </a>
          {compareUrl && (
            <a href={compareUrl} className="rounded-lg px-4 py-2 text-sm font-semibold text-white underline underline-offset-4">
              {t("compare")}
            </a>
          )}
        </div>
      </section>

      <Recommendation ranked={result.recommendation} regionNames={regionNames} architectureHref={architectureHref} />

      {withheld && (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("withheldNote", { minimum: result.peerMinimum })}
        </p>
      )}

      <section className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6" aria-labelledby="dims-heading">
        <div className="print:break-inside-avoid">
          <h2 id="dims-heading" className="text-lg font-semibold text-brand-900">
            {t("dimsHeading")}
          </h2>
          <p className="text-sm text-slate-600">{t("dimsExplained")}</p>
          {differencesFrom && (differences.above.length > 0 || differences.below.length > 0) && (
            <ul className="mt-3 grid gap-1 text-sm text-slate-800" data-testid="dimension-differences">
              {differences.above.length > 0 && (
                <li>
                  {t.rich("ahead", {
                    group: differencesFrom,
                    dimensions: format.list(differences.above, { type: "unit" }),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </li>
              )}
              {differences.below.length > 0 && (
                <li>
                  {t.rich("behind", {
                    group: differencesFrom,
                    dimensions: format.list(differences.below, { type: "unit" }),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </li>
              )}
            </ul>
          )}
          <DimensionChart
            rows={result.dimensions}
            industryName={industry?.label ?? t("industry")}
            regionName={region?.label ?? t("region")}
            scale={scale}
          />
        </div>
        <details className={`mt-2 ${PRINT_OPEN}`} data-print="open">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 print:hidden">{t("showTable")}</summary>
          <table className="mt-3 w-full text-start text-sm" data-testid="dimension-table">
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  {t("dimension")}
                </th>
                <th scope="col" className="py-1 ps-2 text-end font-medium">
                  {t("you")}
                </th>
                <th scope="col" className="py-1 ps-2 text-end font-medium">
                  {t("groupMean", { group: industry?.label ?? t("industry") })}
                </th>
                <th scope="col" className="py-1 ps-2 text-end font-medium">
                  {t("groupMean", { group: region?.label ?? t("region") })}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.dimensions.map((d) => (
                <tr key={d.questionId} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-1.5 font-normal">
                    {d.label}
                  </th>
                  <td className="py-1.5 ps-2 text-end tabular-nums">{format.number(d.you)}</td>
                  <MeanCell peer={d.industry} rating={rating} />
                  <MeanCell peer={d.region} rating={rating} />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-600">{t("tableNote", { minimum: result.peerMinimum, k })}</p>
        </details>
      </section>

      <div className="grid gap-6 md:grid-cols-2 print:break-inside-avoid print:grid-cols-2">
        <section
          className="min-w-0 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6 print:break-inside-avoid"
          aria-labelledby="stage-heading"
        >
          <h2 id="stage-heading" className="text-lg font-semibold text-brand-900">
            {t("stageHeading", { stage: result.stage.label })}
          </h2>
          <p className="text-sm text-slate-600">{t("stageShares")}</p>
          <ShareTable rows={result.stage.rows} highlight={result.stage.optionId} pct={pct} />
        </section>
        <section
          className="min-w-0 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6 print:break-inside-avoid"
          aria-labelledby="concerns-heading"
        >
          <h2 id="concerns-heading" className="text-lg font-semibold text-brand-900">
            {t("concernsHeading")}
          </h2>
          <p className="text-sm text-slate-600">{t("concernsShares")}</p>
          {result.topConcerns.length ? (
            <ShareTable rows={result.topConcerns} numbered pct={pct} />
          ) : (
            <p className="mt-3 text-sm text-slate-600">{t("noConcerns")}</p>
          )}
        </section>
      </div>

      <KeepResult shareImageUrl={shareImageUrl} result={result} compareUrl={compareUrl} />
    </div>
  );
}

function standingText(
  t: ReturnType<typeof useTranslations<"result">>,
  format: Formatter,
  peer: PersonalResult["peers"][number],
  k: number,
  minimum: number,
): string {
  const message = standingMessage(peer);
  const values = { group: peer.label, n: peer.n ?? 0, k, minimum };
  return message.key === "standingShare"
    ? t(message.key, { ...values, share: localPercent(t, format, message.share) })
    : t(message.key, values);
}

function MeanCell({ peer, rating }: { peer: PersonalResult["dimensions"][number]["industry"]; rating: (value: number) => string }) {
  if (!peer) return <td className="py-1.5 ps-2 text-end tabular-nums">—</td>;
  return (
    <td className="py-1.5 ps-2 text-end tabular-nums">
      {rating(peer.mean)}
      <span className="block whitespace-nowrap text-xs text-slate-600">
        [{rating(peer.lower)}–{rating(peer.upper)}]
      </span>
    </td>
  );
}

function ShareTable({
  rows,
  highlight,
  numbered,
  pct,
}: {
  rows: PersonalResult["topConcerns"];
  highlight?: string;
  numbered?: boolean;
  pct: (share: number | null) => string;
}) {
  const t = useTranslations("result");
  const format = useFormatter();
  return (
    <table className="mt-3 w-full text-start text-sm">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-1 font-medium">
            {t(numbered ? "concern" : "stageColumn")}
          </th>
          <th scope="col" className="py-1 ps-3 text-end font-medium">
            {t("industry")}
          </th>
          <th scope="col" className="py-1 ps-3 text-end font-medium">
            {t("region")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.optionId} className={`border-t border-slate-100 ${row.optionId === highlight ? "bg-brand-50 font-semibold" : ""}`}>
            <th scope="row" className="py-1.5 font-normal">
              {numbered ? `${format.number(i + 1)}. ` : ""}
              {row.label}
              {row.optionId === highlight && <span className="ms-1 text-xs text-brand-700">{t("youMark")}</span>}
            </th>
            <td className="py-1.5 ps-3 text-end tabular-nums">{pct(row.industryShare)}</td>
            <td className="py-1.5 ps-3 text-end tabular-nums">{pct(row.regionShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
