// What the findings report says, shared by its two renderings: the printable page
// (components/findings/report/FindingsReport.tsx) and the generated PDF (./report-pdf.ts). Pure.
import type { ViewWeightingInfo } from "@/lib/analytics/overview";
import type { FindingsReport, LinkedFinding } from "./index";

export const REPORT_TITLE = "AI inference readiness: findings";

export const THEMES: { kind: LinkedFinding["kind"]; title: string; intro: string }[] = [
  { kind: "concern", title: "Concerns", intro: "Which groups put a concern in their top three more (or less) often than everyone else." },
  { kind: "stage", title: "AI stage", intro: "Which groups run AI in production more (or less) often than everyone else." },
  { kind: "readiness", title: "Readiness gaps", intro: "Where a group's readiness (0–100) differs from everyone else's." },
  { kind: "mismatch", title: "Infrastructure against needs", intro: "Where plans and requirements pull in different directions." },
];
/** Rows per theme in the report; the rest are in the dashboard and the findings CSV. */
export const ROWS_PER_THEME = 8;
/** Bars in the key chart of shares. */
export const CHART_ROWS = 8;

/** A finding's figure: "42%" for shares, "61.3" for readiness points. */
export const formatValue = (f: LinkedFinding, v: number) => (f.unit === "%" ? `${(v * 100).toFixed(0)}%` : v.toFixed(1));
/** "+12 pts", "−3.4"; "—" when withheld. */
export const formatDifference = (f: LinkedFinding) =>
  f.difference === null
    ? "—"
    : `${f.difference > 0 ? "+" : "−"}${Math.abs(f.difference).toFixed(f.unit === "%" ? 0 : 1)}${f.unit === "%" ? " pts" : ""}`;
export const formatQ = (q: number) => (q < 0.001 ? "< 0.001" : q.toFixed(3));
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Running AI in production" → "running AI in production" (acronyms kept). */
export const uncapitalize = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

export interface Recommendation {
  id: string;
  name: string;
  reasons: string[];
  tradeoff: string;
  /** The findings (1-based numbers in report order) whose first recommendation it is. */
  findings: number[];
}

/** Each architecture once: the findings (by number) whose first recommendation it is, most supported first. */
export function recommendations(findings: LinkedFinding[]): Recommendation[] {
  const byId = new Map<string, Recommendation>();
  findings.forEach((f, i) => {
    const a = f.architectures[0];
    if (!a) return;
    const r = byId.get(a.id) ?? { id: a.id, name: a.name, reasons: [], tradeoff: a.tradeoff, findings: [] };
    // One example of why, from its strongest finding (the reasons cite that finding's figures).
    if (r.reasons.length === 0 && a.reasons[0]) r.reasons.push(a.reasons[0]);
    r.findings.push(i + 1);
    byId.set(a.id, r);
  });
  return [...byId.values()].sort((x, y) => y.findings.length - x.findings.length || x.name.localeCompare(y.name));
}

/** The findings of each theme that has any, in report order. */
export function findingsByTheme(findings: LinkedFinding[]) {
  return THEMES.map((theme) => ({ ...theme, findings: findings.filter((f) => f.kind === theme.kind) })).filter(
    (theme) => theme.findings.length > 0,
  );
}

/** "18 more concerns findings in …": what a theme table leaves out, or null when it shows them all. */
export function moreFindingsNote(theme: { title: string }, total: number): string | null {
  const more = total - ROWS_PER_THEME;
  if (more <= 0) return null;
  return `${more} more ${uncapitalize(theme.title)} finding${more === 1 ? "" : "s"} in the dashboard's findings view and the findings CSV.`;
}

/** The share findings drawn in the key chart: the group against everyone else (withheld figures included). */
export const chartedShares = (findings: LinkedFinding[]) => findings.filter((f) => f.unit === "%").slice(0, CHART_ROWS);

/** Why a report states no findings, or null when it does. */
export function emptyReportNote(report: FindingsReport): string | null {
  if (!report.reportable) {
    return `Too few respondents match these filters (fewer than ${report.k}, or a broader view would single them out), so no findings are stated.`;
  }
  if (report.findings.length === 0) {
    return "No statistically supported findings for these filters: no difference passed q < 0.05 with a meaningful size.";
  }
  return null;
}

/** The summary's closing sentence on themes and the test behind every finding. */
export function themeSummary(findings: LinkedFinding[]): string {
  const themes = findingsByTheme(findings).map((t) => `${t.title} ${t.findings.length}`);
  return (
    `By theme: ${themes.join(" · ")}. Every finding is a difference between a group and everyone else that passed a test at ` +
    "q < 0.05 after correcting for the number of tests; see “Method and caveats”."
  );
}

const count = (v: number) => v.toLocaleString("en", { maximumFractionDigits: 0 });

/** The line saying whether the report's figures are weighted, with n and Kish's n_eff. */
export function weightingNote(info: ViewWeightingInfo): string {
  const size =
    info.n === null
      ? ""
      : ` n = ${count(info.n)}${info.state === "weighted" && info.nEff !== null ? `, n_eff = ${count(info.nEff)}` : ""}.`;
  const why: Record<ViewWeightingInfo["state"], string> = {
    weighted: "Weighted: shares, means, intervals and tests are weighted to the wave's population targets (counts stay unweighted).",
    switched_off: "Unweighted figures, as chosen; the wave has population targets.",
    no_targets: "Unweighted: this wave has no population targets.",
    raking_failed: "Unweighted: raking to the wave's population targets did not converge.",
    protected: "Unweighted: protected figures are never weighted.",
    across_waves: "Unweighted: a comparison across waves is not weighted.",
  };
  return `${why[info.state]}${size}`;
}

/** The method and caveats, one bullet each (`weighted`: the figures are weighted to population targets). */
export function methodNotes(k: number, weighted = false): string[] {
  return [
    "Every segment (an industry, a region, a role, an industry in a region) is compared with everyone else under the same filters, on " +
      "each top-3 concern, the share in production and each readiness dimension.",
    "Each test asks whether the difference exceeds a margin (5 points; 3 on readiness), not merely zero. All tests enter one " +
      "Benjamini–Hochberg correction; a finding needs q < 0.05 and a difference of at least 8 points (5 on readiness).",
    `Groups of fewer than ${k} respondents, on either side, are never reported; nor are figures that would single them out ` +
      `(shown as “<${k}”).`,
    weighted
      ? "Respondents chose to take the survey. Shares, means, intervals and tests are weighted (raked) to the wave's population " +
        "targets for industry, region, company size and role, with design-based estimators (logit intervals for shares, normal for " +
        "means, a design-based t for differences); weighting corrects that mix only. Counts, n and the k rule are unweighted; " +
        "n_eff is Kish's effective sample size. Differences are associations, not causes."
      : "Respondents chose to take the survey: the figures describe them, not every organisation, and are not weighted. Differences " +
        "are associations, not causes.",
    "Recommendations come from a rule-based catalogue of architectures, matched to what each finding is about; they are a starting " +
      "point for design, not a verdict.",
  ];
}
