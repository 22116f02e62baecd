"use client";
// Lines across waves with their 95% intervals as error bars. Withheld or unasked points are null
// and simply not drawn; the table under each chart has every figure and test.
import { CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendLine {
  id: string;
  label: string;
  color: string;
  /** One per wave, in wave order: value with its interval, or null. */
  points: ({ value: number; lower: number; upper: number } | null)[];
}

export function TrendChart({
  waves,
  lines,
  unit,
  max,
  label,
}: {
  waves: string[];
  lines: TrendLine[];
  unit: string;
  max: number;
  label: string;
}) {
  const data = waves.map((wave, i) => {
    const row: Record<string, string | number | null | [number, number]> = { wave };
    lines.forEach((line, j) => {
      const p = line.points[i];
      row[`v${j}`] = p ? p.value : null;
      row[`e${j}`] = p ? [p.value - p.lower, p.upper - p.value] : null;
    });
    return row;
  });
  return (
    <div role="img" aria-label={`${label}. The same numbers, with tests, are in the table below.`} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="wave" tick={{ fontSize: 11 }} padding={{ left: 16, right: 16 }} />
          <YAxis domain={[0, max]} tick={{ fontSize: 11 }} width={40} unit={unit} />
          <Tooltip formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)}${unit}` : String(value))} />
          {lines.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {lines.map((line, j) => (
            <Line
              key={line.id}
              dataKey={`v${j}`}
              name={line.label}
              stroke={line.color}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            >
              <ErrorBar dataKey={`e${j}`} width={4} strokeWidth={1.2} stroke={line.color} direction="y" />
            </Line>
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
