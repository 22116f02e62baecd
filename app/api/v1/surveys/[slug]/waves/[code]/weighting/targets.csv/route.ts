import { nextRoute } from "@/lib/api/pipeline";
import { putTargetsCsvRoute } from "@/lib/weighting/routes";

export const PUT = nextRoute(putTargetsCsvRoute);
