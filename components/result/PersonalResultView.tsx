import type { PersonalResult } from "@/lib/survey/results";
import { DimensionChart, clearDifferences } from "./DimensionChart";
import { KeepResult } from "./KeepResult";
import { PrintButton, PrintExpander } from "./print";
import { PRINT_OPEN } from "./print-open";
import { Recommendation } from "./Recommendation";
import { describeStanding, percent } from "./standing";

const pct = (share: number | null) => (share === null ? "—" : percent(share));
const rating = (value: number) => value.toFixed(1);

interface Props {
  result: PersonalResult;
  /** The readiness scale's labels (1-5), for the chart's axis. */
  scale: readonly string[];
  /** The share image of this result (PNG). */
  shareImageUrl: string;
  /** The wave's published results, or null while there are none. */
  compareUrl: string | null;
}

export function PersonalResultView({ result, scale, shareImageUrl, compareUrl }: Props) {
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
          Your readiness index
        </h2>
        <p className="mt-1 text-5xl font-bold">
          <span data-testid="readiness-index">{Math.round(result.readinessIndex)}</span>
          <span className="text-2xl font-normal text-brand-100 print:text-slate-600"> / 100</span>
        </p>
        <p className="mt-2 text-lg" data-testid="readiness-stage">
          Stage of readiness: <strong>{result.readinessStage.label}</strong>{" "}
          <span className="text-sm text-brand-100 print:text-slate-600">
            ({result.readinessStage.level} of {result.readinessStage.levels})
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
              {describeStanding(peer, k, result.peerMinimum)}
            </li>
          ))}
        </ul>
        <p className="mt-3 max-w-xl text-sm text-brand-100 print:text-slate-600">
          The index is the mean of your seven dimension ratings on a 0–100 scale; the stage is the point of the 1–5 scale nearest to that
          mean. Peers are the other respondents in your industry and in your region. Their figures move on only once at least {k} more peers
          have answered, on days that are over, so that no one&apos;s answers can be read from a change.
        </p>
        <div className="mt-5 flex flex-wrap gap-3 print:hidden">
          <PrintButton />
          <a
            href={shareImageUrl}
            download="readiness-radar-result.png"
            className="rounded-lg border border-white/60 px-4 py-2 text-sm font-semibold text-white hover:bg-white/10"
          >
            Download share image
          </a>
          {compareUrl && (
            <a href={compareUrl} className="rounded-lg px-4 py-2 text-sm font-semibold text-white underline underline-offset-4">
              See how others compare
            </a>
          )}
        </div>
      </section>

      <Recommendation ranked={result.recommendation} />

      {withheld && (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Peer figures are shown only when at least {result.peerMinimum} peers have answered, and rounded, so that no one can be singled
          out. Some figures below are hidden for now.
        </p>
      )}

      <section className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6" aria-labelledby="dims-heading">
        <div className="print:break-inside-avoid">
          <h2 id="dims-heading" className="text-lg font-semibold text-brand-900">
            Readiness by dimension
          </h2>
          <p className="text-sm text-slate-600">
            Your rating (1–5) against the mean rating of your peers. The line around each mean is its 95% interval: where your mark lies
            outside it, you differ clearly from those peers.
          </p>
          {differencesFrom && (differences.above.length > 0 || differences.below.length > 0) && (
            <ul className="mt-3 grid gap-1 text-sm text-slate-800" data-testid="dimension-differences">
              {differences.above.length > 0 && (
                <li>
                  Ahead of peers in {differencesFrom}: <strong>{differences.above.join(", ")}</strong>
                </li>
              )}
              {differences.below.length > 0 && (
                <li>
                  Behind peers in {differencesFrom}: <strong>{differences.below.join(", ")}</strong>
                </li>
              )}
            </ul>
          )}
          <DimensionChart
            rows={result.dimensions}
            industryName={industry?.label ?? "Industry"}
            regionName={region?.label ?? "Region"}
            scale={scale}
          />
        </div>
        <details className={`mt-2 ${PRINT_OPEN}`} data-print="open">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 print:hidden">Show as a table</summary>
          <table className="mt-3 w-full text-left text-sm" data-testid="dimension-table">
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  Dimension
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  You
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  {industry?.label ?? "Industry"} mean
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  {region?.label ?? "Region"} mean
                </th>
              </tr>
            </thead>
            <tbody>
              {result.dimensions.map((d) => (
                <tr key={d.questionId} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-1.5 font-normal">
                    {d.label}
                  </th>
                  <td className="py-1.5 pl-2 text-right tabular-nums">{d.you}</td>
                  <MeanCell peer={d.industry} />
                  <MeanCell peer={d.region} />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-600">
            95% intervals in brackets. — : fewer than {result.peerMinimum} peers (or fewer than {k} giving an answer), withheld.
          </p>
        </details>
      </section>

      <div className="grid gap-6 md:grid-cols-2 print:break-inside-avoid print:grid-cols-2">
        <section
          className="min-w-0 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6 print:break-inside-avoid"
          aria-labelledby="stage-heading"
        >
          <h2 id="stage-heading" className="text-lg font-semibold text-brand-900">
            Your AI stage: {result.stage.label}
          </h2>
          <p className="text-sm text-slate-600">Share of peers at each stage.</p>
          <ShareTable rows={result.stage.rows} highlight={result.stage.optionId} />
        </section>
        <section
          className="min-w-0 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6 print:break-inside-avoid"
          aria-labelledby="concerns-heading"
        >
          <h2 id="concerns-heading" className="text-lg font-semibold text-brand-900">
            Your top concerns
          </h2>
          <p className="text-sm text-slate-600">Share of peers who also rank each one in their top 3.</p>
          {result.topConcerns.length ? (
            <ShareTable rows={result.topConcerns} numbered />
          ) : (
            <p className="mt-3 text-sm text-slate-600">You did not rank any concerns.</p>
          )}
        </section>
      </div>

      <KeepResult shareImageUrl={shareImageUrl} result={result} compareUrl={compareUrl} />
    </div>
  );
}

function MeanCell({ peer }: { peer: PersonalResult["dimensions"][number]["industry"] }) {
  if (!peer) return <td className="py-1.5 pl-2 text-right tabular-nums">—</td>;
  return (
    <td className="py-1.5 pl-2 text-right tabular-nums">
      {rating(peer.mean)}
      <span className="block whitespace-nowrap text-xs text-slate-600">
        [{rating(peer.lower)}–{rating(peer.upper)}]
      </span>
    </td>
  );
}

function ShareTable({ rows, highlight, numbered }: { rows: PersonalResult["topConcerns"]; highlight?: string; numbered?: boolean }) {
  return (
    <table className="mt-3 w-full text-left text-sm">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-1 font-medium">
            {numbered ? "Concern" : "Stage"}
          </th>
          <th scope="col" className="py-1 pl-3 text-right font-medium">
            Industry
          </th>
          <th scope="col" className="py-1 pl-3 text-right font-medium">
            Region
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.optionId} className={`border-t border-slate-100 ${row.optionId === highlight ? "bg-brand-50 font-semibold" : ""}`}>
            <th scope="row" className="py-1.5 font-normal">
              {numbered ? `${i + 1}. ` : ""}
              {row.label}
              {row.optionId === highlight && <span className="ml-1 text-xs text-brand-700">(you)</span>}
            </th>
            <td className="py-1.5 pl-3 text-right tabular-nums">{pct(row.industryShare)}</td>
            <td className="py-1.5 pl-3 text-right tabular-nums">{pct(row.regionShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
