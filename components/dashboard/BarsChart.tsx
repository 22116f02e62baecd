"use client";
// One bar chart for the dashboard's figures. A withheld (suppressed) value arrives as null and is
// drawn as a hatched bar labelled "<k" across the whole track (its value is unknown, not zero); the
// tooltip (hover, or focus the chart and use the arrow keys) and the legend say why.
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  CHART_GRID,
  ChartLegend,
  TICK,
  useWithheldFocusNote,
  WithheldTooltip,
  markWithheld,
  useHatch,
  withheldShape,
  type ChartRow,
  type Series,
} from "./chart-kit";

export type { Series } from "./chart-kit";

export function BarsChart({
  data,
  series,
  categoryKey = "label",
  max,
  unit = "%",
  height,
  label,
  k,
}: {
  data: ChartRow[];
  series: Series[];
  categoryKey?: string;
  max?: number;
  unit?: string;
  height?: number;
  label: string;
  /** The suppression threshold: withheld figures are "fewer than k". */
  k: number;
}) {
  const hatch = useHatch();
  const focusNote = useWithheldFocusNote();
  // One shape component per series for the chart's lifetime: a new one each render would remount
  // the marks, and a focused mark would lose focus.
  const shapes = useMemo(
    () =>
      Object.fromEntries(
        series.map((s) => [
          s.key,
          withheldShape({
            key: s.key,
            name: s.name,
            k,
            hatchId: hatch.id,
            vertical: true,
            categoryKey: categoryKey,
            onFocus: focusNote.onFocus,
          }),
        ]),
      ),
    [series, k, hatch.id, categoryKey, focusNote.onFocus],
  );
  const known = data.flatMap((row) => series.map((s) => row[s.key]).filter((v): v is number => typeof v === "number"));
  const track = max ?? Math.max(1, ...known);
  const { rows, any } = markWithheld(data, series, track);
  const format = (value: number) => `${value.toFixed(1)}${unit}`;
  return (
    <figure aria-label={`${label}. The same numbers are in the table below.`} className="relative m-0" data-chart={label}>
      {hatch.defs}
      <div style={{ height: height ?? Math.max(160, rows.length * (22 + series.length * 12) + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 20, bottom: 4, left: 4 }}
            barCategoryGap="20%"
          >
            <CartesianGrid horizontal={false} stroke={CHART_GRID} />
            <XAxis type="number" domain={[0, track]} tick={TICK} unit={unit} />
            <YAxis type="category" dataKey={categoryKey} width={118} tick={TICK} />
            <Tooltip content={(p) => <WithheldTooltip active={p.active} payload={p.payload} label={p.label} k={k} format={format} />} />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                isAnimationActive={false}
                radius={[0, 3, 3, 0]}
                shape={shapes[s.key]}
              >
                {s.errorKey && <ErrorBar dataKey={s.errorKey} width={4} strokeWidth={1.2} stroke="#334155" direction="x" />}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {focusNote.note}
      <ChartLegend series={series} k={k} withheld={any} />
    </figure>
  );
}
