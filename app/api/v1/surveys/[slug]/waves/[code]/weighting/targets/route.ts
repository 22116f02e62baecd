import { nextRoute } from "@/lib/api/pipeline";
import { clearTargetsRoute, getTargetsRoute, putTargetsRoute } from "@/lib/weighting/routes";

export const GET = nextRoute(getTargetsRoute);
export const PUT = nextRoute(putTargetsRoute);
export const DELETE = nextRoute(clearTargetsRoute);
