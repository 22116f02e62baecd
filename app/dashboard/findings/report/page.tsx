import { figuresFor } from "@/lib/auth/roles";
import { withFigures } from "@/lib/engine/figures";
import { FindingsReport } from "@/components/findings/report/FindingsReport";
import { describeFilters, filtersToQuery, segmentOptionsByKey } from "@/lib/analytics/filters";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";
import { loadFindings } from "@/lib/findings/pages";

export const metadata = { title: "Findings report" };

export default async function FindingsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const analyst = await requireAnalystPage(pathWithQuery("/dashboard/findings/report", params), "viewer");
  const { scope, report, weighted } = await withFigures(figuresFor(analyst.role), () => loadFindings(params));
  const options = segmentOptionsByKey(scope.wave.instrument);
  // The PDF keeps the weighting switch, so it says what the page says.
  const query = filtersToQuery(scope.filters);
  if (weighted) query.set("weighted", weighted);
  return (
    <FindingsReport
      report={report}
      waveTitle={scope.wave.title}
      population={describeFilters(scope.filters, options)}
      generated={new Date().toISOString().slice(0, 10)}
      pdfHref={`/api/v1/findings/report.pdf?${query.toString()}`}
    />
  );
}
