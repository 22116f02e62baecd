import "server-only";
// What the dashboard pages load: the same query declarations as the APIs (./queries.ts), parsed
// leniently (a bad parameter becomes a notice and falls back to its default) and memoized per
// request, so a page and its metadata or panels parse and resolve the scope once.
import { cache } from "react";
import type { QuerySpec } from "@/lib/api/route";
import type { FieldIssue } from "@/lib/errors";
import { toSearchParams, type SearchParamsInput } from "@/lib/http/params";
import { compareSegments, otherWave } from "./compare";
import type { AnalyticsScope } from "./context";
import { SEGMENT_KEYS, segmentOptionsByKey, type SegmentKey } from "./filters";
import { getTrends } from "./trends";
import { comparisonQuery, multiWaveQuery, scopedQuery } from "./queries";
import { weightedChoice, weightedShape } from "./filter-schema";

export const overviewQuery = scopedQuery(weightedShape);
export const compareQuery = comparisonQuery(weightedShape);
export const trendsQuery = multiWaveQuery(weightedShape);

/** Parses a page's query once per request (keyed by the query spec and the query string). */
export const parsePageQuery = cache(async <T>(spec: QuerySpec<T>, query: string) => spec.parse(new URLSearchParams(query)));

export function pageQuery<T>(spec: QuerySpec<T>, params: SearchParamsInput): Promise<{ value: T; problems: FieldIssue[] }> {
  return parsePageQuery(spec, toSearchParams(params).toString()) as Promise<{ value: T; problems: FieldIssue[] }>;
}

export function filterChoices(scope: AnalyticsScope) {
  return {
    options: segmentOptionsByKey(scope.wave.instrument),
    waves: scope.waves.map(({ code, title }) => ({ code, title })),
  };
}

/**
 * Segment A uses parameters a_*, segment B b_*; "b=rest" compares A with everyone else, within
 * the b_* filters when there are any (then the group A is taken from).
 */
export async function loadComparison(params: SearchParamsInput) {
  const { value, problems } = await pageQuery(compareQuery, params);
  const { a, b, rest, extra } = value;
  const data = await compareSegments(a.wave.id, a.wave.instrument, a.filters, rest ? { within: b.filters } : b.filters, otherWave(b), {
    weighted: weightedChoice(extra.weighted),
  });
  // B's filters are its own wave's option ids (b_wave may name another wave when b=custom).
  return {
    a,
    b: rest ? null : b,
    rest,
    weighted: extra.weighted ?? null,
    within: rest ? b : null,
    data,
    problems,
    ...filterChoices(a),
    optionsB: filterChoices(b).options,
  };
}

/** The Trends page: the waves covered (oldest first), the figures, and the choices its form offers. */
export async function loadTrends(params: SearchParamsInput) {
  const { value, problems } = await pageQuery(trendsQuery, params);
  const { all, waves, filters, extra } = value;
  const data = await getTrends(waves, filters, { weighted: weightedChoice(extra.weighted) });
  const covered = new Set(waves.map((w) => w.code));
  // Segment values any covered wave offers (newest wave's labels first).
  const options = Object.fromEntries(SEGMENT_KEYS.map((key) => [key, [] as { id: string; label: string }[]])) as Record<
    SegmentKey,
    { id: string; label: string }[]
  >;
  for (const wave of [...waves].reverse())
    for (const [key, list] of Object.entries(segmentOptionsByKey(wave.instrument)) as [SegmentKey, { id: string; label: string }[]][])
      for (const option of list) if (!options[key].some((o) => o.id === option.id)) options[key].push(option);
  const choices = all.map((w) => ({ code: w.code, title: w.title, covered: covered.has(w.code) }));
  return { data, filters, waves, choices, options, problems, weighted: extra.weighted ?? null };
}
