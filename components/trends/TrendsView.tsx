// The Trends view: one panel per measure, each a chart across waves and a table with every
// figure, its 95% interval and the test of each wave against the one before (BH-adjusted q).
import { Panel, Withheld } from "@/components/dashboard/Panel";
import type { TrendMeasure, TrendPoint, TrendSeries, TrendStep, Trends } from "@/lib/analytics/trends";
import { TrendChart, type TrendLine } from "./TrendChart";

const COLORS = ["#2557e8", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#5c940d", "#495057"];
const th = "px-2 py-1 text-left font-medium text-slate-500";
const td = "px-2 py-1 text-right tabular-nums whitespace-nowrap";

const scale = (s: TrendSeries) => (s.kind === "proportion" ? 100 : 1);

function Figure({ point, series, k }: { point: TrendPoint; series: TrendSeries; k: number }) {
  if (!point.offered) return <span className="text-slate-500">not asked</span>;
  if (point.value === null || !point.interval) return <Withheld k={k} />;
  const f = scale(series);
  const unit = series.kind === "proportion" ? "%" : "";
  return (
    <>
      <span className="font-medium">
        {(point.value * f).toFixed(1)}
        {unit}
      </span>{" "}
      <span className="text-xs text-slate-600">
        ({(point.interval.lower * f).toFixed(1)}–{(point.interval.upper * f).toFixed(1)}
        {point.clamped ? ", cut" : ""})
      </span>
    </>
  );
}

function Change({ step, series }: { step: TrendStep; series: TrendSeries }) {
  if (step.difference === null || step.q === null) return <span className="text-slate-500">—</span>;
  const unit = series.kind === "proportion" ? " pp" : "";
  const sign = step.difference > 0 ? "+" : "";
  return (
    <span data-significant={step.significant ? "true" : undefined} className={step.significant ? "font-semibold text-brand-900" : ""}>
      {sign}
      {step.difference.toFixed(1)}
      {unit} <span className="text-xs font-normal text-slate-600">{step.q < 0.001 ? "q<0.001" : `q=${step.q.toFixed(3)}`}</span>
      {step.significant && <span className="sr-only"> (significant)</span>}
      {step.significant && <span aria-hidden="true"> *</span>}
    </span>
  );
}

function TrendTable({ data, rows, caption }: { data: Trends; rows: TrendSeries[]; caption: string }) {
  const titles = new Map(data.waves.map((w) => [w.code, w.title]));
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone; positioned, so the sr-only
    // texts in its cells are clipped with it instead of widening the page.
    <div className="relative mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`${caption}: table`}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th className={th} scope="col">
              Measure
            </th>
            {data.waves.map((w) => (
              <th key={w.code} className={th} scope="col">
                {w.title}
              </th>
            ))}
            {rows[0]?.steps.map((s) => (
              <th key={`${s.from}-${s.to}`} className={th} scope="col">
                {titles.get(s.to)} vs {titles.get(s.from)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className="border-t border-slate-100" data-series={s.id}>
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {s.label}
                {!s.shared && <span className="text-xs text-amber-800"> (not in every wave)</span>}
              </th>
              {s.points.map((p) => (
                <td key={p.wave} className={td}>
                  <Figure point={p} series={s} k={data.k} />
                </td>
              ))}
              {s.steps.map((x) => (
                <td key={`${x.from}-${x.to}`} className={td}>
                  <Change step={x} series={s} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const lineOf = (s: TrendSeries, i: number): TrendLine => ({
  id: s.id,
  label: s.label,
  color: COLORS[i % COLORS.length] as string,
  points: s.points.map((p) =>
    p.value === null || !p.interval
      ? null
      : { value: p.value * scale(s), lower: p.interval.lower * scale(s), upper: p.interval.upper * scale(s) },
  ),
});

/** The latest visible value, for ordering options. */
const latestValue = (s: TrendSeries) => [...s.points].reverse().find((p) => p.value !== null)?.value ?? -1;

function MeasurePanel({
  data,
  id,
  title,
  note,
  measures,
  chartTop,
}: {
  data: Trends;
  id: string;
  title: string;
  note: string;
  measures: TrendMeasure[];
  chartTop?: number;
}) {
  const rows = data.series.filter((s) => measures.includes(s.measure));
  if (rows.length === 0) return null;
  const proportion = rows[0]?.kind === "proportion";
  const charted = proportion ? [...rows].sort((a, b) => latestValue(b) - latestValue(a)).slice(0, chartTop ?? 5) : rows.slice(0, 1);
  return (
    <Panel id={id} title={title} note={note}>
      <TrendChart
        waves={data.waves.map((w) => w.title)}
        lines={charted.map(lineOf)}
        unit={proportion ? "%" : ""}
        max={100}
        label={`${title}, wave by wave with 95% intervals`}
      />
      <TrendTable data={data} rows={proportion ? [...rows].sort((a, b) => latestValue(b) - latestValue(a)) : rows} caption={title} />
    </Panel>
  );
}

export function TrendsView({ data }: { data: Trends }) {
  const shown = data.waves.filter((w) => w.reportable);
  return (
    <div className="grid min-w-0 gap-4" data-testid="trends">
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Waves covered">
        {data.waves.map((w) => (
          <li key={w.code} className="rounded-full border border-slate-300 bg-white px-3 py-1" data-wave={w.code}>
            {w.title}: {w.n === null ? <Withheld k={data.k} /> : w.n.toLocaleString("en")} responses
            {w.weighting === "weighted" && w.nEff !== null
              ? ` (n_eff ${w.nEff.toLocaleString("en", { maximumFractionDigits: 1 })}, weighted)`
              : ""}
          </li>
        ))}
      </ul>
      {data.notes.length > 0 && (
        <div
          role="note"
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="trend-notes"
        >
          The waves&apos; questionnaires differ:
          <ul className="mt-1 list-disc pl-5">
            {data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {shown.length < data.waves.length && (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {data.waves.length - shown.length === data.waves.length ? "No wave" : "Some waves"} have at least {data.k} complete responses
          under these filters{shown.length === 0 ? "" : " (the others are withheld)"}; widen the filters to see more.
        </p>
      )}
      <p className="text-sm text-slate-600">
        Each figure has its 95% interval; each wave is tested against the one before (Welch&apos;s t for means, a two-proportion z or
        Fisher&apos;s exact test for shares), and all {data.family.tests} tests are adjusted together (Benjamini-Hochberg; a test whose
        figures are withheld counts with p = 1). * marks q &lt; 0.05.
      </p>
      <MeasurePanel
        data={data}
        id="trend-index"
        title="Readiness index and dimensions"
        note="Means on 0–100. The chart shows the index; the table every dimension."
        measures={["index", "dimension"]}
      />
      <MeasurePanel
        data={data}
        id="trend-production"
        title="Share in production"
        note="Limited or scaled production, share of respondents."
        measures={["production"]}
      />
      <MeasurePanel
        data={data}
        id="trend-concerns"
        title="Top concerns"
        note="Share ranking each concern among their top 3 (chart: the five highest)."
        measures={["top_concern"]}
      />
      <MeasurePanel
        data={data}
        id="trend-infrastructure"
        title="Planned infrastructure"
        note="Where respondents plan to run inference in the next 18 months (share choosing each)."
        measures={["planned_infrastructure"]}
      />
    </div>
  );
}
