import { overviewCsv } from "@/lib/exports/handlers";
import { handle } from "@/lib/http/respond";

/** GET /api/v1/exports/overview.csv (session or API token); parameters as documented in the OpenAPI file. */
export const GET = handle(async (request: Request) => overviewCsv(request));
