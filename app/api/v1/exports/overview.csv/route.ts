import { nextRoute } from "@/lib/api/pipeline";
import { overviewCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(overviewCsvRoute);
