import "server-only";
import { ValidationError } from "@/lib/errors";
import { segmentOptionsByKey } from "./filters";
import { compareSegments } from "./compare";
import { resolveScope, type AnalyticsScope } from "./context";
import { getOverview } from "./overview";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function filterOptions(scope: AnalyticsScope) {
  return segmentOptionsByKey(scope.wave.instrument);
}

/** strict: bad parameters are a 400 (APIs) rather than a notice with the part ignored (pages). */
export async function loadOverview(params: Params, strict = false) {
  const scope = await resolveScope(params);
  if (strict) rejectProblems(scope.problems);
  const data = await getOverview(scope.wave.id, scope.wave.instrument, scope.filters);
  return { scope, data, options: filterOptions(scope), waves: scope.waves.map(({ code, title }) => ({ code, title })) };
}

/** Segment A uses parameters a_*, segment B b_*; "b=rest" compares A with everyone else (within the b_* filters, if any). */
export async function loadComparison(params: Params, strict = false) {
  const a = await resolveScope(params, "a_");
  const mode = get(params, "b") ?? "rest";
  const modeProblems = [
    ...(mode !== "rest" && mode !== "custom" ? [{ path: "b", message: 'must be "rest" or "custom"' }] : []),
    ...(getAll(params, "b").length > 1 ? [{ path: "b", message: "may be given once" }] : []),
  ];
  const rest = mode !== "custom";
  // b_* filters are segment B, or with b=rest the group "everyone else" is taken from (the wave when none).
  const bScope = await resolveScope(params, "b_");
  const b = rest ? null : bScope;
  const within = rest ? bScope : null;
  if (strict) rejectProblems([...modeProblems, ...a.problems, ...bScope.problems]);
  // B shares A's wave: comparing across instruments would compare different questions.
  const bFilters = { ...bScope.filters, wave: a.filters.wave };
  const data = await compareSegments(a.wave.id, a.wave.instrument, a.filters, rest ? { within: bFilters } : bFilters);
  return {
    a,
    b,
    rest,
    within: within ? { ...within, filters: bFilters } : null,
    data,
    problems: [...a.problems, ...bScope.problems],
    options: filterOptions(a),
    waves: a.waves.map(({ code, title }) => ({ code, title })),
  };
}

function getAll(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function get(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** APIs answer 400 for bad parameters instead of ignoring them with a notice. */
export function rejectProblems(problems: { path: string; message: string }[]): void {
  if (problems.length) throw new ValidationError(problems);
}
