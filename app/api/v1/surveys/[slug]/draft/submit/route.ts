import { nextRoute } from "@/lib/api/pipeline";
import { submitDraftRoute } from "@/lib/survey/routes";

export const POST = nextRoute(submitDraftRoute);
