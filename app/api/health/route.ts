import { nextRoute } from "@/lib/api/pipeline";
import { healthRoute } from "@/lib/api/registry";

export const GET = nextRoute(healthRoute);
