import "server-only";
// The analytics APIs, declared once (lib/api/route.ts); pages parse the same queries (./pages.ts).
import { defineRoute } from "@/lib/api/route";
import { compareSegments, otherWave } from "./compare";
import { weightedChoice } from "./filter-schema";
import { getOverview } from "./overview";
import { compareQuery, overviewQuery, trendsQuery } from "./pages";
import { comparisonResponseSchema, overviewResponseSchema, trendsResponseSchema } from "./schemas";
import { getTrends } from "./trends";

const TAG = "Analytics";

export const overviewRoute = defineRoute({
  id: "getOverview",
  method: "GET",
  path: "/api/v1/analytics/overview",
  summary: "Overview figures under the filters (small cells withheld)",
  tag: TAG,
  access: "viewer",
  query: overviewQuery,
  responses: { 200: { description: "Overview", json: overviewResponseSchema } },
  handler: async ({ query: { scope, extra } }) => {
    const data = await getOverview(scope.wave.id, scope.wave.instrument, scope.filters, { weighted: weightedChoice(extra.weighted) });
    return { wave: scope.wave.code, filters: scope.filters, ...data };
  },
});

export const compareRoute = defineRoute({
  id: "compareSegments",
  method: "GET",
  path: "/api/v1/analytics/compare",
  summary:
    "Segment A (a_ filters) against everyone else not in A (b=rest, within the b_ filters if any) or segment B " +
    "(b=custom, b_ filters), on every question",
  tag: TAG,
  access: "viewer",
  query: compareQuery,
  responses: { 200: { description: "Comparison", json: comparisonResponseSchema } },
  handler: async ({ query: { a, b, rest, extra } }) => {
    const data = await compareSegments(a.wave.id, a.wave.instrument, a.filters, rest ? { within: b.filters } : b.filters, otherWave(b), {
      weighted: weightedChoice(extra.weighted),
    });
    return { wave: a.wave.code, bWave: b.wave.code, a: a.filters, b: rest ? ("everyone else" as const) : b.filters, ...data };
  },
});

export const trendsRoute = defineRoute({
  id: "getTrends",
  method: "GET",
  path: "/api/v1/analytics/trends",
  summary:
    "Readiness index and dimensions, share in production, top concerns and planned infrastructure wave by wave, with 95% " +
    "intervals and wave-over-wave tests (Benjamini-Hochberg), small cells withheld",
  tag: TAG,
  access: "viewer",
  query: trendsQuery,
  responses: { 200: { description: "Trends", json: trendsResponseSchema } },
  handler: async ({ query: { waves, filters, extra } }) => ({
    ...(await getTrends(waves, filters, { weighted: weightedChoice(extra.weighted) })),
    filters,
  }),
});
