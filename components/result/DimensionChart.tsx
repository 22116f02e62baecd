"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DimensionDatum {
  label: string;
  you: number;
  industry: number | null;
  region: number | null;
}

const COLORS = { you: "#2557e8", industry: "#f59e0b", region: "#10b981" };

export function DimensionChart({ data, industryName, regionName }: { data: DimensionDatum[]; industryName: string; regionName: string }) {
  return (
    <div
      className="h-[420px] w-full"
      role="img"
      aria-label="Bar chart of your readiness per dimension against peer medians; the same numbers are in the table below."
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barCategoryGap="22%">
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={104} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(1) : "hidden")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="you" name="You" fill={COLORS.you} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          <Bar dataKey="industry" name={`${industryName} median`} fill={COLORS.industry} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          <Bar dataKey="region" name={`${regionName} median`} fill={COLORS.region} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
