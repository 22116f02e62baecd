import { nextRoute } from "@/lib/api/pipeline";
import { codebookWavesCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(codebookWavesCsvRoute);
