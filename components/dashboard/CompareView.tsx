import type { Comparison, ComparisonRow, SideFigure } from "@/lib/analytics/compare";
import { DifferenceChart, DifferenceKey, differenceDomain } from "./DifferenceChart";
import { ExpandAll } from "./ExpandAll";
import { Withheld } from "./Panel";
import { ScrollRegion } from "./ScrollRegion";

function figure(side: SideFigure, kind: ComparisonRow["kind"], k: number) {
  if (side.value === null || !side.interval) return <Withheld k={k} />;
  const f = (v: number) => (kind === "proportion" ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  return (
    <>
      <span className="font-medium">{f(side.value)}</span>
      <span className="block text-[11px] text-slate-600">
        {f(side.interval.lower)}–{f(side.interval.upper)}
        {side.clamped && (
          <span title="The t interval ran past the end of the 0–100 scale and is cut there" data-clamped>
            {" "}
            (cut)
          </span>
        )}
      </span>
    </>
  );
}

const pFormat = (p: number | null) => (p === null ? "—" : p < 0.001 ? "<0.001" : p.toFixed(3));

function Flag({ test }: { test: string }) {
  return (
    <span
      className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900"
      title={`q < 0.05 in its own ${test} test`}
    >
      significant ({test})
    </span>
  );
}

function NotComparable({ data }: { data: Comparison }) {
  const { k } = data;
  return (
    <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
      {data.problem ? (
        <span data-testid="comparison-problem">{data.problem}</span>
      ) : (
        <>
          {data.nA === null ? `Segment A has fewer than ${k} complete responses.` : ""}{" "}
          {data.nB === null ? `Segment B has fewer than ${k} complete responses.` : ""}{" "}
          {data.differencing.length > 0
            ? `Its ${data.differencing.join(" / ")} filter would single out fewer than ${k} respondents against a broader view.`
            : ""}{" "}
          Widen the filters to compare.
        </>
      )}
    </p>
  );
}

const th = "px-3 py-2 font-medium";
const num = "px-3 py-2 text-right tabular-nums";

/** A table's header row: each column a label, right-aligned when its figures are numbers. */
function HeaderRow({ columns }: { columns: (string | { label: string; numeric: true })[] }) {
  return (
    <tr>
      {columns.map((column) => {
        const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
        return (
          <th key={label} scope="col" className={numeric ? `${th} text-right` : th}>
            {label}
          </th>
        );
      })}
    </tr>
  );
}

/** One question's rows: A, B, A − B with its interval, p, q and the test. */
function GroupTable({ rows, k }: { rows: ComparisonRow[]; k: number }) {
  return (
    <table className="w-full min-w-[720px] table-fixed text-sm">
      <colgroup>
        <col className="w-[28%]" />
        <col className="w-[12%]" />
        <col className="w-[12%]" />
        <col className="w-[16%]" />
        <col className="w-[8%]" />
        <col className="w-[8%]" />
        <col className="w-[16%]" />
      </colgroup>
      <thead className="bg-slate-50 text-left text-slate-600">
        <HeaderRow
          columns={[
            "Answer",
            { label: "A", numeric: true },
            { label: "B", numeric: true },
            { label: "A − B", numeric: true },
            { label: "p", numeric: true },
            { label: "q", numeric: true },
            "Test",
          ]}
        />
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.questionId}:${row.optionId ?? ""}`}
            className={`border-t border-slate-100 ${row.significant ? "bg-amber-50/60" : ""}`}
            data-significant={row.significant || undefined}
            data-row={`${row.questionId}:${row.optionId ?? ""}`}
          >
            <th scope="row" className="px-3 py-2 text-left font-normal">
              <span className="font-medium">{row.label}</span>
              {row.significant && row.test && <Flag test={row.test} />}
            </th>
            <td className={num}>{figure(row.a, row.kind, k)}</td>
            <td className={num}>{figure(row.b, row.kind, k)}</td>
            <td className={num}>
              {row.difference === null ? (
                "—"
              ) : (
                <>
                  {`${row.difference > 0 ? "+" : ""}${row.difference.toFixed(1)}${row.kind === "proportion" ? " pts" : ""}`}
                  {row.differenceInterval && (
                    <span className="block text-[11px] text-slate-600">
                      {row.differenceInterval.lower.toFixed(1)} to {row.differenceInterval.upper.toFixed(1)}
                    </span>
                  )}
                </>
              )}
            </td>
            <td className={num}>{pFormat(row.p)}</td>
            <td className={num}>{pFormat(row.q)}</td>
            <td className="px-3 py-2 text-xs text-slate-600">
              {row.test ?? "—"}
              {row.note && <span className="block text-[11px] text-amber-800">{row.note}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The chart's overview: every significant row, then the largest other differences, up to 15 rows (at least 8). */
function overviewRows(rows: ComparisonRow[]): ComparisonRow[] {
  const visible = rows.filter((r) => r.difference !== null);
  const significant = visible.filter((r) => r.significant).slice(0, 15);
  const others = visible.filter((r) => !r.significant).slice(0, Math.max(0, Math.max(8, significant.length) - significant.length));
  return [...significant, ...others].sort((x, y) => (y.difference ?? 0) - (x.difference ?? 0));
}

interface Group {
  questionId: string;
  label: string;
  rows: ComparisonRow[];
  significant: number;
  largest: number;
}

/** Rows by question: questions with significant rows first, then by their largest difference. */
function groupByQuestion(rows: ComparisonRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const g = groups.get(row.questionId) ?? { questionId: row.questionId, label: row.questionLabel, rows: [], significant: 0, largest: 0 };
    g.rows.push(row);
    if (row.significant) g.significant += 1;
    g.largest = Math.max(g.largest, Math.abs(row.difference ?? 0));
    groups.set(row.questionId, g);
  }
  return [...groups.values()].sort((x, y) => y.significant - x.significant || y.largest - x.largest);
}

export function CompareView({ data, labelA, labelB }: { data: Comparison; labelA: string; labelB: string }) {
  const { k } = data;
  if (!data.reportable) return <NotComparable data={data} />;
  const significant = data.rows.filter((r) => r.significant);
  const questions = data.questions.filter((x) => x.significant);
  const notes = data.rows.filter((r) => r.note);
  const domain = differenceDomain(data.rows);
  const overview = overviewRows(data.rows);
  const groups = groupByQuestion(data.rows);
  const wholeTest = new Map(data.questions.map((x) => [x.questionId, x]));
  const longLabel = (row: ComparisonRow) => (row.kind === "mean" ? row.label : `${row.questionLabel} · ${row.label}`);
  return (
    <div className="grid gap-4">
      <p className="text-sm text-slate-700">
        <strong>A</strong>: {labelA} (n = {data.nA?.toLocaleString("en")}
        {data.weighting.state === "weighted" && data.nEffA !== null
          ? `, n_eff = ${data.nEffA.toLocaleString("en", { maximumFractionDigits: 1 })}`
          : ""}
        ) · <strong>B</strong>: {labelB} (n = {data.nB?.toLocaleString("en")}
        {data.weighting.state === "weighted" && data.nEffB !== null
          ? `, n_eff = ${data.nEffB.toLocaleString("en", { maximumFractionDigits: 1 })}`
          : ""}
        ).
      </p>
      <p className="font-medium text-brand-900" data-testid="significant-count">
        {significant.length} significant difference{significant.length === 1 ? "" : "s"} at q &lt; 0.05
        {data.questions.length > 0 && (
          <span className="font-normal text-slate-600">
            {" "}
            · {questions.length} of {data.questions.length} single-choice questions differ as a whole
          </span>
        )}
      </p>
      <section aria-labelledby="difference-chart-title" className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <div>
          <h2 id="difference-chart-title" className="font-semibold text-brand-900">
            A − B: {significant.length > 0 ? "the significant differences and the largest others" : "the largest differences"}
          </h2>
          <p className="text-sm text-slate-600">
            Each dot is A minus B with its 95% interval; every row is in the groups below, by question.
          </p>
        </div>
        <DifferenceChart
          rows={overview}
          k={k}
          domain={domain}
          labelOf={longLabel}
          caption="A minus B, largest differences"
          testId="difference-chart"
        />
        <DifferenceKey k={k} />
      </section>
      <details className="rounded-2xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-brand-700">How the figures are tested</summary>
        <p className="mt-2">
          Proportions with 95% Wilson intervals; scale means on 0–100 with 95% t intervals, cut at 0 and 100 where they would run past the
          scale (marked “cut”). Differences: Newcombe&apos;s interval for proportions, Welch&apos;s for means. Each row has its own test:
          two-proportion z per answer option (Fisher&apos;s exact test where an expected count is under 5), Welch&apos;s t per scale. Each
          single-choice question is also tested as a whole (chi-square; a Monte Carlo p-value where an expected count is under 5). q-values
          are Benjamini–Hochberg adjusted across all {data.family.tests} planned tests in one family
          {data.family.stated < data.family.tests
            ? ` (${data.family.tests - data.family.stated} with withheld figures count as p = 1, so the correction does not depend on which cells are small)`
            : ""}
          .
        </p>
      </details>
      <section aria-labelledby="by-question-title" className="grid gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="by-question-title" className="font-semibold text-brand-900">
            By question
          </h2>
          <ExpandAll target="comparison-groups" />
        </div>
        <div id="comparison-groups" className="grid gap-2" data-testid="comparison">
          {groups.map((g) => {
            const whole = wholeTest.get(g.questionId);
            return (
              <details key={g.questionId} data-group={g.questionId} className="group rounded-2xl border border-slate-200 bg-white">
                <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
                  <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  <span className="font-medium text-brand-900">{g.label}</span>
                  <span className="text-xs text-slate-600">
                    {g.rows.length} row{g.rows.length === 1 ? "" : "s"}
                    {g.significant > 0 ? ` · ${g.significant} significant` : ""}
                    {whole?.significant ? " · differs as a whole" : ""}
                  </span>
                </summary>
                <div className="grid gap-3 border-t border-slate-100 px-4 py-3">
                  <DifferenceChart rows={g.rows} k={k} domain={domain} labelOf={(row) => row.label} caption={`A minus B for ${g.label}`} />
                  <ScrollRegion label={`${g.label}: figures`} className="rounded-xl border border-slate-200">
                    <GroupTable rows={g.rows} k={k} />
                  </ScrollRegion>
                </div>
              </details>
            );
          })}
        </div>
      </section>
      {data.questions.length > 0 && (
        <section aria-labelledby="question-tests-title" className="grid gap-2">
          <h2 id="question-tests-title" className="font-semibold text-brand-900">
            Single-choice questions as a whole
          </h2>
          <p className="text-sm text-slate-600">
            Does the distribution of answers differ between A and B? A flag here is about the question, not about any one answer: the rows
            above carry their own tests.
          </p>
          <ScrollRegion label="Single-choice questions as a whole" className="rounded-2xl border border-slate-200 bg-white">
            <table className="w-full min-w-[640px] text-sm" data-testid="question-tests">
              <thead className="bg-slate-50 text-left text-slate-500">
                <HeaderRow
                  columns={[
                    "Question",
                    { label: "Statistic (df)", numeric: true },
                    { label: "p", numeric: true },
                    { label: "q", numeric: true },
                    "Test",
                  ]}
                />
              </thead>
              <tbody>
                {data.questions.map((x) => (
                  <tr
                    key={x.questionId}
                    className={`border-t border-slate-100 ${x.significant ? "bg-amber-50/60" : ""}`}
                    data-question={x.questionId}
                    data-significant={x.significant || undefined}
                  >
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="font-medium">{x.questionLabel}</span>
                      {x.significant && x.test && <Flag test={x.test} />}
                    </th>
                    <td className={num}>{x.statistic === null ? "—" : `${x.statistic.toFixed(2)} (${x.df})`}</td>
                    <td className={num}>{pFormat(x.p)}</td>
                    <td className={num}>{pFormat(x.q)}</td>
                    <td className="px-3 py-2 text-xs text-slate-500">
                      {x.test ?? "—"}
                      {x.note && <span className="block text-[11px] text-amber-800">{x.note}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
      {notes.length > 0 && (
        <p className="text-xs text-slate-500" data-testid="comparison-notes">
          {notes.length} row{notes.length === 1 ? "" : "s"} use{notes.length === 1 ? "s" : ""} another test or a cut interval; the Test
          column says why.
        </p>
      )}
    </div>
  );
}
