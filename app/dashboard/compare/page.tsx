import { ProtectionNote } from "@/components/results/ProtectionNote";
import { WeightingBadge } from "@/components/weighting/WeightingBadge";
import { figuresFor } from "@/lib/auth/roles";
import { withFigures } from "@/lib/engine/figures";
import { getEnv } from "@/lib/env";
import Link from "next/link";
import { CompareView } from "@/components/dashboard/CompareView";
import { FilterBar } from "@/components/dashboard/FilterBar";
import { Notices } from "@/components/dashboard/Notices";
import { describeFilters, filtersToQuery } from "@/lib/analytics/filters";
import { loadComparison } from "@/lib/analytics/pages";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";

export const metadata = { title: "Compare segments" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const analyst = await requireAnalystPage(pathWithQuery("/dashboard/compare", params), "viewer");
  const { a, b, rest, within, data, problems, options, optionsB, waves, weighted } = await withFigures(figuresFor(analyst.role), () =>
    loadComparison(params),
  );
  // The weighting switch is kept by every link and filter change, like the filters.
  const w: [string, string][] = weighted ? [["weighted", weighted]] : [];
  const aQuery = filtersToQuery(a.filters, "a_");
  const bQuery = b ? filtersToQuery(b.filters, "b_") : new URLSearchParams();
  // With b=rest, the b_* filters are the group "everyone else" is taken from.
  const withinFilters = within?.filters ?? null;
  const withinNarrowed = withinFilters !== null && describeFilters(withinFilters, options) !== "everyone";
  const withinQuery = withinNarrowed ? filtersToQuery(withinFilters, "b_") : new URLSearchParams();
  const keepForA = new URLSearchParams([...(rest ? [["b", "rest"], ...withinQuery] : [["b", "custom"], ...bQuery]), ...w]).toString();
  const keepForB = new URLSearchParams([["b", "custom"], ...aQuery, ...w]).toString();
  const keepForWithin = new URLSearchParams([["b", "rest"], ...aQuery, ...w]).toString();
  const current = [["b", rest ? "rest" : "custom"], ...aQuery, ...bQuery, ...withinQuery] as [string, string][];
  const otherWave = b !== null && b.wave.code !== a.wave.code;
  const labelA = `${describeFilters(a.filters, options)}${otherWave ? ` in ${a.wave.title}` : ""}`;
  const labelB = rest
    ? `everyone else in ${withinNarrowed && withinFilters ? describeFilters(withinFilters, options) : `wave ${a.wave.title}`} (not in A)`
    : `${describeFilters(b?.filters ?? a.filters, optionsB)}${otherWave && b ? ` in ${b.wave.title}` : ""}`;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-brand-900">Compare segments</h1>
        <a
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          href={`/api/v1/exports/compare.csv?${new URLSearchParams([...current, ...w])}`}
          download
        >
          Download comparison (CSV)
        </a>
      </div>
      <WeightingBadge
        info={data.weighting}
        weightedHref={`?${new URLSearchParams([...current, ["weighted", "1"]])}`}
        unweightedHref={`?${new URLSearchParams([...current, ["weighted", "0"]])}`}
      />
      <ProtectionNote k={getEnv().SUPPRESSION_K} audience={figuresFor(analyst.role) === "exact" ? "analyst" : "public"} />
      <section aria-label="Segment A" className="grid gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Segment A</h2>
        <FilterBar filters={a.filters} waves={waves} options={options} prefix="a_" keep={keepForA} legend="Segment A filters" />
      </section>
      <section aria-label="Segment B" className="grid gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Segment B</h2>
          <Link
            href={`?${new URLSearchParams([["b", "rest"], ...aQuery, ...w])}`}
            aria-current={rest ? "true" : undefined}
            className={`rounded-full px-3 py-1 text-sm ${rest ? "bg-brand-600 text-white" : "border border-slate-300"}`}
          >
            Everyone else
          </Link>
          <Link
            href={`?${new URLSearchParams([["b", "custom"], ...aQuery, ...bQuery, ...w])}`}
            aria-current={!rest ? "true" : undefined}
            className={`rounded-full px-3 py-1 text-sm ${!rest ? "bg-brand-600 text-white" : "border border-slate-300"}`}
          >
            Custom segment
          </Link>
        </div>
        {rest && withinFilters && (
          <>
            <p className="text-xs text-slate-500">
              Everyone else: every complete response in this group that is not in segment A. Leave it unfiltered for the whole wave.
            </p>
            <FilterBar
              filters={withinFilters}
              waves={waves.filter((w) => w.code === a.filters.wave)}
              options={options}
              prefix="b_"
              keep={keepForWithin}
              legend="Everyone else within"
            />
          </>
        )}
        {!rest && b && (
          <FilterBar filters={b.filters} waves={waves} options={optionsB} prefix="b_" keep={keepForB} legend="Segment B filters" />
        )}
      </section>
      <Notices problems={problems} />
      {data.notes.length > 0 && (
        <div
          role="note"
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="compare-notes"
        >
          Segment B is from another wave, whose questionnaire differs:
          <ul className="mt-1 list-disc pl-5">
            {data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <CompareView data={data} labelA={labelA} labelB={labelB} />
    </div>
  );
}
