import type { Comparison, ComparisonRow, SideFigure } from "@/lib/analytics/compare";
import { Withheld } from "./Panel";

function figure(side: SideFigure, kind: ComparisonRow["kind"], k: number) {
  if (side.value === null || !side.interval) return <Withheld k={k} />;
  const f = (v: number) => (kind === "proportion" ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  return (
    <>
      <span className="font-medium">{f(side.value)}</span>
      <span className="block text-[11px] text-slate-500">
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

export function CompareView({ data, labelA, labelB }: { data: Comparison; labelA: string; labelB: string }) {
  const { k } = data;
  if (!data.reportable) return <NotComparable data={data} />;
  const significant = data.rows.filter((r) => r.significant);
  const questions = data.questions.filter((x) => x.significant);
  const notes = data.rows.filter((r) => r.note);
  return (
    <div className="grid gap-4">
      <p className="text-sm text-slate-600">
        <strong>A</strong>: {labelA} (n = {data.nA?.toLocaleString("en")}) · <strong>B</strong>: {labelB} (n ={" "}
        {data.nB?.toLocaleString("en")}). Proportions with 95% Wilson intervals; scale means on 0–100 with 95% t intervals, cut at 0 and 100
        where they would run past the scale (marked “cut”). Each row has its own test: two-proportion z per answer option (Fisher&apos;s
        exact test where an expected count is under 5), Welch&apos;s t per scale. Each single-choice question is also tested as a whole
        (chi-square; a Monte Carlo p-value where an expected count is under 5). q-values are Benjamini–Hochberg adjusted across all{" "}
        {data.family.tests} planned tests in one family
        {data.family.stated < data.family.tests
          ? ` (${data.family.tests - data.family.stated} with withheld figures count as p = 1, so the correction does not depend on which cells are small)`
          : ""}
        . Sorted by the size of the difference.
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
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full min-w-[760px] text-sm" data-testid="comparison">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th scope="col" className={th}>
                Question · answer
              </th>
              <th scope="col" className={`${th} text-right`}>
                A
              </th>
              <th scope="col" className={`${th} text-right`}>
                B
              </th>
              <th scope="col" className={`${th} text-right`}>
                A − B
              </th>
              <th scope="col" className={`${th} text-right`}>
                p
              </th>
              <th scope="col" className={`${th} text-right`}>
                q
              </th>
              <th scope="col" className={th}>
                Test
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr
                key={`${row.questionId}:${row.optionId ?? ""}`}
                className={`border-t border-slate-100 ${row.significant ? "bg-amber-50/60" : ""}`}
                data-significant={row.significant || undefined}
                data-row={`${row.questionId}:${row.optionId ?? ""}`}
              >
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {row.kind === "mean" ? (
                    <span className="font-medium">{row.label}</span>
                  ) : (
                    <>
                      <span className="text-slate-500">{row.questionLabel}</span> · <span className="font-medium">{row.label}</span>
                    </>
                  )}
                  {row.significant && row.test && <Flag test={row.test} />}
                </th>
                <td className={num}>{figure(row.a, row.kind, k)}</td>
                <td className={num}>{figure(row.b, row.kind, k)}</td>
                <td className={num}>
                  {row.difference === null
                    ? "—"
                    : `${row.difference > 0 ? "+" : ""}${row.difference.toFixed(1)}${row.kind === "proportion" ? " pts" : ""}`}
                </td>
                <td className={num}>{pFormat(row.p)}</td>
                <td className={num}>{pFormat(row.q)}</td>
                <td className="px-3 py-2 text-xs text-slate-500">
                  {row.test ?? "—"}
                  {row.note && <span className="block text-[11px] text-amber-800">{row.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.questions.length > 0 && (
        <section aria-labelledby="question-tests-title" className="grid gap-2">
          <h2 id="question-tests-title" className="font-semibold text-brand-900">
            Single-choice questions as a whole
          </h2>
          <p className="text-sm text-slate-600">
            Does the distribution of answers differ between A and B? A flag here is about the question, not about any one answer: the rows
            above carry their own tests.
          </p>
          <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
            <table className="w-full min-w-[640px] text-sm" data-testid="question-tests">
              <thead className="bg-slate-50 text-left text-slate-500">
                <tr>
                  <th scope="col" className={th}>
                    Question
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Statistic (df)
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    p
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    q
                  </th>
                  <th scope="col" className={th}>
                    Test
                  </th>
                </tr>
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
          </div>
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
