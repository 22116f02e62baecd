import { nextRoute } from "@/lib/api/pipeline";
import { deleteOwnResponseRoute } from "@/lib/survey/routes";

export const DELETE = nextRoute(deleteOwnResponseRoute);
