import { ProtectionNote } from "@/components/results/ProtectionNote";
import { WeightingBadge } from "@/components/weighting/WeightingBadge";
import { figuresFor } from "@/lib/auth/roles";
import { withFigures } from "@/lib/engine/figures";
import { getEnv } from "@/lib/env";
import { FilterBar } from "@/components/dashboard/FilterBar";
import { Notices } from "@/components/dashboard/Notices";
import { ArchitectureDistribution } from "@/components/findings/ArchitectureDistribution";
import { FindingsList } from "@/components/findings/FindingsList";
import { filtersToQuery, segmentOptionsByKey } from "@/lib/analytics/filters";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";
import { loadFindings } from "@/lib/findings/pages";

export const metadata = { title: "Findings" };

/** Findings shown before "show all": the strongest, by effect weighted by population. */
const TOP = 15;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const analyst = await requireAnalystPage(pathWithQuery("/dashboard/findings", params), "viewer");
  const { scope, report, problems, showAll, weighted } = await withFigures(figuresFor(analyst.role), () => loadFindings(params));
  const options = segmentOptionsByKey(scope.wave.instrument);
  // The weighting switch is a URL parameter like the filters: every link of the page keeps it.
  const keep = weighted ? `weighted=${weighted}` : "";
  const withWeighting = (value: string | null) => {
    const params = filtersToQuery(scope.filters);
    if (value) params.set("weighted", value);
    return params.toString();
  };
  const query = withWeighting(weighted);
  const shown = showAll ? report : { ...report, findings: report.findings.slice(0, TOP) };
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-brand-900">Findings · {scope.wave.title}</h1>
        <div className="flex gap-3 text-sm">
          <a
            href={`/api/v1/exports/findings.csv?${query}`}
            className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            download
          >
            Download CSV
          </a>
          <a href={`/dashboard/findings/report?${query}`} className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Printable report
          </a>
        </div>
      </div>
      <p className="text-sm text-slate-600">
        Each segment (industry, region, role, and industry with region) is compared with everyone else under these filters. Each test asks
        whether the difference exceeds 5 percentage points (3 points on the readiness scale), and q-values are Benjamini–Hochberg adjusted
        across every test run. Only differences with q &lt; 0.05, of at least 8 points (5 on readiness), built from groups of at least{" "}
        {report.k} respondents are stated. Ranked by effect size weighted by the number of respondents concerned. Each finding links the
        inference architecture its subject points to (a sovereignty concern, a latency gap, a low production share…), with a reason citing
        its figures.
      </p>
      <WeightingBadge
        info={report.weighting}
        weightedHref={`/dashboard/findings?${withWeighting("1")}${showAll ? "&show=all" : ""}`}
        unweightedHref={`/dashboard/findings?${withWeighting("0")}${showAll ? "&show=all" : ""}`}
      />
      <ProtectionNote k={getEnv().SUPPRESSION_K} audience={figuresFor(analyst.role) === "exact" ? "analyst" : "public"} />
      {report.reportable && <ArchitectureDistribution findings={report.findings} />}
      <FilterBar filters={scope.filters} waves={scope.waves.map(({ code, title }) => ({ code, title }))} options={options} keep={keep} />
      <Notices problems={problems} />
      {report.reportable && report.findings.length > 0 && (
        <p className="text-sm font-medium text-brand-900" data-testid="findings-count">
          {report.findings.length} findings · showing {shown.findings.length}
        </p>
      )}
      <FindingsList report={shown} />
      {!showAll && report.findings.length > TOP && (
        <a
          href={`/dashboard/findings?${query}&show=all`}
          className="justify-self-start rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100"
        >
          Show all {report.findings.length} findings
        </a>
      )}
    </div>
  );
}
