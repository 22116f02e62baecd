import "server-only";
import type { AggregateReader } from "@/lib/engine";
import { isValidDay } from "./filter-schema";
import { SEGMENT_KEYS, type Filters } from "./filters";

/** The day before or after a YYYY-MM-DD day. */
function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The views an analyst could subtract this one from, or this one from them, to isolate a few
 * people: a whole filter dropped; one value of a multi-value filter dropped ("a or b" minus "a");
 * either date bound dropped; the range one day shorter at either end ("to D" minus "to D-1" is
 * the people of day D). Pure: unit-tested.
 */
export function relaxationsOf(filters: Filters): { name: string; filters: Filters }[] {
  const out: { name: string; filters: Filters }[] = [];
  for (const key of SEGMENT_KEYS) {
    const values = filters.segments[key];
    if (values.length === 0) continue;
    out.push({ name: key, filters: { ...filters, segments: { ...filters.segments, [key]: [] } } });
    if (values.length > 1)
      for (const value of values)
        out.push({ name: key, filters: { ...filters, segments: { ...filters.segments, [key]: values.filter((v) => v !== value) } } });
  }
  const languages = filters.languages ?? [];
  if (languages.length) {
    out.push({ name: "languages", filters: { ...filters, languages: [] } });
    if (languages.length > 1)
      for (const value of languages)
        out.push({ name: "languages", filters: { ...filters, languages: languages.filter((v) => v !== value) } });
  }
  if (filters.from && filters.to) {
    out.push({ name: "dates", filters: { ...filters, from: null, to: null } });
    out.push({ name: "dates", filters: { ...filters, from: null } });
    out.push({ name: "dates", filters: { ...filters, to: null } });
  } else if (filters.from || filters.to) out.push({ name: "dates", filters: { ...filters, from: null, to: null } });
  // A step past the last (or before the first) day filters accept is no view anyone can ask for.
  const later = filters.from ? shiftDay(filters.from, 1) : null;
  const earlier = filters.to ? shiftDay(filters.to, -1) : null;
  if (later && isValidDay(later) && (!filters.to || (filters.from ?? "") < filters.to))
    out.push({ name: "dates", filters: { ...filters, from: later } });
  if (earlier && isValidDay(earlier) && (!filters.from || filters.from < (filters.to ?? "")))
    out.push({ name: "dates", filters: { ...filters, to: earlier } });
  return out;
}

/**
 * Guards against differencing: a view's total against the total of a view one step wider or
 * narrower (see relaxationsOf) would reveal how many respondents the step holds, and with them
 * their answers. When that difference is 1..k-1, the view is not reportable. A determined
 * analyst with many queries can still difference wider steps; analysts may read individual
 * responses anyway, and published figures get their own protection (a protected reader: no check). Returns the names of the
 * filters that would single people out.
 */
export async function differencingRisks(reader: AggregateReader, waveId: string, filters: Filters, k: number): Promise<string[]> {
  // Protected figures hold against differencing by themselves (docs/PRIVACY.md); refusing views
  // would only withhold figures.
  if (reader.figures === "protected") return [];
  const relaxations = relaxationsOf(filters);
  if (relaxations.length === 0) return [];
  // One pass: the view's count and each neighbouring view's count, over the wave's complete rows.
  const [view = 0, ...others] = await reader.countEach(waveId, [filters, ...relaxations.map((r) => r.filters)]);
  const risky = relaxations.filter((_, i) => {
    const difference = Math.abs((others[i] ?? 0) - view);
    return difference > 0 && difference < k;
  });
  return [...new Set(risky.map((r) => r.name))];
}
