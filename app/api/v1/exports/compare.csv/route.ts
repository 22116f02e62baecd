import { nextRoute } from "@/lib/api/pipeline";
import { compareCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(compareCsvRoute);
