import "server-only";
import { resolveScope } from "@/lib/analytics/context";
import { rejectProblems } from "@/lib/analytics/pages";
import { getFindings } from "./index";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

export async function loadFindings(params: Params, strict = false) {
  const scope = await resolveScope(params);
  if (strict) rejectProblems(scope.problems);
  const report = await getFindings(scope.wave.id, scope.wave.instrument, scope.filters);
  return { scope, report };
}
