import type { Overview } from "@/lib/analytics/overview";
import { BarsChart } from "./BarsChart";
import { Panel, Withheld, pct } from "./Panel";
import { ScrollRegion } from "./ScrollRegion";
import { TimelineChart } from "./TimelineChart";

const th = "px-2 py-1 text-left font-medium text-slate-500";
const td = "px-2 py-1 text-right tabular-nums";

function Num({
  value,
  k,
  format = (v: number) => v.toLocaleString("en"),
}: {
  value: number | null;
  k: number;
  format?: (v: number) => string;
}) {
  return value === null ? <Withheld k={k} /> : <>{format(value)}</>;
}

/** The heat scale's ends: at or below LOW the warmest colour, at or above HIGH the coolest. */
const HEAT_LOW = 20;
const HEAT_HIGH = 70;

/** Heat colour for a 0-100 index: low readiness warm, high readiness blue. */
function heat(index: number | null): string {
  if (index === null) return "transparent";
  const t = Math.min(1, Math.max(0, (index - HEAT_LOW) / (HEAT_HIGH - HEAT_LOW)));
  const hue = 20 + t * 200;
  return `hsl(${hue} 70% ${88 - t * 18}%)`;
}

/** The heatmap's key: the colour scale with its values, and the marks for withheld and empty cells. */
function HeatLegend({ k }: { k: number }) {
  const stops = [HEAT_LOW, 30, 40, 50, 60, HEAT_HIGH];
  const gradient = `linear-gradient(to right, ${stops.map((v) => heat(v)).join(", ")})`;
  return (
    <div className="mt-3 flex flex-wrap items-end gap-x-6 gap-y-2 text-xs text-slate-700" data-testid="heatmap-legend">
      <div>
        <p className="mb-1 font-medium">Mean readiness index</p>
        <div aria-hidden="true" className="h-3 w-56 rounded border border-slate-300" style={{ background: gradient }} />
        <div className="flex w-56 justify-between tabular-nums">
          <span>≤{HEAT_LOW}</span>
          <span>{(HEAT_LOW + HEAT_HIGH) / 2}</span>
          <span>≥{HEAT_HIGH}</span>
        </div>
        <p className="sr-only">
          {`Warm (orange) cells have a low index, around ${HEAT_LOW} or below; cool (blue) cells a high one, around ${HEAT_HIGH} or above.`}
        </p>
      </div>
      <p className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block size-3 rounded-sm border border-slate-500 bg-hatch" />
        {`<${k}: withheld (fewer than ${k} respondents, or would reveal them)`}
      </p>
      <p className="flex items-center gap-1.5">
        <span aria-hidden="true" className="font-bold">
          ·
        </span>
        no respondents
      </p>
    </div>
  );
}

/** Why no figures are shown, when the view is not reportable (nothing else is sent then). */
export function NotReportable({ data }: { data: Pick<Overview, "k" | "complete" | "differencing"> }) {
  const { k } = data;
  return (
    <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
      {data.complete === 0
        ? "No complete responses match these filters."
        : data.differencing.length > 0
          ? `Compared with the same view without its ${data.differencing.join(" / ")} filter, these filters would single ` +
            `out fewer than ${k} respondents, so no figures are shown. Choose broader filters.`
          : `Fewer than ${k} complete responses match these filters, so no figures are shown. Widen the filters to see results.`}
    </p>
  );
}

/** Headline counts: complete and partial responses, share in production, top concern. */
export function Kpis({ data }: { data: Pick<Overview, "k" | "complete" | "partial" | "stages" | "concerns"> }) {
  const { k } = data;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Kpi label="Complete responses" value={<Num value={data.complete} k={k} />} testId="kpi-complete" />
      <Kpi label="Partial responses" value={<Num value={data.partial} k={k} />} testId="kpi-partial" />
      <Kpi
        label="In production"
        value={<>{pct(sumShares(data.stages.filter((s) => s.id.endsWith("production")))) ?? <Withheld k={k} />}</>}
        testId="kpi-production"
      />
      <Kpi label="Top concern" value={data.concerns[0]?.label ?? "—"} testId="kpi-top-concern" />
    </div>
  );
}

