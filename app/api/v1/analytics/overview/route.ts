import { loadOverview } from "@/lib/analytics/pages";
import { requireAnalystApi } from "@/lib/auth/session";
import { handle, json } from "@/lib/http/respond";

/** GET /api/v1/analytics/overview?wave=&from=&to=&industry=&region=&size=&role=&stage= */
export const GET = handle(async (request: Request) => {
  await requireAnalystApi();
  const { scope, data } = await loadOverview(new URL(request.url).searchParams, true);
  return json({ wave: scope.wave.code, filters: scope.filters, ...data });
});
