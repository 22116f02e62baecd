import { nextRoute } from "@/lib/api/pipeline";
import { replaceDefinitionRoute } from "@/lib/waves/routes";

export const PUT = nextRoute(replaceDefinitionRoute);
