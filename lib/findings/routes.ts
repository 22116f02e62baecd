import "server-only";
import { defineRoute } from "@/lib/api/route";
import { getFindings } from "./index";
import { findingsQuery } from "./pages";
import { findingsResponseSchema } from "./schemas";

export const findingsRoute = defineRoute({
  id: "getFindings",
  method: "GET",
  path: "/api/v1/analytics/findings",
  summary: "Statistically supported findings under the filters, each with its evidence view and recommended architectures",
  tag: "Analytics",
  access: "viewer",
  query: findingsQuery,
  responses: {
    200: { description: "Findings", json: findingsResponseSchema },
  },
  handler: async ({ query: { scope } }) => {
    const report = await getFindings(scope.wave.id, scope.wave.instrument, scope.filters);
    return { wave: scope.wave.code, filters: scope.filters, ...report };
  },
});
