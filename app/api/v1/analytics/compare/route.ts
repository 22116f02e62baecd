import { loadComparison } from "@/lib/analytics/pages";
import { requireAnalystApi } from "@/lib/auth/session";
import { handle, json } from "@/lib/http/respond";

/** GET /api/v1/analytics/compare?a_industry=…&b=rest (or b=custom&b_region=…) */
export const GET = handle(async (request: Request) => {
  await requireAnalystApi();
  const { a, b, data } = await loadComparison(new URL(request.url).searchParams, true);
  return json({ wave: a.wave.code, a: a.filters, b: b ? b.filters : "everyone else", ...data });
});
