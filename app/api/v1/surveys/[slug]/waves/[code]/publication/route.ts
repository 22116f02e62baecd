import { nextRoute } from "@/lib/api/pipeline";
import { getPublicationRoute, setPublicationRoute } from "@/lib/results/routes";

export const GET = nextRoute(getPublicationRoute);
export const PUT = nextRoute(setPublicationRoute);
