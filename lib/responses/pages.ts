import "server-only";
import { resolveScope } from "@/lib/analytics/context";
import { segmentOptionsByKey } from "@/lib/analytics/filters";
import { rejectProblems } from "@/lib/analytics/pages";
import { ValidationError } from "@/lib/errors";
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
  let page: Awaited<ReturnType<typeof listResponses>>;
  try {
    page = await listResponses(scope.wave.id, scope.filters, explorer.value);
  } catch (error) {
    // A stale or edited cursor in the address: the page shows the first page with a notice
    // (like any other parameter it does not understand) instead of an error page.
    if (strict || !explorer.value.cursor || !(error instanceof ValidationError)) throw error;
    problems.push(...error.fields);
    explorer.value = { ...explorer.value, cursor: undefined };
    page = await listResponses(scope.wave.id, scope.filters, explorer.value);
  }
  const options = segmentOptionsByKey(scope.wave.instrument);
  const labels = Object.fromEntries(
    Object.entries(options).map(([key, list]) => [
      key === "size" ? "companySize" : key,
      Object.fromEntries(list.map((o) => [o.id, o.label])),
    ]),
  ) as Record<"industry" | "region" | "companySize" | "role" | "stage", Record<string, string>>;
  return { scope, explorer: explorer.value, problems, page, labels, options };
}
