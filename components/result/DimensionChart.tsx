// The respondent's rating per readiness dimension against their peers' mean ratings with 95%
// intervals. Peer medians on a 1-5 scale are nearly all 3; means with intervals show where peers
// actually differ and whether the respondent is clearly above or below them. Plain HTML and CSS
// (no chart library, no client JavaScript), so it scales to any width and prints as it looks.
import { useTranslations } from "next-intl";
import type { DimensionRow, PeerMean } from "@/lib/survey/results";

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11, graphical objects). */
export const SERIES = {
  you: { color: "#2557e8", name: "You" },
  industry: { color: "#b45309" },
  region: { color: "#047857" },
} as const;

const position = (rating: number) => `${((rating - 1) / 4) * 100}%`;
/** Axis labels: the first starts at its tick, the last ends at it, the others are centred on it. */
const tickAlign = (i: number, count: number) =>
  i === 0 ? "" : i === count - 1 ? "-translate-x-full text-right" : "-translate-x-1/2 text-center";

interface Props {
  rows: DimensionRow[];
  industryName: string;
  regionName: string;
  /** Labels of the 1-5 scale, e.g. Absent … Leading. */
  scale: readonly string[];
}

export function DimensionChart({ rows, industryName, regionName, scale }: Props) {
  const t = useTranslations("chart");
  const summary = t("summary", { industry: industryName, region: regionName });
  return (
    // Marks are coloured boxes: printing keeps their colours (browsers drop backgrounds otherwise).
    <figure className="mt-4" style={{ printColorAdjust: "exact", WebkitPrintColorAdjust: "exact" }} data-testid="dimension-chart">
      <Legend
        industryName={industryName}
        regionName={regionName}
        shown={{ industry: rows.some((r) => r.industry), region: rows.some((r) => r.region) }}
      />
      {/* The scale runs from 1 on the left to 5 on the right in every language, as its positions are drawn. */}
      <div role="img" aria-label={summary} className="mt-3" dir="ltr">
        {rows.map((row) => (
          <div key={row.questionId} className="grid gap-x-3 border-t border-slate-100 py-1.5 sm:grid-cols-[10rem_1fr] sm:items-center">
            <div aria-hidden="true" className="text-sm font-medium text-slate-700" dir="auto">
              {row.label}
            </div>
            <Track row={row} />
          </div>
        ))}
        <div aria-hidden="true" className="grid gap-x-3 sm:grid-cols-[10rem_1fr]">
          <div className="hidden sm:block" />
          <div className="relative mx-2 h-9 border-t border-slate-300 text-[11px] leading-tight text-slate-600">
            {scale.map((label, i) => (
              <span
                key={label}
                className={`absolute top-1 whitespace-nowrap ${tickAlign(i, scale.length)}`}
                style={{ left: position(i + 1) }}
              >
                {i + 1}
                <span dir="auto" className={i === 0 || i === scale.length - 1 ? "block" : "hidden sm:block"}>
                  {label}
                </span>
              </span>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}

function Legend({
  industryName,
  regionName,
  shown,
}: {
  industryName: string;
  regionName: string;
  shown: { industry: boolean; region: boolean };
}) {
  const t = useTranslations("chart");
  // A group with fewer than k peers has no marks; its legend entry says so rather than sitting empty.
  const entry = (name: string, color: string, visible: boolean) => (
    <li className="flex items-center gap-1.5">
      <Whisker color={visible ? color : "#cbd5e1"} />
      {visible ? t("meanInterval", { group: name }) : t("tooFew", { group: name })}
    </li>
  );
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
      <li className="flex items-center gap-1.5">
        <Diamond />
        {t("you")}
      </li>
      {entry(industryName, SERIES.industry.color, shown.industry)}
      {entry(regionName, SERIES.region.color, shown.region)}
    </ul>
  );
}

/** One dimension: industry peers above, the respondent in the middle, region peers below. */
function Track({ row }: { row: DimensionRow }) {
  return (
    <div aria-hidden="true" className="relative mx-2 h-9">
      {[1, 2, 3, 4, 5].map((tick) => (
        <span key={tick} className="absolute inset-y-0 w-px bg-slate-200" style={{ left: position(tick) }} />
      ))}
      <Interval peer={row.industry} color={SERIES.industry.color} top="18%" />
      <Interval peer={row.region} color={SERIES.region.color} top="82%" />
      <span className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2" style={{ left: position(row.you) }} data-you={row.you}>
        <Diamond />
      </span>
    </div>
  );
}

function Interval({ peer, color, top }: { peer: PeerMean | null; color: string; top: string }) {
  if (!peer) return null;
  return (
    <>
      <span
        className="absolute h-0.5 -translate-y-1/2"
        style={{ top, left: position(peer.lower), width: `${((peer.upper - peer.lower) / 4) * 100}%`, background: color }}
      />
      <span
        className="absolute size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white"
        style={{ top, left: position(peer.mean), background: color }}
      />
    </>
  );
}

function Diamond() {
  return <span className="block size-3 rotate-45 border border-white" style={{ background: SERIES.you.color }} />;
}

function Whisker({ color }: { color: string }) {
  return (
    <span className="relative inline-block h-2.5 w-5">
      <span className="absolute inset-x-0 top-1/2 h-0.5 -translate-y-1/2" style={{ background: color }} />
      <span className="absolute left-1/2 top-1/2 size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full" style={{ background: color }} />
    </span>
  );
}

/** Dimensions where the respondent's rating lies outside the peers' 95% interval. */
export function clearDifferences(rows: DimensionRow[], group: "industry" | "region") {
  const above: string[] = [];
  const below: string[] = [];
  for (const row of rows) {
    const peer = row[group];
    if (!peer) continue;
    if (row.you > peer.upper) above.push(row.label);
    else if (row.you < peer.lower) below.push(row.label);
  }
  return { above, below };
}
