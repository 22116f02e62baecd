"use client";
// Responses per day or week, complete and partial stacked. A withheld count (1..k-1) is drawn as a
// hatched column of height k, its upper bound, labelled "<k".
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  CHART_GRID,
  ChartLegend,
  TICK,
  useWithheldFocusNote,
  WithheldTooltip,
  markWithheld,
  useHatch,
  withheldShape,
  type Series,
} from "./chart-kit";

const SERIES: Series[] = [
  { key: "complete", name: "Complete", color: "#2557e8" },
  { key: "partial", name: "Partial", color: "#93c5fd" },
];

export function TimelineChart({ data, k }: { data: { bucket: string; complete: number | null; partial: number | null }[]; k: number }) {
  const hatch = useHatch();
  const focusNote = useWithheldFocusNote();
  // One shape component per series for the chart's lifetime: a new one each render would remount
  // the marks, and a focused mark would lose focus.
  const shapes = useMemo(
    () =>
      Object.fromEntries(
        SERIES.map((s) => [
          s.key,
          withheldShape({
            key: s.key,
            name: s.name,
            k,
            hatchId: hatch.id,
            vertical: false,
            categoryKey: "bucket",
            onFocus: focusNote.onFocus,
          }),
        ]),
      ),
    [k, hatch.id, focusNote.onFocus],
  );
  const { rows, any } = markWithheld(data, SERIES, k);
  return (
    <figure
      aria-label="Responses over time, complete and partial. The same numbers are in the table below."
      className="relative m-0"
      data-chart="timeline"
    >
      {hatch.defs}
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={CHART_GRID} />
            <XAxis dataKey="bucket" tick={TICK} minTickGap={16} />
            <YAxis tick={TICK} width={44} allowDecimals={false} />
            <Tooltip
              content={(p) => (
                <WithheldTooltip active={p.active} payload={p.payload} label={p.label} k={k} format={(v) => v.toLocaleString("en")} />
              )}
            />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="s" fill={s.color} isAnimationActive={false} shape={shapes[s.key]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {focusNote.note}
      <ChartLegend series={SERIES} k={k} withheld={any} />
    </figure>
  );
}