/** Responses over time. */
export function TimelineSection({ data }: { data: Pick<Overview, "k" | "timeline" | "timelineUnit"> }) {
  const { k } = data;
  return (
    <Panel
      id="timeline"
      title="Responses over time"
      note={`Per ${data.timelineUnit}; partial responses are kept apart from complete ones.`}
      table={
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={th}>{data.timelineUnit === "day" ? "Day" : "Week of"}</th>
              <th className={th}>Complete</th>
              <th className={th}>Partial</th>
            </tr>
          </thead>
          <tbody>
            {data.timeline.map((t) => (
              <tr key={t.bucket} className="border-t border-slate-100">
                <td className="px-2 py-1">{t.bucket}</td>
                <td className={td}>
                  <Num value={t.complete} k={k} />
                </td>
                <td className={td}>
                  <Num value={t.partial} k={k} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <TimelineChart data={data.timeline} k={k} />
    </Panel>
  );
}

/** Readiness index by industry and region. */
export function HeatmapSection({ data }: { data: Pick<Overview, "k" | "heatmap"> }) {
  const { k } = data;
  return (
    <Panel
      id="heatmap"
      title="Readiness index by industry and region"
      note={`Mean readiness (0–100) with respondents per cell. Cells from fewer than ${k} respondents, and cells that would reveal them, are withheld.`}
    >
      <ScrollRegion label="Readiness index by industry and region">
        <table className="w-full min-w-[720px] border-separate border-spacing-0.5 text-xs" data-testid="heatmap">
          <thead>
            <tr>
              <th className={th} scope="col">
                Industry
              </th>
              {data.heatmap.regions.map((r) => (
                <th key={r.id} scope="col" className="px-1 py-1 text-center font-medium text-slate-500">
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.heatmap.industries.map((industry, i) => (
              <tr key={industry.id}>
                <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                  {industry.label}
                </th>
                {data.heatmap.regions.map((region, j) => {
                  const cell = data.heatmap.cells[i]?.[j];
                  return (
                    <td
                      key={region.id}
                      className={`rounded px-1 py-1 text-center ${cell?.n === null ? "bg-hatch" : ""}`}
                      style={cell?.n === null ? undefined : { background: heat(cell?.index ?? null) }}
                      data-cell={`${industry.id}:${region.id}`}
                    >
                      {cell?.n === null ? (
                        <span className="rounded bg-white/90 px-1 font-medium">
                          <Withheld k={k} />
                        </span>
                      ) : cell?.n ? (
                        <>
                          <span className="font-semibold">{Math.round(cell.index ?? 0)}</span>
                          <span className="block text-[10px] text-slate-800">n={cell.n}</span>
                        </>
                      ) : (
                        <span className="text-slate-500">·</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <HeatLegend k={k} />
    </Panel>
  );
}

/** Readiness per dimension against all respondents. */
export function DimensionsSection({ data }: { data: Pick<Overview, "k" | "dimensions"> }) {
  const { k } = data;
  return (
    <Panel
      id="dimensions"
      title="Readiness profile"
      note="Mean per dimension on 0–100 with 95% intervals: these filters against all respondents in the wave."
      table={
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={th}>Dimension</th>
              <th className={th}>Filtered</th>
              <th className={th}>95% CI</th>
              <th className={th}>All</th>
            </tr>
          </thead>
          <tbody>
            {data.dimensions.map((d) => (
              <tr key={d.id} className="border-t border-slate-100">
                <td className="px-2 py-1">{d.label}</td>
                <td className={td}>{d.filtered ? d.filtered.mean.toFixed(1) : <Withheld k={k} />}</td>
                <td className={td}>
                  {d.filtered ? `${d.filtered.lower.toFixed(1)}–${d.filtered.upper.toFixed(1)}${d.filtered.clamped ? " (cut)" : ""}` : ""}
                </td>
                <td className={td}>{d.all ? d.all.mean.toFixed(1) : <Withheld k={k} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarsChart
        k={k}
        label="Readiness per dimension, filtered against all"
        unit=""
        max={100}
        data={data.dimensions.map((d) => ({
          label: d.label,
          filtered: d.filtered?.mean ?? null,
          filteredErr: d.filtered ? [d.filtered.mean - d.filtered.lower, d.filtered.upper - d.filtered.mean] : null,
          all: d.all?.mean ?? null,
        }))}
        series={[
          { key: "filtered", name: "These filters", color: "#2557e8", errorKey: "filteredErr" },
          { key: "all", name: "All respondents", color: "#cbd5e1" },
        ]}
      />
    </Panel>
  );
}

/** AI stage distribution. */
export function StagesSection({ data }: { data: Pick<Overview, "k" | "stages"> }) {
  const { k } = data;
  return (
    <Panel
      id="stages"
      title="AI stage"
      note="Share of respondents at each stage, with 95% Wilson intervals."
      table={<ShareTable rows={data.stages} k={k} />}
    >
      <BarsChart
        k={k}
        label="AI stage distribution"
        max={100}
        data={data.stages.map((s) => ({
          label: s.label,
          share: s.share === null ? null : s.share * 100,
          err: s.interval && s.share !== null ? [(s.share - s.interval.lower) * 100, (s.interval.upper - s.share) * 100] : null,
        }))}
        series={[{ key: "share", name: "Share", color: "#2557e8", errorKey: "err" }]}
      />
    </Panel>
  );
}

/** Concerns ranked by top-3 share. */
export function ConcernsSection({ data }: { data: Pick<Overview, "k" | "concerns"> }) {
  const { k } = data;
  return (
    <Panel
      id="concerns"
      title="Top concerns"
      note="Ranked by the share who put each concern in their top 3; lighter bars: mentioned at all."
      table={
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={th}>Concern</th>
              <th className={th}>Top 3</th>
              <th className={th}>Mentioned</th>
            </tr>
          </thead>
          <tbody>
            {data.concerns.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="px-2 py-1">{c.label}</td>
                <td className={td}>{pct(c.top3Share) ?? <Withheld k={k} />}</td>
                <td className={td}>{pct(c.share) ?? <Withheld k={k} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarsChart
        k={k}
        label="Concerns ranked"
        max={100}
        data={data.concerns.map((c) => ({
          label: c.label,
          top3: c.top3Share === null ? null : c.top3Share * 100,
          any: c.share === null ? null : c.share * 100,
        }))}
        series={[
          { key: "top3", name: "In top 3", color: "#2557e8" },
          { key: "any", name: "Mentioned", color: "#bfdbfe" },
        ]}
      />
    </Panel>
  );
}

/** Inference infrastructure today and planned. */
export function InfrastructureSection({ data }: { data: Pick<Overview, "k" | "infrastructure"> }) {
  const { k } = data;
  return (
    <Panel
      id="infrastructure"
      title="Inference infrastructure: today and planned"
      note="Share of respondents running (or planning to run) inference on each."
      table={
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th className={th}>Infrastructure</th>
              <th className={th}>Today</th>
              <th className={th}>Planned</th>
            </tr>
          </thead>
          <tbody>
            {data.infrastructure.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="px-2 py-1">{r.label}</td>
                <td className={td}>{pct(r.current.share) ?? <Withheld k={k} />}</td>
                <td className={td}>{pct(r.planned.share) ?? <Withheld k={k} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarsChart
        k={k}
        label="Current against planned inference infrastructure"
        max={100}
        data={data.infrastructure.map((r) => ({
          label: r.label,
          current: r.current.share === null ? null : r.current.share * 100,
          planned: r.planned.share === null ? null : r.planned.share * 100,
        }))}
        series={[
          { key: "current", name: "Today", color: "#94a3b8" },
          { key: "planned", name: "Next 18 months", color: "#2557e8" },
        ]}
      />
    </Panel>
  );
}

/** Latency budgets against users' geography. */
export function LatencySection({ data }: { data: Pick<Overview, "k" | "latencyGeography"> }) {
  const { k } = data;
  return (
    <Panel
      id="latency-geography"
      title="Latency budgets against users' geography"
      note="Respondents per combination. Tight budgets with far-flung users are where a single central region hurts most."
    >
      <ScrollRegion label="Latency budgets against users' geography">
        <table className="w-full min-w-[520px] text-sm" data-testid="latency-geography">
          <thead>
            <tr>
              <th className={th} scope="col">
                Latency budget
              </th>
              {data.latencyGeography.geography.map((g) => (
                <th key={g.id} scope="col" className={`${th} text-right`}>
                  {g.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.latencyGeography.latency.map((l, i) => (
              <tr key={l.id} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {l.label}
                </th>
                {data.latencyGeography.geography.map((g, j) => (
                  <td key={g.id} className={td}>
                    <Num value={cellValue(data.latencyGeography.cells[i]?.[j])} k={k} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Panel>
  );
}

/** A missing cell means no respondents; null means withheld and must stay null. */
const cellValue = (value: number | null | undefined) => (value === undefined ? 0 : value);

function sumShares(rows: { share: number | null }[]): number | null {
  if (rows.some((r) => r.share === null)) return null;
  return rows.reduce((s, r) => s + (r.share ?? 0), 0);
}

function Kpi({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-bold text-brand-900" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

function ShareTable({
  rows,
  k,
}: {
  rows: { id: string; label: string; share: number | null; interval: { lower: number; upper: number } | null; n: number | null }[];
  k: number;
}) {
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className={th}>Option</th>
          <th className={th}>n</th>
          <th className={th}>Share</th>
          <th className={th}>95% CI</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <td className="px-2 py-1">{r.label}</td>
            <td className={td}>
              <Num value={r.n} k={k} />
            </td>
            <td className={td}>{pct(r.share, 1) ?? <Withheld k={k} />}</td>
            <td className={td}>{r.interval ? `${pct(r.interval.lower, 1)}–${pct(r.interval.upper, 1)}` : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
