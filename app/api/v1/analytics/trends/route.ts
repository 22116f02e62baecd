import { trendsRoute } from "@/lib/analytics/routes";
import { nextRoute } from "@/lib/api/pipeline";

export const GET = nextRoute(trendsRoute);
