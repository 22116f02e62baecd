import { requireAnalystApi } from "@/lib/auth/session";
import { handle, json } from "@/lib/http/respond";
import { loadResponsesPage } from "@/lib/responses/pages";

/** GET /api/v1/responses?<dashboard filters>&status=&sort=&dir=&limit=&cursor= */
export const GET = handle(async (request: Request) => {
  await requireAnalystApi();
  const { scope, explorer, page } = await loadResponsesPage(new URL(request.url).searchParams, true);
  return json({
    wave: scope.wave.code,
    filters: scope.filters,
    status: explorer.status,
    sort: explorer.sort,
    dir: explorer.dir,
    limit: explorer.limit,
    total: page.total,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    rows: page.rows,
  });
});
