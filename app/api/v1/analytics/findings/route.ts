import { requireAnalystApi } from "@/lib/auth/session";
import { loadFindings } from "@/lib/findings/pages";
import { handle, json } from "@/lib/http/respond";

/** GET /api/v1/analytics/findings?<dashboard filters> */
export const GET = handle(async (request: Request) => {
  await requireAnalystApi();
  const { scope, report } = await loadFindings(new URL(request.url).searchParams, true);
  return json({ wave: scope.wave.code, filters: scope.filters, ...report });
});
