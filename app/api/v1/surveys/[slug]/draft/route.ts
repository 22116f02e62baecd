import { nextRoute } from "@/lib/api/pipeline";
import { getDraftRoute, saveDraftRoute } from "@/lib/survey/routes";

export const GET = nextRoute(getDraftRoute);
export const PUT = nextRoute(saveDraftRoute);
