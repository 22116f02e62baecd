// The printable findings report, written for an executive: a one-page summary with the headline
// numbers and the top findings, the key charts, the findings grouped by theme (compact tables, not
// one card per finding), each recommended architecture once with the findings behind it, and the
// method and caveats. Print CSS: A4/Letter margins, each major section on a new page, rows never
// split across pages; "Save as PDF" is the browser's print dialog (see ReportActions).
import { getArchitecture } from "@/lib/architecture/catalog";
import type { FindingsReport as Report, LinkedFinding } from "@/lib/findings";
import { ReportActions } from "./ReportActions";

const THEMES: { kind: LinkedFinding["kind"]; title: string; intro: string }[] = [
  { kind: "concern", title: "Concerns", intro: "Which groups put a concern in their top three more (or less) often than everyone else." },
  { kind: "stage", title: "AI stage", intro: "Which groups run AI in production more (or less) often than everyone else." },
  { kind: "readiness", title: "Readiness gaps", intro: "Where a group's readiness (0–100) differs from everyone else's." },
  { kind: "mismatch", title: "Infrastructure against needs", intro: "Where plans and requirements pull in different directions." },
];
const ROWS_PER_THEME = 8;

const value = (f: LinkedFinding, v: number) => (f.unit === "%" ? `${(v * 100).toFixed(0)}%` : v.toFixed(1));
const diff = (f: LinkedFinding) =>
  f.difference === null
    ? "—"
    : `${f.difference > 0 ? "+" : "−"}${Math.abs(f.difference).toFixed(f.unit === "%" ? 0 : 1)}${f.unit === "%" ? " pts" : ""}`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Running AI in production" → "running AI in production" (acronyms kept). */
const uncapitalize = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
const qText = (q: number) => (q < 0.001 ? "< 0.001" : q.toFixed(3));

interface Recommendation {
  id: string;
  name: string;
  reasons: string[];
  tradeoff: string;
  findings: number[];
}

/** Each architecture once: the findings (by number) whose first recommendation it is, most supported first. */
function recommendations(findings: LinkedFinding[]): Recommendation[] {
  const byId = new Map<string, Recommendation>();
  findings.forEach((f, i) => {
    const a = f.architectures[0];
    if (!a) return;
    const r = byId.get(a.id) ?? { id: a.id, name: a.name, reasons: [], tradeoff: a.tradeoff, findings: [] };
    // One example of why, from its strongest finding (the reasons cite that finding's figures).
    if (r.reasons.length === 0 && a.reasons[0]) r.reasons.push(a.reasons[0]);
    r.findings.push(i + 1);
    byId.set(a.id, r);
  });
  return [...byId.values()].sort((x, y) => y.findings.length - x.findings.length || x.name.localeCompare(y.name));
}

export function FindingsReport({
  report,
  waveTitle,
  population,
  generated,
}: {
  report: Report;
  waveTitle: string;
  population: string;
  generated: string;
}) {
  const findings = report.findings;
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
            <h1 className="text-3xl font-bold text-brand-900">AI inference readiness: findings</h1>
          </div>
          <ReportActions />
        </div>
        <p className="text-sm text-slate-700">
          Population: {population} ({report.population.toLocaleString("en")} complete responses). Generated {generated}.
        </p>
      </header>

      {!report.reportable || findings.length === 0 ? (
        <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
          {!report.reportable
            ? `Too few respondents match these filters (fewer than ${report.k}, or a broader view would single them out), so no findings are stated.`
            : "No statistically supported findings for these filters: no difference passed q < 0.05 with a meaningful size."}
        </p>
      ) : (
        <>
          <Summary findings={findings} recs={recs} population={report.population} />
          <KeyCharts findings={findings} recs={recs} />
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
                  {rows.length > ROWS_PER_THEME && (
                    <p className="text-xs text-slate-600">
                      {rows.length - ROWS_PER_THEME} more {theme.title.toLowerCase()} finding{rows.length - ROWS_PER_THEME === 1 ? "" : "s"}{" "}
                      in the dashboard&apos;s findings view and the findings CSV.
                    </p>
                  )}
                </section>
              );
            })}
          </section>
          <Recommendations recs={recs} unlinked={findings.filter((f) => f.architectures.length === 0).length} />
        </>
      )}
      <Method k={report.k} />
    </article>
  );
}

function Summary({ findings, recs, population }: { findings: LinkedFinding[]; recs: Recommendation[]; population: number }) {
  const top = findings.slice(0, 3);
  const byKind = THEMES.map((t) => ({ ...t, n: findings.filter((f) => f.kind === t.kind).length })).filter((t) => t.n > 0);
  const lead = recs[0];
  return (
    <section aria-labelledby="summary-title" className="grid gap-4" data-testid="report-summary">
      <h2 id="summary-title" className="text-2xl font-bold text-brand-900">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Complete responses" value={population.toLocaleString("en")} />
        <Figure label="Supported findings" value={String(findings.length)} />
        <Figure label="Themes" value={String(byKind.length)} />
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
      <p className="text-sm text-slate-700">
        By theme: {byKind.map((t) => `${t.title} ${t.n}`).join(" · ")}. Every finding is a difference between a group and everyone else that
        passed a test at q &lt; 0.05 after correcting for the number of tests; see “Method and caveats”.
      </p>
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

/** The top findings as group-against-others bars, and how many findings point to each architecture. */
function KeyCharts({ findings, recs }: { findings: LinkedFinding[]; recs: Recommendation[] }) {
  const shares = findings.filter((f) => f.unit === "%" && f.othersValue !== null).slice(0, 8);
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
                  <Bar share={f.othersValue ?? 0} label={`Others ${value(f, f.othersValue ?? 0)}`} tone="bg-slate-400" />
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

function Method({ k }: { k: number }) {
  return (
    <section aria-labelledby="method-title" className="grid break-inside-avoid gap-2 text-sm text-slate-800" data-testid="report-method">
      <h2 id="method-title" className="text-2xl font-bold text-brand-900">
        Method and caveats
      </h2>
      <ul className="list-disc grid gap-1 pl-5">
        <li>
          Every segment (an industry, a region, a role, an industry in a region) is compared with everyone else under the same filters, on
          each top-3 concern, the share in production and each readiness dimension.
        </li>
        <li>
          Each test asks whether the difference exceeds a margin (5 points; 3 on readiness), not merely zero. All tests enter one
          Benjamini–Hochberg correction; a finding needs q &lt; 0.05 and a difference of at least 8 points (5 on readiness).
        </li>
        <li>Groups of fewer than {k} respondents, on either side, are never reported; nor are figures that would single them out.</li>
        <li>
          Respondents chose to take the survey: the figures describe them, not every organisation, and are not weighted. Differences are
          associations, not causes.
        </li>
        <li>
          Recommendations come from a rule-based catalogue of architectures, matched to what each finding is about; they are a starting
          point for design, not a verdict.
        </li>
      </ul>
    </section>
  );
}
