import { nextRoute } from "@/lib/api/pipeline";
import { getTargetsRoute, putTargetsRoute } from "@/lib/weighting/routes";

export const GET = nextRoute(getTargetsRoute);
export const PUT = nextRoute(putTargetsRoute);
