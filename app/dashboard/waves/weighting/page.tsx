import Link from "next/link";
import { wavesHref } from "@/components/waves/href";
import { TargetHistory } from "@/components/weighting/TargetHistory";
import { TargetsForm } from "@/components/weighting/TargetsForm";
import { WeightReportSummary } from "@/components/weighting/WeightReportSummary";
import { loadWeightingPage } from "@/lib/weighting/page";

export const metadata = { title: "Weighting" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WeightingPage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadWeightingPage(searchParams);
  return (
    <div className="grid min-w-0 gap-4">
      <div className="grid gap-1">
        <Link href={wavesHref(page.survey)} className="text-sm text-brand-700 underline">
          ← Waves
        </Link>
        <h1 className="text-2xl font-bold text-brand-900">Weighting · {page.code}</h1>
        <p className="text-sm text-slate-600">
          Rake the complete responses to known population shares of any profile dimension. Beside each target is the sample&apos;s share
          now. Every change is kept below with who made it and when.
        </p>
      </div>
      <WeightReportSummary report={page.report} />
      <TargetsForm
        survey={page.survey}
        code={page.code}
        dimensions={page.dimensions}
        margins={page.report.margins}
        current={page.current}
      />
      <TargetHistory history={page.history} />
    </div>
  );
}
