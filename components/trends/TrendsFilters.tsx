// The Trends view's filters as a plain GET form: which waves, submission days and segments. The
// URL holds the state (shareable, Back works) and it works before any script has loaded.
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters, type SegmentKey } from "@/lib/analytics/filters";

interface Props {
  filters: Filters;
  waves: { code: string; title: string; covered: boolean }[];
  options: Record<SegmentKey, { id: string; label: string }[]>;
  /** The weighting switch (weighted=0|1), kept when the filters change. */
  weighted?: string | null;
}

export function TrendsFilters({ filters, waves, options, weighted = null }: Props) {
  return (
    <form method="get" aria-label="Trend filters" className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-3 text-sm">
      {weighted && <input type="hidden" name="weighted" value={weighted} />}
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 text-xs font-medium text-slate-600">Waves</legend>
        {waves.map((w) => (
          <label key={w.code} className="flex items-center gap-1.5">
            <input type="checkbox" name="waves" value={w.code} defaultChecked={w.covered} className="accent-brand-600" />
            {w.title}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        {(["from", "to"] as const).map((key) => (
          <label key={key} className="grid gap-1">
            <span className="text-xs font-medium text-slate-600">{key === "from" ? "Submitted from" : "to"}</span>
            <input type="date" name={key} defaultValue={filters[key] ?? ""} className="rounded-lg border border-slate-300 px-2 py-1" />
          </label>
        ))}
        {SEGMENT_KEYS.map((key) => {
          const chosen = filters.segments[key];
          return (
            <details key={key} className="relative" data-filter={key}>
              <summary className="grid cursor-pointer list-none gap-1 [&::-webkit-details-marker]:hidden">
                <span className="text-xs font-medium text-slate-600">{SEGMENT_FILTERS[key].label}</span>
                <span
                  className={`rounded-lg border px-2 py-1.5 ${chosen.length ? "border-brand-500 bg-brand-50 text-brand-900" : "border-slate-300"}`}
                >
                  {chosen.length === 0 ? "All" : `${chosen.length} selected`} <span aria-hidden="true">▾</span>
                </span>
              </summary>
              <fieldset className="absolute z-20 mt-1 grid max-h-80 w-64 gap-1 overflow-auto rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
                <legend className="sr-only">{SEGMENT_FILTERS[key].label}</legend>
                {options[key].map((o) => (
                  <label key={o.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                    <input type="checkbox" name={key} value={o.id} defaultChecked={chosen.includes(o.id)} className="accent-brand-600" />
                    {o.label}
                  </label>
                ))}
              </fieldset>
            </details>
          );
        })}
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
          Apply
        </button>
        <a href="?" className="rounded-lg px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          Clear filters
        </a>
      </div>
    </form>
  );
}
