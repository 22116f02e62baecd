import { Suspense } from "react";
import { ProtectionNote } from "@/components/results/ProtectionNote";
import { WeightingBadge } from "@/components/weighting/WeightingBadge";
import { weightedChoice } from "@/lib/analytics/filter-schema";
import { withFigures } from "@/lib/engine/figures";
import { getEnv } from "@/lib/env";
import { FilterBar } from "@/components/dashboard/FilterBar";
import { Notices } from "@/components/dashboard/Notices";
import { OverviewStream } from "@/components/dashboard/OverviewStream";
import { filtersToQuery } from "@/lib/analytics/filters";
import { startOverview, type OverviewParts } from "@/lib/analytics/overview";
import { filterChoices, overviewQuery, pageQuery } from "@/lib/analytics/pages";
import { atLeast, figuresFor } from "@/lib/auth/roles";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const analyst = await requireAnalystPage(pathWithQuery("/dashboard", params), "viewer");
  const { value, problems } = await pageQuery(overviewQuery, params);
  const { scope, extra } = value;
  const { options, waves } = filterChoices(scope);
  // The weighting switch is a URL parameter like the filters: every link of the page keeps it.
  const keep = extra.weighted ? `weighted=${extra.weighted}` : "";
  const withWeighting = (params: URLSearchParams, weighted = extra.weighted) => {
    if (weighted) params.set("weighted", weighted);
    return params.toString();
  };
  // Every panel's queries start now; each panel streams in as its own figures are ready.
  // Viewers read protected figures (docs/PRIVACY.md); every query starts inside the scope.
  const parts = withFigures(figuresFor(analyst.role), () =>
    startOverview(scope.wave.id, scope.wave.instrument, scope.filters, { weighted: weightedChoice(extra.weighted) }),
  );
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-brand-900">Overview · {scope.wave.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <a
            className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            href={`/api/v1/exports/overview.csv?${withWeighting(filtersToQuery(scope.filters))}`}
            download
          >
            Download tables (CSV)
          </a>
          {atLeast(analyst.role, "analyst") && (
            <a
              className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
              href={`/dashboard/responses?${filtersToQuery(scope.filters)}&status=complete`}
            >
              See these responses
            </a>
          )}
          <a className="text-brand-700 underline" href={`/dashboard/compare?${filtersToQuery(scope.filters, "a_")}`}>
            Compare this segment with everyone else →
          </a>
        </div>
      </div>
      <Suspense fallback={null}>
        <ViewWeighting
          gate={parts.gate}
          weightedHref={`/dashboard?${withWeighting(filtersToQuery(scope.filters), "1")}`}
          unweightedHref={`/dashboard?${withWeighting(filtersToQuery(scope.filters), "0")}`}
        />
      </Suspense>
      <ProtectionNote k={getEnv().SUPPRESSION_K} audience={figuresFor(analyst.role) === "exact" ? "analyst" : "public"} />
      <FilterBar filters={scope.filters} waves={waves} options={options} keep={keep} />
      <Notices problems={problems} />
      <OverviewStream parts={parts} />
    </div>
  );
}

async function ViewWeighting({ gate, ...links }: { gate: OverviewParts["gate"]; weightedHref: string; unweightedHref: string }) {
  return <WeightingBadge info={(await gate).weighting} {...links} />;
}
