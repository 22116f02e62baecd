import "server-only";
import { z } from "zod";
import { pageQuery } from "@/lib/analytics/pages";
import { weightedChoice, weightedShape } from "@/lib/analytics/filter-schema";
import { scopedQuery } from "@/lib/analytics/queries";
import type { SearchParamsInput } from "@/lib/http/params";
import { getFindings } from "./index";

/** The findings API's query: the dashboard filters and the weighting switch. */
export const findingsQuery = scopedQuery(weightedShape);
/** The findings page also takes show=all (every finding, not only the strongest). */
const findingsPageQuery = scopedQuery({ ...weightedShape, show: z.enum(["all"], { error: 'must be "all"' }).optional() });

export async function loadFindings(params: SearchParamsInput) {
  const { value, problems } = await pageQuery(findingsPageQuery, params);
  const report = await getFindings(value.scope.wave.id, value.scope.wave.instrument, value.scope.filters, {
    weighted: weightedChoice(value.extra.weighted),
  });
  return { scope: value.scope, report, problems, showAll: value.extra.show === "all", weighted: value.extra.weighted ?? null };
}
