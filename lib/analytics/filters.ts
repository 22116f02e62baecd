// Dashboard filters: parsed from the URL (so views are shareable and Back works), validated
// against the wave's instrument, and turned back into a query string. Shared by pages, route
// handlers and the filter form.
import { LOCALE_NAMES } from "@/lib/i18n/locale-names";
import { isLocale } from "@/lib/i18n/locales";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { PROFILE_ROLES, findQuestionByRole, roleOptions } from "@/lib/survey/roles";

/** URL parameter -> response column and the profile question that lists its values. */
export const SEGMENT_FILTERS = {
  industry: { column: "industry", profile: "industry", label: "Industry" },
  region: { column: "region", profile: "region", label: "Region" },
  size: { column: "company_size", profile: "companySize", label: "Company size" },
  role: { column: "role", profile: "role", label: "Role" },
  stage: { column: "stage", profile: "stage", label: "AI stage" },
} as const;

export type SegmentKey = keyof typeof SEGMENT_FILTERS;
export const SEGMENT_KEYS = Object.keys(SEGMENT_FILTERS) as SegmentKey[];

export interface Filters {
  wave: string | null;
  /** Inclusive day bounds, YYYY-MM-DD, on the submission date. */
  from: string | null;
  to: string | null;
  segments: Record<SegmentKey, string[]>;
  /** The languages respondents answered in (lib/i18n/locales.ts); none: every language. */
  languages?: string[];
}

export const emptyFilters = (): Filters => ({
  wave: null,
  from: null,
  to: null,
  segments: { industry: [], region: [], size: [], role: [], stage: [] },
  languages: [],
});

/** The values a segment filter may take, from the instrument's profile question. */
export function segmentOptions(instrument: Instrument, key: SegmentKey): { id: string; label: string }[] {
  const question = findQuestionByRole(instrument, PROFILE_ROLES[SEGMENT_FILTERS[key].profile]);
  return question ? roleOptions(instrument, question).map(({ id, label }) => ({ id, label })) : [];
}

/** Every segment filter's values, keyed by filter (what the filter bar offers). */
export function segmentOptionsByKey(instrument: Instrument): Record<SegmentKey, { id: string; label: string }[]> {
  return Object.fromEntries(SEGMENT_KEYS.map((key) => [key, segmentOptions(instrument, key)])) as Record<
    SegmentKey,
    { id: string; label: string }[]
  >;
}

/** The query string for filters (stable order, so equal filters give equal URLs). */
export function filtersToQuery(filters: Filters, prefix = ""): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.wave) params.set(`${prefix}wave`, filters.wave);
  if (filters.from) params.set(`${prefix}from`, filters.from);
  if (filters.to) params.set(`${prefix}to`, filters.to);
  for (const key of SEGMENT_KEYS) for (const value of filters.segments[key]) params.append(`${prefix}${key}`, value);
  for (const language of filters.languages ?? []) params.append(`${prefix}languages`, language);
  return params;
}

export function hasSegmentFilter(filters: Filters): boolean {
  return SEGMENT_KEYS.some((key) => filters.segments[key].length > 0) || (filters.languages?.length ?? 0) > 0;
}

/** "Financial services · East Asia" style label of a segment ("everyone" when unfiltered). */
export function describeFilters(filters: Filters, options: Record<SegmentKey, { id: string; label: string }[]>): string {
  const parts = SEGMENT_KEYS.flatMap((key) => {
    const values = filters.segments[key];
    if (!values.length) return [];
    return [values.map((v) => options[key].find((o) => o.id === v)?.label ?? v).join(" or ")];
  });
  const languages = filters.languages ?? [];
  if (languages.length) parts.push(languages.map((l) => (isLocale(l) ? LOCALE_NAMES[l] : l)).join(" or "));
  if (filters.from || filters.to) parts.push(`${filters.from ?? "…"} to ${filters.to ?? "…"}`);
  return parts.length ? parts.join(" · ") : "everyone";
}
