// Dashboard filters: parsed from the URL (so views are shareable and Back works), validated
// against the wave's instrument, and turned back into a query string. Shared by pages, route
// handlers and the filter form.
import type { FieldIssue } from "@/lib/errors";
import { findQuestion, optionsOf, type Instrument } from "@/lib/survey/instrument-schema";

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
}

export const emptyFilters = (): Filters => ({
  wave: null,
  from: null,
  to: null,
  segments: { industry: [], region: [], size: [], role: [], stage: [] },
});

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(source: ParamSource, key: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(key);
  const value = source[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isValidDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The values a segment filter may take, from the instrument's profile question. */
export function segmentOptions(instrument: Instrument, key: SegmentKey): { id: string; label: string }[] {
  const questionId = instrument.profile[SEGMENT_FILTERS[key].profile];
  const question = questionId ? findQuestion(instrument, questionId) : undefined;
  return question ? optionsOf(instrument, question).map(({ id, label }) => ({ id, label })) : [];
}

/** Every segment filter's values, keyed by filter (what the filter bar offers). */
export function segmentOptionsByKey(instrument: Instrument): Record<SegmentKey, { id: string; label: string }[]> {
  return Object.fromEntries(SEGMENT_KEYS.map((key) => [key, segmentOptions(instrument, key)])) as Record<
    SegmentKey,
    { id: string; label: string }[]
  >;
}

/**
 * Parses filters. Every problem is reported with the parameter it concerns; the caller decides
 * whether that is a 400 (APIs) or a visible notice with the bad part ignored (pages).
 */
export function parseFilters(
  source: ParamSource,
  instrument: Instrument,
  waveCodes: string[],
): { filters: Filters; problems: FieldIssue[] } {
  const filters = emptyFilters();
  const problems: FieldIssue[] = [];
  const single = (key: string) => {
    const values = getAll(source, key);
    if (values.length > 1) problems.push({ path: key, message: "may be given once" });
    return values[0]?.trim() || null;
  };

  const wave = single("wave");
  if (wave !== null) {
    if (waveCodes.includes(wave)) filters.wave = wave;
    else problems.push({ path: "wave", message: `unknown wave "${wave.slice(0, 40)}"` });
  }
  for (const key of ["from", "to"] as const) {
    const value = single(key);
    if (value === null) continue;
    if (isValidDay(value)) filters[key] = value;
    else problems.push({ path: key, message: "must be a date as YYYY-MM-DD" });
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push({ path: "to", message: "must not be before from" });
    filters.to = null;
  }
  for (const key of SEGMENT_KEYS) {
    const allowed = new Set(segmentOptions(instrument, key).map((o) => o.id));
    const values = [
      ...new Set(
        getAll(source, key)
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    for (const value of values) {
      if (allowed.has(value)) filters.segments[key].push(value);
      else problems.push({ path: key, message: `unknown value "${value.slice(0, 40)}"` });
    }
  }
  return { filters, problems };
}

/** The query string for filters (stable order, so equal filters give equal URLs). */
export function filtersToQuery(filters: Filters, prefix = ""): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.wave) params.set(`${prefix}wave`, filters.wave);
  if (filters.from) params.set(`${prefix}from`, filters.from);
  if (filters.to) params.set(`${prefix}to`, filters.to);
  for (const key of SEGMENT_KEYS) for (const value of filters.segments[key]) params.append(`${prefix}${key}`, value);
  return params;
}

export function hasSegmentFilter(filters: Filters): boolean {
  return SEGMENT_KEYS.some((key) => filters.segments[key].length > 0);
}

/** "Financial services · East Asia" style label of a segment ("everyone" when unfiltered). */
export function describeFilters(filters: Filters, options: Record<SegmentKey, { id: string; label: string }[]>): string {
  const parts = SEGMENT_KEYS.flatMap((key) => {
    const values = filters.segments[key];
    if (!values.length) return [];
    return [values.map((v) => options[key].find((o) => o.id === v)?.label ?? v).join(" or ")];
  });
  if (filters.from || filters.to) parts.push(`${filters.from ?? "…"} to ${filters.to ?? "…"}`);
  return parts.length ? parts.join(" · ") : "everyone";
}
