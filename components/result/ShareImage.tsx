// The share image's layout, rendered to PNG by next/og (satori: flexbox and inline styles only,
// every element with several children is a flex container). Text stays within the Latin glyphs of
// the bundled font: a missing glyph would make satori fetch a font from the network.
import type { ShareSummary } from "@/lib/survey/results";

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const NAVY = "#172554";
const PALE = "#dbe6fe";
const ACCENT = "#3b6ef6";

export function ShareImage({ summary }: { summary: ShareSummary }) {
  const index = Math.round(summary.readinessIndex);
  const stage = summary.readinessStage;
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 72px",
        background: NAVY,
        color: "white",
        fontSize: 28,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", color: PALE }}>
        <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 34, color: "white" }}>
          <RadarMark size={48} />
          Readiness Radar
        </div>
        <div style={{ display: "flex", fontSize: 26 }}>{`${summary.surveyTitle}, ${summary.waveTitle}`}</div>
      </div>

      <div style={{ display: "flex", alignItems: "flex-end", gap: 64 }}>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ display: "flex", fontSize: 30, color: PALE }}>My AI inference readiness</div>
          <div style={{ display: "flex", alignItems: "baseline", marginTop: 4 }}>
            <span style={{ fontSize: 200, lineHeight: 1, letterSpacing: -6 }}>{String(index)}</span>
            <span style={{ fontSize: 56, color: PALE, marginLeft: 16 }}>/ 100</span>
          </div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", paddingBottom: 24 }}>
          <div style={{ display: "flex", fontSize: 28, color: PALE }}>Stage of readiness</div>
          <div style={{ display: "flex", fontSize: 56, marginTop: 4 }}>{stage.label}</div>
          <StageDots level={stage.level} levels={stage.levels} />
        </div>
      </div>

      <div style={{ display: "flex", flexDirection: "column", borderTop: `2px solid ${ACCENT}`, paddingTop: 24 }}>
        <div style={{ display: "flex", fontSize: 26, color: PALE }}>Recommended inference architecture</div>
        <div style={{ display: "flex", fontSize: 44, marginTop: 4 }}>{summary.architecture?.name ?? "None for this profile"}</div>
      </div>
    </div>
  );
}

function StageDots({ level, levels }: { level: number; levels: number }) {
  return (
    <div style={{ display: "flex", gap: 10, marginTop: 14 }}>
      {Array.from({ length: levels }, (_, i) => (
        <div
          key={i}
          style={{
            width: 44,
            height: 10,
            borderRadius: 5,
            background: i < level ? ACCENT : "rgba(255,255,255,0.22)",
          }}
        />
      ))}
    </div>
  );
}

function RadarMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="white" strokeWidth="2">
      <circle cx="12" cy="12" r="10" opacity="0.35" />
      <circle cx="12" cy="12" r="6" opacity="0.6" />
      <path d="M12 12 L20 6" />
      <circle cx="12" cy="12" r="1.6" fill="white" />
    </svg>
  );
}
