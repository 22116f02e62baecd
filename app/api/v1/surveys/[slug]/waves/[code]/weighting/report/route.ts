import { nextRoute } from "@/lib/api/pipeline";
import { weightReportRoute } from "@/lib/weighting/routes";

export const GET = nextRoute(weightReportRoute);
