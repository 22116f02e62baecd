"use client";
// Filters live in the URL: every change pushes a new URL, so views are shareable and Back works.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { SEGMENT_FILTERS, SEGMENT_KEYS, filtersToQuery, type Filters, type SegmentKey } from "@/lib/analytics/filters";
import { LOCALE_NAMES } from "@/lib/i18n/locale-names";
import { LOCALES } from "@/lib/i18n/locales";

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
  const menu = useFilterMenus();

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

  /** One multiple-choice menu of the bar: a segment, or the language respondents answered in. */
  const choiceMenu = (key: MenuKey, label: string, choices: { id: string; label: string }[], chosen: string[], onToggle: Toggle) => {
    const summary =
      chosen.length === 0
        ? "All"
        : chosen.length === 1
          ? (choices.find((o) => o.id === chosen[0])?.label ?? "1 selected")
          : `${chosen.length} selected`;
    return (
      <details key={key} className="relative" data-filter={key} open={menu.open === key}>
        <summary
          className="grid cursor-pointer list-none gap-1 [&::-webkit-details-marker]:hidden"
          aria-expanded={menu.open === key}
          onClick={(e) => {
            e.preventDefault();
            menu.toggle(key);
          }}
        >
          <span className="text-xs font-medium text-slate-500">{label}</span>
          <span
            className={`rounded-lg border px-2 py-1.5 ${chosen.length ? "border-brand-500 bg-brand-50 text-brand-900" : "border-slate-300"}`}
          >
            {summary} <span aria-hidden="true">▾</span>
          </span>
        </summary>
        <fieldset
          ref={menu.open === key ? menu.panel : undefined}
          style={menu.open === key ? { left: menu.shift } : undefined}
          className={MENU_PANEL}
        >
          <legend className="sr-only">{label}</legend>
          {choices.map((o) => (
            <label key={o.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
              <input
                type="checkbox"
                name={`${prefix}${key}`}
                value={o.id}
                checked={chosen.includes(o.id)}
                onChange={(e) => onToggle(o.id, e.target.checked)}
                className="accent-brand-600"
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      </details>
    );
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
      {SEGMENT_KEYS.map((key) =>
        choiceMenu(key, SEGMENT_FILTERS[key].label, options[key], filters.segments[key], (id, on) => toggle(key, id, on)),
      )}
      {choiceMenu("languages", "Language", LANGUAGE_OPTIONS, filters.languages ?? [], (id, on) =>
        apply({ ...filters, languages: LOCALES.filter((l) => (l === id ? on : (filters.languages ?? []).includes(l))) }),
      )}
      <button
        type="button"
        onClick={() =>
          apply({
            wave: filters.wave,
            from: null,
            to: null,
            segments: { industry: [], region: [], size: [], role: [], stage: [] },
            languages: [],
          })
        }
        className="ml-auto rounded-lg px-3 py-1.5 text-brand-700 hover:bg-brand-50"
      >
        Clear filters
      </button>
    </form>
  );
}

/** A menu of the bar: a segment filter, or the respondents' language (lib/i18n/locales.ts). */
type MenuKey = SegmentKey | "languages";
type Toggle = (id: string, on: boolean) => void;
const LANGUAGE_OPTIONS = LOCALES.map((id) => ({ id, label: `${LOCALE_NAMES[id]} (${id})` }));

const OPEN_EVENT = "filter-menu-open";
const MENU_PANEL =
  "absolute z-20 mt-1 grid max-h-80 w-64 max-w-[calc(100vw-1.5rem)] gap-1 overflow-auto rounded-lg border border-slate-200 bg-white p-2 shadow-lg";

/**
 * The filter menus' open state: one menu at a time on the whole page (another filter bar's menu
 * closes when one opens here), closed by Escape (focus back on its button) or a click or tap
 * outside it, and moved left when it would run past the right edge of the screen (a phone).
 */
function useFilterMenus() {
  const [open, setOpen] = useState<MenuKey | null>(null);
  const [shift, setShift] = useState(0);
  const panel = useRef<HTMLFieldSetElement | null>(null);
  const owner = useId();

  const toggle = (key: MenuKey) => {
    const next = open === key ? null : key;
    setShift(0);
    setOpen(next);
    if (next) window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: owner }));
  };

  useEffect(() => {
    const onOther = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== owner) setOpen(null);
    };
    window.addEventListener(OPEN_EVENT, onOther);
    return () => window.removeEventListener(OPEN_EVENT, onOther);
  }, [owner]);

  useEffect(() => {
    if (!open) return;
    const details = () => panel.current?.closest("details") ?? null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const summary = details()?.querySelector("summary");
      setOpen(null);
      summary?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const d = details();
      if (d && e.target instanceof Node && !d.contains(e.target)) setOpen(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  useLayoutEffect(() => {
    if (!open || !panel.current) return;
    const rect = panel.current.getBoundingClientRect();
    const margin = 12;
    const over = rect.right - (window.innerWidth - margin);
    if (over > 0) setShift((s) => s - over);
    else if (rect.left < margin) setShift((s) => s + (margin - rect.left));
  }, [open]);

  return { open, toggle, panel, shift };
}
