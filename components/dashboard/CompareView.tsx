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
      </span>
    </>
  );
}

const pFormat = (p: number | null) => (p === null ? "—" : p < 0.001 ? "<0.001" : p.toFixed(3));

export function CompareView({ data, labelA, labelB }: { data: Comparison; labelA: string; labelB: string }) {
  const { k } = data;
  if (!data.reportable) {
    return (
      <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
        {data.nA === null ? `Segment A has fewer than ${k} complete responses.` : ""}{" "}
        {data.nB === null ? `Segment B has fewer than ${k} complete responses.` : ""}{" "}
        {data.differencing.length > 0
          ? `Its ${data.differencing.join(" / ")} filter would single out fewer than ${k} respondents against a broader view.`
          : ""}{" "}
        Widen the filters to compare.
      </p>
    );
  }
  const significant = data.rows.filter((r) => r.significant);
  return (
    <div className="grid gap-4">
      <p className="text-sm text-slate-600">
        <strong>A</strong>: {labelA} (n = {data.nA?.toLocaleString("en")}) · <strong>B</strong>: {labelB} (n ={" "}
        {data.nB?.toLocaleString("en")}). Proportions with 95% Wilson intervals, scale means on 0–100 with 95% t intervals. Tests:
        chi-square per single-choice question, two-proportion z per option of multi-selects, Welch&apos;s t per scale; q-values are
        Benjamini–Hochberg adjusted across all tests shown. Sorted by the size of the difference.
      </p>
      <p className="font-medium text-brand-900" data-testid="significant-count">
        {significant.length} significant difference{significant.length === 1 ? "" : "s"} at q &lt; 0.05
      </p>
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full min-w-[760px] text-sm" data-testid="comparison">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Question · answer
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                A
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                B
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                A − B
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                p
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                q
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
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
              >
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {row.kind === "mean" ? (
                    <span className="font-medium">{row.label}</span>
                  ) : (
                    <>
                      <span className="text-slate-500">{row.questionLabel}</span> · <span className="font-medium">{row.label}</span>
                    </>
                  )}
                  {row.significant && (
                    <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">significant</span>
                  )}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{figure(row.a, row.kind, k)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{figure(row.b, row.kind, k)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {row.difference === null
                    ? "—"
                    : `${row.difference > 0 ? "+" : ""}${row.difference.toFixed(1)}${row.kind === "proportion" ? " pts" : ""}`}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{pFormat(row.p)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{pFormat(row.q)}</td>
                <td className="px-3 py-2 text-xs text-slate-500">{row.test}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
