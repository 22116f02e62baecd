// The printable findings report, written for an executive: a one-page summary with the headline
// numbers and the top findings, the key charts, the findings grouped by theme (compact tables, not
// one card per finding), each recommended architecture once with the findings behind it, and the
// method and caveats. Print CSS: A4/Letter margins, each major section on a new page, rows never
// split across pages. What it says is shared with the generated PDF (lib/findings/report.ts,
// report-pdf.ts), which ReportActions links to.
import { getArchitecture } from "@/lib/architecture/catalog";
import type { FindingsReport as Report, LinkedFinding } from "@/lib/findings";
import {
  REPORT_TITLE,
  ROWS_PER_THEME,
  THEMES,
  capitalize,
  chartedShares,
  emptyReportNote,
  formatDifference as diff,
  formatQ as qText,
  formatValue as value,
  methodNotes,
  weightingNote,
  moreFindingsNote,
  recommendations,
  themeSummary,
  uncapitalize,
  type Recommendation,
} from "@/lib/findings/report";
import { ReportActions } from "./ReportActions";

export function FindingsReport({
  report,
  waveTitle,
  population,
  generated,
  pdfHref,
}: {
  report: Report;
  waveTitle: string;
  population: string;
  generated: string;
  /** The generated PDF of this report (same filters). */
  pdfHref: string;
}) {
  const findings = report.findings;
  const empty = emptyReportNote(report);
  const recs = report.reportable ? recommendations(findings) : [];
  const number = new Map(findings.map((f, i) => [f.id, i + 1]));
  return (
    <article
      className="report mx-auto grid max-w-4xl gap-8 bg-white p-4 sm:p-8 print:max-w-none print:gap-6 print:p-0"
      data-testid="findings-report"
    >
      <header className="grid gap-3 border-b border-slate-200 pb-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-sm tracking-wide text-slate-600 uppercase">Readiness Radar · {waveTitle}</p>
            <h1 className="text-3xl font-bold text-brand-900">{REPORT_TITLE}</h1>
          </div>
          <ReportActions pdfHref={pdfHref} />
        </div>
        <p className="text-sm text-slate-700">
          Population: {population} ({report.population.toLocaleString("en")} complete responses). Generated {generated}.
        </p>
        <p className="text-sm text-slate-700" data-testid="weighting-line" data-state={report.weighting.state}>
          {weightingNote(report.weighting)}
        </p>
      </header>

      {empty ? (
        <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
          {empty}
        </p>
      ) : (
        <>
          <Summary findings={findings} recs={recs} population={report.population} />
          <KeyCharts findings={findings} recs={recs} k={report.k} />
          <section aria-labelledby="themes-title" className="report-section grid gap-6" data-testid="report-themes">
            <h2 id="themes-title" className="text-2xl font-bold text-brand-900">
              Findings by theme
            </h2>
            {THEMES.map((theme) => {
              const rows = findings.filter((f) => f.kind === theme.kind);
              if (rows.length === 0) return null;
              return (
                <section key={theme.kind} aria-labelledby={`theme-${theme.kind}`} className="grid gap-2" data-theme={theme.kind}>
                  <h3 id={`theme-${theme.kind}`} className="text-lg font-semibold text-brand-900">
                    {theme.title} <span className="text-sm font-normal text-slate-600">({rows.length})</span>
                  </h3>
                  <p className="text-sm text-slate-700">{theme.intro}</p>
                  <table className="w-full table-fixed border-collapse text-sm">
                    <thead className="text-left text-xs text-slate-600">
                      <tr className="border-b border-slate-300">
                        <th scope="col" className="w-10 py-1 pr-2 font-medium">
                          #
                        </th>
                        <th scope="col" className="py-1 pr-2 font-medium">
                          Finding
                        </th>
                        <th scope="col" className="hidden w-36 py-1 pr-2 text-right font-medium sm:table-cell print:table-cell">
                          Group vs others
                        </th>
                        <th scope="col" className="hidden w-20 py-1 text-right font-medium sm:table-cell print:table-cell">
                          q
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.slice(0, ROWS_PER_THEME).map((f) => (
                        <tr key={f.id} className="break-inside-avoid border-b border-slate-100 align-top" data-finding={f.id}>
                          <td className="py-1.5 pr-2 text-slate-600 tabular-nums">{number.get(f.id)}</td>
                          <td className="py-1.5 pr-2">
                            {f.headline}
                            <span className="block text-xs text-slate-600 sm:hidden print:hidden">
                              {value(f, f.segmentValue)}
                              {f.othersValue !== null && ` vs ${value(f, f.othersValue)}`} ({diff(f)}), q {qText(f.q)}
                            </span>
                            {f.architectures[0] && (
                              <span className="block text-xs text-slate-600">→ {f.architectures[0].name} (see recommendations)</span>
                            )}
                          </td>
                          <td className="hidden py-1.5 pr-2 text-right tabular-nums sm:table-cell print:table-cell">
                            {value(f, f.segmentValue)}
                            {f.othersValue !== null && ` vs ${value(f, f.othersValue)}`}
                            <span className="block text-xs text-slate-600">{diff(f)}</span>
                          </td>
                          <td className="hidden py-1.5 text-right tabular-nums sm:table-cell print:table-cell">{qText(f.q)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {moreFindingsNote(theme, rows.length) && <p className="text-xs text-slate-600">{moreFindingsNote(theme, rows.length)}</p>}
                </section>
              );
            })}
          </section>
          <Recommendations recs={recs} unlinked={findings.filter((f) => f.architectures.length === 0).length} />
        </>
      )}
      <Method k={report.k} weighted={report.weighting.state === "weighted"} />
    </article>
  );
}

function Summary({ findings, recs, population }: { findings: LinkedFinding[]; recs: Recommendation[]; population: number }) {
  const top = findings.slice(0, 3);
  const themes = THEMES.filter((t) => findings.some((f) => f.kind === t.kind)).length;
  const lead = recs[0];
  return (
    <section aria-labelledby="summary-title" className="grid gap-4" data-testid="report-summary">
      <h2 id="summary-title" className="text-2xl font-bold text-brand-900">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Complete responses" value={population.toLocaleString("en")} />
        <Figure label="Supported findings" value={String(findings.length)} />
        <Figure label="Themes" value={String(themes)} />
        <Figure label="Architectures recommended" value={String(recs.length)} />
      </dl>
      <div>
        <h3 className="font-semibold text-brand-900">The three strongest findings</h3>
        <ol className="mt-1 list-decimal grid gap-1 pl-5 text-slate-800">
          {top.map((f) => (
            <li key={f.id}>{f.headline}</li>
          ))}
        </ol>
      </div>
      {lead && (
        <p className="rounded-xl border border-brand-500/50 bg-brand-50 p-3 text-slate-800 print:border-slate-400 print:bg-white">
          <strong className="text-brand-900">Most supported recommendation: {lead.name}</strong>, the first recommendation of{" "}
          {lead.findings.length} of {findings.length} findings. {lead.reasons[0]}
        </p>
      )}
      <p className="text-sm text-slate-700">{themeSummary(findings)}</p>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-slate-200 p-3">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="text-2xl font-bold text-brand-900 tabular-nums">{value}</dd>
    </div>
  );
}

/**
 * The top findings as group-against-others bars (a withheld figure drawn hatched and marked "<k",
 * never as 0), and how many findings point to each architecture.
 */
function KeyCharts({ findings, recs, k }: { findings: LinkedFinding[]; recs: Recommendation[]; k: number }) {
  const shares = chartedShares(findings);
  const most = Math.max(1, ...recs.map((r) => r.findings.length));
  return (
    <section aria-labelledby="charts-title" className="report-section grid gap-6" data-testid="report-charts">
      <h2 id="charts-title" className="text-2xl font-bold text-brand-900">
        Key charts
      </h2>
      {shares.length > 0 && (
        <figure className="m-0 grid gap-2 break-inside-avoid">
          <figcaption className="font-semibold text-brand-900">
            The largest differences in shares: the group against everyone else
          </figcaption>
          <ul className="grid gap-2">
            {shares.map((f) => (
              <li key={f.id} className="grid gap-0.5 text-sm sm:grid-cols-[minmax(0,18rem)_1fr] sm:gap-3">
                <span className="text-slate-800">
                  {capitalize(f.segment.label)}: {uncapitalize(f.measure)}
                </span>
                <span className="grid gap-0.5">
                  <Bar share={f.segmentValue} label={`Group ${value(f, f.segmentValue)}`} tone="bg-brand-600" />
                  {f.othersValue === null ? (
                    <Withheld k={k} />
                  ) : (
                    <Bar share={f.othersValue} label={`Others ${value(f, f.othersValue)}`} tone="bg-slate-400" />
                  )}
                </span>
              </li>
            ))}
          </ul>
        </figure>
      )}
      {recs.length > 0 && (
        <figure className="m-0 grid gap-2 break-inside-avoid">
          <figcaption className="font-semibold text-brand-900">Findings behind each recommended architecture</figcaption>
          <ul className="grid gap-1.5 text-sm">
            {recs.map((r) => (
              <li key={r.id} className="grid gap-0.5 sm:grid-cols-[minmax(0,18rem)_1fr] sm:gap-3" data-architecture={r.id}>
                <span className="text-slate-800">{r.name}</span>
                <Bar share={r.findings.length / most} label={String(r.findings.length)} tone="bg-brand-600" />
              </li>
            ))}
          </ul>
        </figure>
      )}
    </section>
  );
}

/** One horizontal bar (0-1 of the track) with its figure beside it; prints in colour and in grey. */
function Bar({ share, label, tone }: { share: number; label: string; tone: string }) {
  return (
    <span className="flex items-center gap-2">
      <span className="relative h-3 flex-1 rounded bg-slate-100 print:border print:border-slate-300">
        <span
          className={`absolute inset-y-0 left-0 rounded ${tone} [print-color-adjust:exact]`}
          style={{ width: `${Math.max(1, Math.min(100, share * 100))}%` }}
        />
      </span>
      <span className="w-24 text-xs text-slate-700 tabular-nums">{label}</span>
    </span>
  );
}

/** A figure withheld to protect a small group: a hatched stub marked "<k", with the reason. */
function Withheld({ k }: { k: number }) {
  const reason = `Withheld: fewer than ${k} respondents, or it would single them out`;
  return (
    <span className="flex items-center gap-2" title={reason}>
      <span className="relative h-3 flex-1 rounded bg-slate-100 print:border print:border-slate-300">
        <span
          className="absolute inset-y-0 left-0 w-[12%] rounded border border-dashed border-slate-600 [print-color-adjust:exact]"
          style={{ background: "repeating-linear-gradient(135deg, #94a3b8 0 2px, transparent 2px 5px)" }}
        />
      </span>
      <span className="w-24 text-xs font-semibold text-slate-700 tabular-nums">
        Others &lt;{k}
        <span className="sr-only"> ({reason})</span>
      </span>
    </span>
  );
}

function Recommendations({ recs, unlinked }: { recs: Recommendation[]; unlinked: number }) {
  if (recs.length === 0) return null;
  return (
    <section aria-labelledby="recommendations-title" className="report-section grid gap-4" data-testid="report-recommendations">
      <h2 id="recommendations-title" className="text-2xl font-bold text-brand-900">
        Recommendations
      </h2>
      <p className="text-sm text-slate-700">
        Each architecture once, with the findings (by number) that point to it first.
        {unlinked > 0 && ` ${unlinked} finding${unlinked === 1 ? " points" : "s point"} to no architecture by itself.`}
      </p>
      {recs.map((r) => (
        <section
          key={r.id}
          aria-labelledby={`rec-${r.id}`}
          className="grid gap-1 break-inside-avoid rounded-xl border border-slate-200 p-4"
          data-recommendation={r.id}
        >
          <h3 id={`rec-${r.id}`} className="text-lg font-semibold text-brand-900">
            {r.name}
          </h3>
          {getArchitecture(r.id) && <p className="text-slate-800">{getArchitecture(r.id)?.description}</p>}
          <p className="text-sm text-slate-600">
            Supported by {r.findings.length} finding{r.findings.length === 1 ? "" : "s"}: #{r.findings.join(", #")}
          </p>
          {r.reasons[0] && (
            <p className="text-sm text-slate-800">
              <strong>For example:</strong> {r.reasons[0]}
            </p>
          )}
          <p className="text-sm text-slate-700">
            <strong>Trade-off:</strong> {r.tradeoff}
          </p>
        </section>
      ))}
    </section>
  );
}

function Method({ k, weighted }: { k: number; weighted: boolean }) {
  return (
    <section aria-labelledby="method-title" className="grid break-inside-avoid gap-2 text-sm text-slate-800" data-testid="report-method">
      <h2 id="method-title" className="text-2xl font-bold text-brand-900">
        Method and caveats
      </h2>
      <ul className="list-disc grid gap-1 pl-5">
        {methodNotes(k, weighted).map((note) => (
          <li key={note.slice(0, 40)}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
