import { nextRoute } from "@/lib/api/pipeline";
import { openApiRoute } from "@/lib/api/registry";

export const GET = nextRoute(openApiRoute);
