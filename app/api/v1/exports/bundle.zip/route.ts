import { nextRoute } from "@/lib/api/pipeline";
import { bundleRoute } from "@/lib/exports/routes";

export const GET = nextRoute(bundleRoute);
