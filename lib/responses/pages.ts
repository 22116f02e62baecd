import "server-only";
import { resolveScope } from "@/lib/analytics/context";
import { segmentOptionsByKey } from "@/lib/analytics/filters";
import { rejectProblems } from "@/lib/analytics/pages";
import { toSearchParams } from "@/lib/http/params";
import { parseExplorerParams } from "./params";
import { listResponses } from "./query";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** One page of the explorer; strict (APIs) turns any bad parameter into a 400. */
export async function loadResponsesPage(params: Params, strict = false) {
  const search = toSearchParams(params);
  const scope = await resolveScope(search);
  const explorer = parseExplorerParams(search);
  const problems = [...scope.problems, ...explorer.problems];
  if (strict) rejectProblems(problems);
  const page = await listResponses(scope.wave.id, scope.filters, explorer.value);
  const options = segmentOptionsByKey(scope.wave.instrument);
  const labels = Object.fromEntries(
    Object.entries(options).map(([key, list]) => [key === "size" ? "companySize" : key, Object.fromEntries(list.map((o) => [o.id, o.label]))]),
  ) as Record<"industry" | "region" | "companySize" | "role" | "stage", Record<string, string>>;
  return { scope, explorer: explorer.value, problems, page, labels, options };
}
