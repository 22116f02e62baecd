import { nextRoute } from "@/lib/api/pipeline";
import { responsesCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(responsesCsvRoute);
