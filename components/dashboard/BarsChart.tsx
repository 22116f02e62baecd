"use client";
// One bar chart for the dashboard's categorical figures. Withheld (suppressed) values arrive as
// null and are simply not drawn; the table view beside each chart says "fewer than k".
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  name: string;
  color: string;
  /** Key of a [low, high] error range relative to the value, if any. */
  errorKey?: string;
}

export function BarsChart({
  data,
  series,
  categoryKey = "label",
  max,
  unit = "%",
  height,
  label,
}: {
  data: Record<string, string | number | null | [number, number]>[];
  series: Series[];
  categoryKey?: string;
  max?: number;
  unit?: string;
  height?: number;
  label: string;
}) {
  const rows = data.length;
  return (
    <div
      role="img"
      aria-label={`${label}. The same numbers are in the table below.`}
      style={{ height: height ?? Math.max(160, rows * (22 + series.length * 12) + 50) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 20, bottom: 4, left: 4 }} barCategoryGap="20%">
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, max ?? "auto"]} tick={{ fontSize: 11 }} unit={unit} />
          <YAxis type="category" dataKey={categoryKey} width={118} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)}${unit}` : String(value))} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} radius={[0, 3, 3, 0]}>
              {s.errorKey && <ErrorBar dataKey={s.errorKey} width={4} strokeWidth={1.2} stroke="#334155" direction="x" />}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
