"use client";
// What every dashboard chart shares: readable text colours (WCAG AA on white), an HTML legend, a
// tooltip that says why a figure is withheld, and the hatched "<k" mark drawn in place of a withheld
// (suppressed) figure, so a missing bar never reads as zero.
import { useCallback, useId, useRef, type ReactNode } from "react";
import { Rectangle } from "recharts";

/** slate-700 on white: 10.3:1. Axis ticks and legend text use it (tests/e2e check the ratio). */
export const CHART_TEXT = "#334155";
export const CHART_GRID = "#e2e8f0";
export const TICK = { fontSize: 11, fill: CHART_TEXT } as const;

export interface Series {
  key: string;
  name: string;
  color: string;
  /** Key of a [low, high] error range relative to the value, if any. */
  errorKey?: string;
}

export type ChartRow = Record<string, string | number | boolean | null | [number, number]>;

const withheldKey = (key: string) => `__withheld_${key}`;

/**
 * Replaces each withheld (null) figure with a placeholder length and remembers that it was
 * withheld: the bar is then drawn hatched with "<k" by `withheldShape`, and the tooltip names it.
 */
export function markWithheld(data: ChartRow[], series: Series[], placeholder: number): { rows: ChartRow[]; any: boolean } {
  let any = false;
  const rows = data.map((row) => {
    const out: ChartRow = { ...row };
    for (const s of series) {
      if (row[s.key] === null || row[s.key] === undefined) {
        out[s.key] = placeholder;
        out[withheldKey(s.key)] = true;
        any = true;
      }
    }
    return out;
  });
  return { rows, any };
}

export const isWithheld = (row: unknown, key: string) => Boolean(row && typeof row === "object" && (row as ChartRow)[withheldKey(key)]);

/** A white outline behind the "<k" label keeps it legible on the hatching. */
const HALO = { stroke: "#ffffff", strokeWidth: 3, paintOrder: "stroke" } as const;

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: unknown;
  radius?: number | [number, number, number, number];
}

/** What a focused withheld mark says, shown below its chart (set on focus, cleared on blur). */
export type OnWithheldFocus = (reason: string | null) => void;

/**
 * The bar shape: the usual rectangle, or for a withheld figure a hatched one labelled "<k". A
 * withheld mark can take keyboard focus (Tab): it is named "<category>, <series>: withheld, fewer
 * than k respondents", and the chart shows that reason below itself while it has focus.
 */
export function withheldShape({
  key,
  name,
  k,
  hatchId,
  vertical,
  categoryKey,
  onFocus,
}: {
  key: string;
  name: string;
  k: number;
  hatchId: string;
  vertical: boolean;
  categoryKey: string;
  onFocus: OnWithheldFocus;
}) {
  function Shape(props: ShapeProps) {
    const { x = 0, y = 0, width = 0, height = 0, payload } = props;
    if (!isWithheld(payload, key)) return <Rectangle {...(props as object)} />;
    // A column (timeline) at least tall enough for its label, growing upwards.
    const h = vertical ? height : Math.max(height, 14);
    const top = vertical ? y : y + height - h;
    const category = String((payload as ChartRow)[categoryKey] ?? "");
    const reason = `${category}, ${name}: withheld, fewer than ${k} respondents (not zero)`;
    return (
      <g
        data-withheld={key}
        tabIndex={0}
        role="img"
        aria-label={reason}
        className="withheld-mark outline-none"
        onFocus={() => onFocus(reason)}
        onBlur={() => onFocus(null)}
      >
        <title>{`Withheld: fewer than ${k} respondents`}</title>
        <rect x={x} y={top} width={Math.max(width, 1)} height={h} fill={`url(#${hatchId})`} stroke="#64748b" strokeWidth={1} />
        {vertical ? (
          <text x={x + 4} y={top + h / 2} dominantBaseline="central" fontSize={10} fontWeight={600} fill={CHART_TEXT} {...HALO}>
            {`<${k} withheld`}
          </text>
        ) : (
          width >= 16 && (
            <text
              x={x + width / 2}
              y={top + h / 2}
              dominantBaseline="central"
              textAnchor="middle"
              fontSize={9}
              fontWeight={600}
              fill={CHART_TEXT}
              {...HALO}
            >
              {`<${k}`}
            </text>
          )
        )}
      </g>
    );
  }
  return Shape;
}

/**
 * The reason of the withheld mark that has keyboard focus, below the chart. Written straight into
 * the DOM: re-rendering the chart on focus would remount its marks and drop the focus.
 */
export function useWithheldFocusNote(): { onFocus: OnWithheldFocus; note: ReactNode } {
  const ref = useRef<HTMLParagraphElement>(null);
  const onFocus = useCallback<OnWithheldFocus>((reason) => {
    if (ref.current) ref.current.textContent = reason ?? "";
  }, []);
  const note = (
    <p
      ref={ref}
      aria-live="polite"
      className="min-h-4 text-xs font-medium"
      style={{ color: CHART_TEXT }}
      data-testid="withheld-focus-note"
    />
  );
  return { onFocus, note };
}

/** The hatch pattern, once per chart (its own id), in an invisible SVG beside the chart. */
export function useHatch(): { id: string; defs: ReactNode } {
  const id = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const defs = (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f8fafc" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" strokeWidth="2" />
        </pattern>
      </defs>
    </svg>
  );
  return { id, defs };
}

/** A legend in HTML (recharts' own draws its text in the series colour, 1.4:1 for light series). */
export function ChartLegend({ series, k, withheld }: { series: Series[]; k: number; withheld: boolean }) {
  if (series.length < 2 && !withheld) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs" style={{ color: CHART_TEXT }} data-testid="chart-legend">
      {series.length > 1 &&
        series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm border border-slate-400" style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
      {withheld && (
        <li className="flex items-center gap-1.5" data-legend="withheld">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm border border-slate-500 bg-hatch" />
          {`Withheld: fewer than ${k} respondents (not zero)`}
        </li>
      )}
    </ul>
  );
}

/** The tooltip (hover, or keyboard focus on the chart and arrow keys): each figure, or why it is withheld. */
export function WithheldTooltip({
  active,
  payload,
  label,
  k,
  format,
}: {
  active?: boolean;
  payload?: readonly { dataKey?: unknown; name?: unknown; value?: unknown; payload?: unknown }[];
  label?: unknown;
  k: number;
  format: (value: number) => string;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-xs shadow" style={{ color: CHART_TEXT }} role="status">
      <p className="font-semibold">{String(label ?? "")}</p>
      <ul>
        {payload.map((p) => {
          const key = String(p.dataKey);
          const withheld = isWithheld(p.payload, key);
          return (
            <li key={key} data-tooltip-series={key}>
              {String(p.name)}:{" "}
              {withheld ? `withheld (fewer than ${k} respondents)` : typeof p.value === "number" ? format(p.value) : String(p.value)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
