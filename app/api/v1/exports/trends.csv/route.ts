import { nextRoute } from "@/lib/api/pipeline";
import { trendsCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(trendsCsvRoute);
