// The wave's weight report in brief: whether figures are weighted (or why not), n, Kish's n_eff,
// design effect and efficiency, the convergence and the weights' range.
import type { WeightReport } from "@/lib/weighting/schemas";

const STATUS: Record<WeightReport["status"], { text: string; badge: string }> = {
  weighted: { text: "Weighted", badge: "bg-green-100 text-green-900" },
  unweighted: { text: "Unweighted (no targets)", badge: "bg-slate-200 text-slate-700" },
  failed: { text: "Unweighted (raking failed)", badge: "bg-red-100 text-red-900" },
};

const num = (v: number | null, digits = 2) => (v === null ? "—" : v.toFixed(digits));

export function WeightReportSummary({ report }: { report: WeightReport }) {
  const { weights, raking } = report;
  const items: [string, string][] = [
    ["Complete responses (n)", weights.n.toLocaleString("en")],
    ["Effective n (n_eff)", num(weights.nEff, 1)],
    ["Design effect", num(weights.designEffect)],
    ["Efficiency", weights.efficiency === null ? "—" : `${(weights.efficiency * 100).toFixed(1)}%`],
    ["Weights (min – max)", `${num(weights.distribution.min)} – ${num(weights.distribution.max)}`],
  ];
  if (raking) items.push(["Raking", raking.converged ? `converged in ${raking.iterations} iterations` : "did not converge"]);
  return (
    <section
      className="grid gap-2 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4"
      data-testid="weight-report"
      aria-labelledby="report-heading"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="report-heading" className="font-semibold text-brand-900">
          Weight report
        </h2>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS[report.status].badge}`} data-testid="weighting-status">
          {STATUS[report.status].text}
        </span>
      </div>
      {raking?.problem && (
        <p className="text-sm text-red-800" data-testid="raking-problem">
          {raking.problem.message}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        {items.map(([term, value]) => (
          <div key={term}>
            <dt className="text-slate-500">{term}</dt>
            <dd data-testid={`report-${term.replace(/\W+/g, "-").toLowerCase()}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
