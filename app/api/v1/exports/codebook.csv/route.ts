import { nextRoute } from "@/lib/api/pipeline";
import { codebookCsvRoute } from "@/lib/exports/routes";

export const GET = nextRoute(codebookCsvRoute);
