// The findings PDF's drawing rules on reports built to hit them: withheld figures read "<k" and
// never 0, text the embedded font cannot draw is replaced rather than lost, long unbroken words
// and many findings paginate without running off the page, and an empty report says why.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import type { FindingsReport, LinkedFinding } from "@/lib/findings";
import { renderFindingsPdf, type ReportMeta } from "@/lib/findings/report-pdf";
import { chartedShares, recommendations } from "@/lib/findings/report";

const work = mkdtempSync(path.join(tmpdir(), "rr-pdf-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** An unweighted report's weighting (a wave without targets): n and n_eff are the population. */
const unweighted = (population: number): FindingsReport["weighting"] => ({
  state: "no_targets",
  available: false,
  n: population,
  nEff: population,
});
const META: ReportMeta = { waveCode: "2026-Q4", waveTitle: "Q4 2026", population: "everyone", generated: "2026-12-01" };

function finding(i: number, over: Partial<LinkedFinding> = {}): LinkedFinding {
  const kinds: LinkedFinding["kind"][] = ["concern", "stage", "readiness", "mismatch"];
  const kind = over.kind ?? kinds[i % kinds.length]!;
  const unit = kind === "readiness" ? "points" : "%";
  return {
    id: `f${i}`,
    kind,
    subject: "privacy_sovereignty",
    segment: { industry: null, region: "western_europe", role: null, label: `Segment ${i}` },
    measure: `Measure ${i}`,
    unit,
    segmentValue: unit === "%" ? 0.55 : 61.2,
    othersValue: unit === "%" ? 0.2 : 48.4,
    interval: { lower: 0.5, upper: 0.6 },
    difference: unit === "%" ? 35 : 12.8,
    p: 1e-6,
    q: 1e-5,
    n: 230,
    othersN: 1148,
    nEff: null,
    othersNEff: null,
    score: 1000 - i,
    headline: `Headline number ${i}: respondents in segment ${i} differ from others (55% vs 20%, +35 points, q < 0.001, n = 230).`,
    evidenceUrl: "/dashboard/compare?a_region=western_europe&b=rest",
    architectureBasis: "subject",
    architectures: [
      {
        id: i % 2 ? "regional_cloud" : "sovereign_onprem",
        name: i % 2 ? "Regional cloud inference" : "On-premises / sovereign inference",
        reasons: [`Reason for finding ${i}.`],
        tradeoff: i % 2 ? "Regional trade-off sentence." : "Sovereign trade-off sentence.",
      },
    ],
    architectureNote: null,
    ...over,
  } as LinkedFinding;
}

/** The text (whitespace collapsed), and with -layout (each drawn line as placed: a bar's label and figure together). */
async function render(report: FindingsReport, name: string): Promise<{ text: string; layout: string; pages: number }> {
  const bytes = await renderFindingsPdf(report, META);
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  const read = (...options: string[]) =>
    execFileSync("pdftotext", [...options, "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  return { text: read(), layout: read("-layout"), pages };
}

describe("renderFindingsPdf", () => {
  it("marks a withheld figure <k in the chart and the tables, never as 0", async () => {
    const withheld = finding(0, { othersValue: null, difference: null, headline: "Withheld others headline." });
    const report: FindingsReport = {
      k: 5,
      weighting: unweighted(1378),
      reportable: true,
      population: 1378,
      findings: [withheld, finding(1), finding(2), finding(3)],
    };
    expect(chartedShares(report.findings)).toContain(withheld);
    const { text, layout } = await render(report, "withheld");
    expect(text).toContain("55% vs <5");
    expect(layout).toContain("Everyone else <5");
    expect(layout).toContain("Everyone else 20%");
    expect(layout).not.toContain("Everyone else 0%");
    expect(text).toContain("it is not zero");
  });

  it("replaces characters the embedded font lacks, keeps the rest, and breaks words too long for a line", async () => {
    const odd = finding(0, {
      headline: `Respondents in Zürich — “Côte” ≥ 8 points − naïve 日本 ${"x".repeat(300)} end.`,
      segment: { industry: null, region: null, role: null, label: "Zürich 日本" },
    });
    const { text } = await render({ k: 5, weighting: unweighted(10), reportable: true, population: 10, findings: [odd] }, "glyphs");
    expect(text).toContain("Respondents in Zürich — “Côte” ≥ 8 points − naïve ?? x");
    expect(text).toContain("Zürich ??");
    expect(text).toContain("end.");
    expect(text).not.toContain("日本");
  });

  it("paginates many findings into a report of a few pages, each architecture once, the pages numbered", async () => {
    const findings = Array.from({ length: 120 }, (_, i) => finding(i));
    const { text, pages } = await render({ k: 5, weighting: unweighted(5000), reportable: true, population: 5000, findings }, "many");
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(10);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(recommendations(findings)).toHaveLength(2);
    expect(text.split("Regional trade-off sentence.").length - 1).toBe(1);
    expect(text.split("Sovereign trade-off sentence.").length - 1).toBe(1);
    // Eight rows per theme, the rest pointed to.
    expect(text).toContain("22 more concerns findings in the dashboard's findings view and the findings CSV.");
  });

  it("states why an unreportable or empty report has no findings, with its method", async () => {
    const small = await render({ k: 5, weighting: unweighted(0), reportable: false, population: 0, findings: [] }, "small");
    expect(small.pages).toBe(1);
    expect(small.text).toContain("Too few respondents match these filters (fewer than 5");
    expect(small.text).toContain("Method and caveats");
    expect(small.text).toContain("too few to report");
    expect(small.text).toContain("Unweighted: this wave has no population targets.");
    expect(small.text).toContain("are not weighted");
    const none = await render({ k: 5, weighting: unweighted(900), reportable: true, population: 900, findings: [] }, "none");
    expect(none.text).toContain("No statistically supported findings for these filters");
  });

  it("says the figures are weighted, with n and n_eff, and describes the weighted method", async () => {
    const weighting: FindingsReport["weighting"] = { state: "weighted", available: true, n: 1378, nEff: 912.4 };
    const { text } = await render(
      { k: 5, weighting, reportable: true, population: 1378, findings: [finding(0, { nEff: 180.2 })] },
      "weighted",
    );
    expect(text).toContain("Weighted: shares, means, intervals and tests are weighted to the wave's population targets");
    expect(text).toContain("n = 1,378, n_eff = 912.");
    expect(text).toContain("n_eff is Kish's effective sample size");
    expect(text).not.toContain("are not weighted");
  });
});
