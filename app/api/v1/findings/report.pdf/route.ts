import { nextRoute } from "@/lib/api/pipeline";
import { findingsReportPdfRoute } from "@/lib/findings/routes";

export const GET = nextRoute(findingsReportPdfRoute);
