import { nextRoute } from "@/lib/api/pipeline";
import { findingsCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(findingsCsvRoute);
