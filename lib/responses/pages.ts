import "server-only";
import { pageQuery } from "@/lib/analytics/pages";
import { scopedQuery } from "@/lib/analytics/queries";
import { segmentOptionsByKey } from "@/lib/analytics/filters";
import type { SearchParamsInput } from "@/lib/http/params";
import { decodeCursor, explorerShape, type Cursor } from "./params";
import { listResponses } from "./query";

/** The explorer's query: the dashboard filters plus status, sort, dir, limit and cursor. */
export const explorerQuery = scopedQuery(explorerShape, (value) => {
  const cursor = value.cursor ? decodeCursor(value.cursor, value.sort) : null;
  return cursor && "problem" in cursor ? [cursor.problem] : [];
});

/** The decoded cursor of a query that passed explorerQuery (null when absent or refused). */
export function cursorOf(value: { cursor?: string; sort: Parameters<typeof decodeCursor>[1] }): Cursor | null {
  const cursor = value.cursor ? decodeCursor(value.cursor, value.sort) : null;
  return cursor && !("problem" in cursor) ? cursor : null;
}

/**
 * One page of the explorer for the page view: a bad parameter (a stale or edited cursor too)
 * is a notice, and the page shows what the valid parameters ask for.
 */
export async function loadResponsesPage(params: SearchParamsInput) {
  const { value, problems } = await pageQuery(explorerQuery, params);
  const { scope, extra } = value;
  const cursor = cursorOf(extra);
  const explorer = { ...extra, cursor: cursor ? extra.cursor : undefined };
  const page = await listResponses(scope.wave.id, scope.filters, explorer, cursor);
  const options = segmentOptionsByKey(scope.wave.instrument);
  const labels = Object.fromEntries(
    Object.entries(options).map(([key, list]) => [
      key === "size" ? "companySize" : key,
      Object.fromEntries(list.map((o) => [o.id, o.label])),
    ]),
  ) as Record<"industry" | "region" | "companySize" | "role" | "stage", Record<string, string>>;
  return { scope, explorer, problems, page, labels, options };
}
