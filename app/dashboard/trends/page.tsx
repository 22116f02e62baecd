import { ProtectionNote } from "@/components/results/ProtectionNote";
import { WeightingBadge } from "@/components/weighting/WeightingBadge";
import { figuresFor } from "@/lib/auth/roles";
import { withFigures } from "@/lib/engine/figures";
import { getEnv } from "@/lib/env";
import { Notices } from "@/components/dashboard/Notices";
import { TrendsFilters } from "@/components/trends/TrendsFilters";
import { TrendsView } from "@/components/trends/TrendsView";
import { filtersToQuery } from "@/lib/analytics/filters";
import { loadTrends } from "@/lib/analytics/pages";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";

export const metadata = { title: "Trends" };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const analyst = await requireAnalystPage(pathWithQuery("/dashboard/trends", params), "viewer");
  const { data, filters, waves, choices, options, problems, weighted } = await withFigures(figuresFor(analyst.role), () =>
    loadTrends(params),
  );
  const query = new URLSearchParams([...waves.map((w) => ["waves", w.code]), ...filtersToQuery(filters)]);
  const withWeighted = (value: string | null) => {
    const next = new URLSearchParams(query);
    if (value) next.set("weighted", value);
    return next.toString();
  };
  // n and n_eff are per wave (each wave is its own design): shown in the list of waves below.
  const reportable = data.waves.filter((w) => w.reportable);
  const n = reportable.reduce((sum, w) => sum + (w.n ?? 0), 0);
  const first = waves[0];
  const last = waves[waves.length - 1];
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-brand-900">
          Trends · {first?.title}
          {last && last !== first ? ` to ${last.title}` : ""}
        </h1>
        <a
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          href={`/api/v1/exports/trends.csv?${withWeighted(weighted)}`}
          download
        >
          Download trends (CSV)
        </a>
      </div>
      <WeightingBadge
        info={{ ...data.weighting, n, nEff: null }}
        weightedHref={`?${withWeighted("1")}`}
        unweightedHref={`?${withWeighted("0")}`}
      />
      <ProtectionNote k={getEnv().SUPPRESSION_K} audience={figuresFor(analyst.role) === "exact" ? "analyst" : "public"} />
      <TrendsFilters filters={filters} waves={choices} options={options} weighted={weighted} />
      <Notices problems={problems} />
      <TrendsView data={data} />
    </div>
  );
}
