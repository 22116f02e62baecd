import { ArchitectureDistribution } from "@/components/findings/ArchitectureDistribution";
import { FindingsList } from "@/components/findings/FindingsList";
import { describeFilters, segmentOptionsByKey } from "@/lib/analytics/filters";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";
import { loadFindings } from "@/lib/findings/pages";

export const metadata = { title: "Findings report" };

export default async function FindingsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  await requireAnalystPage(pathWithQuery("/dashboard/findings/report", params));
  const { scope, report } = await loadFindings(params);
  const options = segmentOptionsByKey(scope.wave.instrument);
  return (
    <article className="mx-auto max-w-3xl bg-white p-6 print:p-0">
      <header className="mb-6 border-b border-slate-200 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-500">Readiness Radar · {scope.wave.title}</p>
        <h1 className="text-3xl font-bold text-brand-900">AI inference readiness: findings</h1>
        <p className="mt-2 text-sm text-slate-600">
          Population: {describeFilters(scope.filters, options)} ({report.population.toLocaleString("en")} complete responses). Generated{" "}
          {new Date().toISOString().slice(0, 10)}. Differences are stated only at q &lt; 0.05 (Benjamini–Hochberg) and from groups of at
          least {report.k}.
        </p>
      </header>
      {report.reportable && (
        <div className="mb-6">
          <ArchitectureDistribution findings={report.findings} printable />
        </div>
      )}
      <FindingsList report={report} printable />
    </article>
  );
}
