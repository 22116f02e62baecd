import { nextRoute } from "@/lib/api/pipeline";
import { findingsRoute } from "@/lib/findings/routes";

export const GET = nextRoute(findingsRoute);
