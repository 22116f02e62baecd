import { nextRoute } from "@/lib/api/pipeline";
import { responsesWavesCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(responsesWavesCsvRoute);
