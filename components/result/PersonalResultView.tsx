import type { PersonalResult } from "@/lib/survey/results";
import { DimensionChart } from "./DimensionChart";
import { Recommendation } from "./Recommendation";

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const score = (value: number | null) => (value === null ? "—" : value.toFixed(1));

export function PersonalResultView({ result }: { result: PersonalResult }) {
  const [industry, region] = result.peers;
  const hidden = (n: number | null) => n === null;
  const peerNote = (peer: typeof industry) =>
    !peer ? "" : peer.n === null ? `fewer than ${result.suppressionK} peers so far` : `${peer.n.toLocaleString("en")} peers`;
  return (
    <div className="grid gap-6">
      <section className="rounded-2xl bg-brand-900 p-6 text-white sm:p-8">
        <p className="text-sm uppercase tracking-wide text-brand-100">Your readiness index</p>
        <p className="mt-1 text-5xl font-bold">
          <span data-testid="readiness-index">{Math.round(result.readinessIndex)}</span>
          <span className="text-2xl font-normal text-brand-100"> / 100</span>
        </p>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          {result.peers.map((peer) => (
            <li key={peer.group} className="rounded-lg bg-white/10 px-4 py-3 text-sm" data-testid={`standing-${peer.group}`}>
              {peer.shareBelow === null ? (
                <>
                  Not enough peers in <strong>{peer.label}</strong> yet to compare.
                </>
              ) : (
                <>
                  Higher than <strong className="text-lg">{Math.round(peer.shareBelow * 100)}%</strong> of peers in{" "}
                  <strong>{peer.label}</strong>
                </>
              )}
            </li>
          ))}
        </ul>
        <p className="mt-3 max-w-xl text-sm text-brand-100">
          The mean of your seven dimension ratings on a 0–100 scale. Compared with peers in{" "}
          <strong className="text-white">{industry?.label}</strong> ({peerNote(industry)}) and in{" "}
          <strong className="text-white">{region?.label}</strong> ({peerNote(region)}).
        </p>
      </section>

      <Recommendation ranked={result.recommendation} />

      {(hidden(industry?.n ?? null) || hidden(region?.n ?? null)) && (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Peer figures are shown only when at least {result.suppressionK} peers have answered, so that no one can be singled out. Some
          figures below are hidden for now.
        </p>
      )}

      <section className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6" aria-labelledby="dims-heading">
        <h2 id="dims-heading" className="text-lg font-semibold text-brand-900">
          Readiness by dimension
        </h2>
        <p className="text-sm text-slate-500">Your rating (1–5) next to the median of your peers.</p>
        <DimensionChart
          industryName={industry?.label ?? "Industry"}
          regionName={region?.label ?? "Region"}
          data={result.dimensions.map((d) => ({ label: d.label, you: d.you, industry: d.industryMedian, region: d.regionMedian }))}
        />
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Show as a table</summary>
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  Dimension
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  You
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  Industry median
                </th>
                <th scope="col" className="py-1 pl-3 text-right font-medium">
                  Region median
                </th>
              </tr>
            </thead>
            <tbody>
              {result.dimensions.map((d) => (
                <tr key={d.questionId} className="border-t border-slate-100">
                  <th scope="row" className="py-1.5 font-normal">
                    {d.label}
                  </th>
                  <td className="py-1.5 text-right tabular-nums">{d.you}</td>
                  <td className="py-1.5 text-right tabular-nums">{score(d.industryMedian)}</td>
                  <td className="py-1.5 text-right tabular-nums">{score(d.regionMedian)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6" aria-labelledby="stage-heading">
          <h2 id="stage-heading" className="text-lg font-semibold text-brand-900">
            Your AI stage: {result.stage.label}
          </h2>
          <p className="text-sm text-slate-500">Share of peers at each stage.</p>
          <ShareTable rows={result.stage.rows} highlight={result.stage.optionId} />
        </section>
        <section className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6" aria-labelledby="concerns-heading">
          <h2 id="concerns-heading" className="text-lg font-semibold text-brand-900">
            Your top concerns
          </h2>
          <p className="text-sm text-slate-500">Share of peers who also rank each one in their top 3.</p>
          {result.topConcerns.length ? (
            <ShareTable rows={result.topConcerns} numbered />
          ) : (
            <p className="mt-3 text-sm text-slate-600">You did not rank any concerns.</p>
          )}
        </section>
      </div>
    </div>
  );
}

function ShareTable({ rows, highlight, numbered }: { rows: PersonalResult["topConcerns"]; highlight?: string; numbered?: boolean }) {
  return (
    <table className="mt-3 w-full text-left text-sm">
      <thead className="text-slate-500">
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
            <td className="py-1.5 text-right tabular-nums">{pct(row.industryShare)}</td>
            <td className="py-1.5 text-right tabular-nums">{pct(row.regionShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
