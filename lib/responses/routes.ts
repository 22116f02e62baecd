import "server-only";
import { defineRoute } from "@/lib/api/route";
import { cursorOf, explorerQuery } from "./pages";
import { listResponses } from "./query";
import { responsesPageSchema } from "./schemas";

export const listResponsesRoute = defineRoute({
  id: "listResponses",
  method: "GET",
  path: "/api/v1/responses",
  summary: "Responses, one page at a time (keyset pagination: page 5,000 costs what page 1 does)",
  tag: "Responses",
  access: "analyst",
  query: explorerQuery,
  responses: {
    200: { description: "One page", json: responsesPageSchema },
  },
  handler: async ({ query: { scope, extra } }) => {
    const page = await listResponses(scope.wave.id, scope.filters, extra, cursorOf(extra));
    return {
      wave: scope.wave.code,
      filters: scope.filters,
      status: extra.status,
      sort: extra.sort,
      dir: extra.dir,
      limit: extra.limit,
      total: page.total,
      nextCursor: page.nextCursor,
      prevCursor: page.prevCursor,
      rows: page.rows,
    };
  },
});
