import { nextRoute } from "@/lib/api/pipeline";
import { surveyDefinitionRoute } from "@/lib/survey/routes";

export const GET = nextRoute(surveyDefinitionRoute);
