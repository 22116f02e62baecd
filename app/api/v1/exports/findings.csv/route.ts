import { findingsCsv } from "@/lib/exports/handlers";
import { handle } from "@/lib/http/respond";

/** GET /api/v1/exports/findings.csv?<dashboard filters>[&bom=1] */
export const GET = handle(findingsCsv);
