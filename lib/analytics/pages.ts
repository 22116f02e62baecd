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
import { segmentOptionsByKey } from "./filters";
import { comparisonQuery, multiWaveQuery, scopedQuery } from "./queries";

export const overviewQuery = scopedQuery({});
export const compareQuery = comparisonQuery({});
export const trendsQuery = multiWaveQuery({});

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
  const { a, b, rest } = value;
  const data = await compareSegments(a.wave.id, a.wave.instrument, a.filters, rest ? { within: b.filters } : b.filters, otherWave(b));
  return { a, b: rest ? null : b, rest, within: rest ? b : null, data, problems, ...filterChoices(a) };
}
