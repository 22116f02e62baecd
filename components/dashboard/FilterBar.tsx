"use client";
// Filters live in the URL: every change pushes a new URL, so views are shareable and Back works.
import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { SEGMENT_FILTERS, SEGMENT_KEYS, filtersToQuery, type Filters, type SegmentKey } from "@/lib/analytics/filters";

interface Props {
  filters: Filters;
  waves: { code: string; title: string }[];
  options: Record<SegmentKey, { id: string; label: string }[]>;
  /** Parameter prefix, for pages with two filter sets (segment comparison). */
  prefix?: string;
  /** Other parameters to keep when these filters change. */
  keep?: string;
  legend?: string;
}

export function FilterBar({ filters: current, waves, options, prefix = "", keep = "", legend = "Filters" }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // Controls show the new choice at once, while the server renders the figures for it.
  const [filters, setOptimistic] = useOptimistic(current);

  const apply = (next: Filters) => {
    const params = new URLSearchParams(keep);
    for (const [key, value] of filtersToQuery(next, prefix)) params.append(key, value);
    startTransition(() => {
      setOptimistic(next);
      router.push(`${pathname}?${params.toString()}`, { scroll: false });
    });
  };
  const toggle = (key: SegmentKey, id: string, on: boolean) => {
    const values = options[key].map((o) => o.id).filter((v) => (v === id ? on : filters.segments[key].includes(v)));
    apply({ ...filters, segments: { ...filters.segments, [key]: values } });
  };

  return (
    <form
      aria-label={legend}
      aria-busy={pending}
      className="flex flex-wrap items-end gap-3 rounded-2xl border border-slate-200 bg-white p-3 text-sm"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="grid gap-1">
        <span className="text-xs font-medium text-slate-500">Wave</span>
        <select
          name={`${prefix}wave`}
          value={filters.wave ?? ""}
          onChange={(e) => apply({ ...filters, wave: e.target.value || null })}
          className="rounded-lg border border-slate-300 bg-white px-2 py-1.5"
        >
          {waves.map((w) => (
            <option key={w.code} value={w.code}>
              {w.title}
            </option>
          ))}
        </select>
      </label>
      {(["from", "to"] as const).map((key) => (
        <label key={key} className="grid gap-1">
          <span className="text-xs font-medium text-slate-500">{key === "from" ? "Submitted from" : "to"}</span>
          <input
            type="date"
            name={`${prefix}${key}`}
            value={filters[key] ?? ""}
            onChange={(e) => apply({ ...filters, [key]: e.target.value || null })}
            className="rounded-lg border border-slate-300 px-2 py-1"
          />
        </label>
      ))}
      {SEGMENT_KEYS.map((key) => {
        const chosen = filters.segments[key];
        const summary =
          chosen.length === 0
            ? "All"
            : chosen.length === 1
              ? (options[key].find((o) => o.id === chosen[0])?.label ?? "1 selected")
              : `${chosen.length} selected`;
        return (
          <details key={key} className="relative" data-filter={key}>
            <summary className="grid cursor-pointer list-none gap-1 [&::-webkit-details-marker]:hidden">
              <span className="text-xs font-medium text-slate-500">{SEGMENT_FILTERS[key].label}</span>
              <span
                className={`rounded-lg border px-2 py-1.5 ${chosen.length ? "border-brand-500 bg-brand-50 text-brand-900" : "border-slate-300"}`}
              >
                {summary} <span aria-hidden="true">▾</span>
              </span>
            </summary>
            <fieldset className="absolute z-20 mt-1 grid max-h-80 w-64 gap-1 overflow-auto rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
              <legend className="sr-only">{SEGMENT_FILTERS[key].label}</legend>
              {options[key].map((o) => (
                <label key={o.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    name={`${prefix}${key}`}
                    value={o.id}
                    checked={chosen.includes(o.id)}
                    onChange={(e) => toggle(key, o.id, e.target.checked)}
                    className="accent-brand-600"
                  />
                  {o.label}
                </label>
              ))}
            </fieldset>
          </details>
        );
      })}
      <button
        type="button"
        onClick={() =>
          apply({ wave: filters.wave, from: null, to: null, segments: { industry: [], region: [], size: [], role: [], stage: [] } })
        }
        className="ml-auto rounded-lg px-3 py-1.5 text-brand-700 hover:bg-brand-50"
      >
        Clear filters
      </button>
    </form>
  );
}
