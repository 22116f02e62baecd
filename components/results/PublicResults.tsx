// The public results page (/results/{survey}/{wave}): the frame (ResultsLayout) with the chosen
// panels, each drawn by the dashboards' own sections and fed protected figures
// (lib/results/page.ts), and the findings with their recommended architectures. Server component.
import type { ReactNode } from "react";
import {
  ConcernsSection,
  DimensionsSection,
  HeatmapSection,
  InfrastructureSection,
  LatencySection,
  StagesSection,
} from "@/components/dashboard/OverviewView";
import { FindingsList } from "@/components/findings/FindingsList";
import { PANEL_TITLES, type ResultPanel } from "@/lib/results/panels";
import type { PublicResults as Results } from "@/lib/results/page";
import { ResultsLayout } from "./ResultsLayout";

/** Findings shown on the public page: the strongest, by effect weighted by population. */
const TOP_FINDINGS = 8;

function panelContent(panel: ResultPanel, results: Results): ReactNode {
  const data = { ...results.overview, k: results.k };
  switch (panel) {
    case "readiness_by_segment":
      return <HeatmapSection data={data} />;
    case "readiness_profile":
      return <DimensionsSection data={data} />;
    case "stage":
      return <StagesSection data={data} />;
    case "top_concerns":
      return <ConcernsSection data={data} />;
    case "infrastructure":
      return <InfrastructureSection data={data} />;
    case "latency_geography":
      return <LatencySection data={data} />;
    case "findings":
      return results.findings ? (
        <section className="grid gap-3" aria-labelledby="panel-findings">
          <h2 id="panel-findings" className="text-xl font-semibold text-brand-900">
            {PANEL_TITLES.findings}
          </h2>
          <p className="text-sm text-slate-700">
            Segments compared with everyone else; only differences that are statistically supported and of a meaningful size are stated,
            each with the inference architecture it points to.
          </p>
          <FindingsList report={{ ...results.findings, findings: results.findings.findings.slice(0, TOP_FINDINGS) }} evidence={false} />
        </section>
      ) : null;
  }
}

export function PublicResults({ results }: { results: Results }) {
  return (
    <ResultsLayout
      surveyTitle={results.surveyTitle}
      waveTitle={results.waveTitle}
      respondents={results.respondents}
      publishedAt={results.publishedAt}
      surveyHref={results.surveyHref}
      k={results.k}
    >
      {results.overview.reportable ? (
        results.panels.map((panel) => (
          <div key={panel} className="results-panel min-w-0" data-result-panel={panel}>
            {panelContent(panel, results)}
          </div>
        ))
      ) : (
        <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
          Too few responses so far to publish figures without singling anyone out.
        </p>
      )}
    </ResultsLayout>
  );
}
