import "server-only";
import { resolveScope } from "@/lib/analytics/context";
import { SEGMENT_KEYS, segmentOptions, type SegmentKey } from "@/lib/analytics/filters";
import { rejectProblems } from "@/lib/analytics/pages";
import { parseExplorerParams } from "./params";
import { listResponses } from "./query";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function toSearchParams(params: Params): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  return out;
}

/** One page of the explorer; strict (APIs) turns any bad parameter into a 400. */
export async function loadResponsesPage(params: Params, strict = false) {
  const search = toSearchParams(params);
  const scope = await resolveScope(search);
  const explorer = parseExplorerParams(search);
  const problems = [...scope.problems, ...explorer.problems];
  if (strict) rejectProblems(problems);
  const page = await listResponses(scope.wave.id, scope.filters, explorer.value);
  const labels = Object.fromEntries(
    SEGMENT_KEYS.map((key) => [key === "size" ? "companySize" : key, Object.fromEntries(segmentOptions(scope.wave.instrument, key).map((o) => [o.id, o.label]))]),
  ) as Record<"industry" | "region" | "companySize" | "role" | "stage", Record<string, string>>;
  const options = Object.fromEntries(SEGMENT_KEYS.map((key) => [key, segmentOptions(scope.wave.instrument, key)])) as Record<SegmentKey, { id: string; label: string }[]>;
  return { scope, explorer: explorer.value, problems, page, labels, options };
}
