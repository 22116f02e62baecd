// The panels of a wave's public results page (issue 17), in page order: what an admin chooses from
// when publishing, and what the page and its Open Graph preview show.
export const RESULT_PANELS = [
  "readiness_by_segment",
  "readiness_profile",
  "stage",
  "top_concerns",
  "infrastructure",
  "latency_geography",
  "findings",
] as const;
export type ResultPanel = (typeof RESULT_PANELS)[number];

export const PANEL_TITLES: Record<ResultPanel, string> = {
  readiness_by_segment: "Readiness by industry and region",
  readiness_profile: "Readiness profile",
  stage: "Where organizations are",
  top_concerns: "Top concerns",
  infrastructure: "Infrastructure today and planned",
  latency_geography: "Latency budget and users' geography",
  findings: "Findings and recommended architectures",
};

/** The chosen panels in page order, each once. */
export function orderedPanels(panels: readonly ResultPanel[]): ResultPanel[] {
  return RESULT_PANELS.filter((panel) => panels.includes(panel));
}
