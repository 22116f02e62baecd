import { nextRoute } from "@/lib/api/pipeline";
import { submitResponseRoute } from "@/lib/survey/routes";

export const POST = nextRoute(submitResponseRoute);
