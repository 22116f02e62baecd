import { nextRoute } from "@/lib/api/pipeline";
import { listResponsesRoute } from "@/lib/responses/routes";

export const GET = nextRoute(listResponsesRoute);
