import "server-only";
import { weightedChoice } from "@/lib/analytics/filter-schema";
import { describeFilters, segmentOptionsByKey } from "@/lib/analytics/filters";
import { defineRoute, type Caller } from "@/lib/api/route";
import { completeExport, startExport } from "@/lib/exports/audit";
import { getFindings } from "./index";
import { findingsQuery } from "./pages";
import { renderFindingsPdf } from "./report-pdf";
import { findingsResponseSchema } from "./schemas";

export const findingsRoute = defineRoute({
  id: "getFindings",
  method: "GET",
  path: "/api/v1/analytics/findings",
  summary: "Statistically supported findings under the filters, each with its evidence view and recommended architectures",
  tag: "Analytics",
  access: "viewer",
  query: findingsQuery,
  responses: {
    200: { description: "Findings", json: findingsResponseSchema },
  },
  handler: async ({ query: { scope, extra } }) => {
    const report = await getFindings(scope.wave.id, scope.wave.instrument, scope.filters, { weighted: weightedChoice(extra.weighted) });
    return { wave: scope.wave.code, filters: scope.filters, ...report };
  },
});

export const findingsReportPdfRoute = defineRoute({
  id: "getFindingsReportPdf",
  method: "GET",
  path: "/api/v1/findings/report.pdf",
  summary:
    "The findings report as a PDF (the printable report's content: summary, key charts, findings by theme, each recommended " +
    "architecture once, method and caveats), generated on the server",
  tag: "Analytics",
  access: "analyst",
  query: findingsQuery,
  responses: {
    200: {
      description: "The report: A4 pages numbered, fonts embedded; figures withheld to protect small groups are marked <k, never 0.",
      media: { "application/pdf": { description: "A PDF document (downloaded as findings-<wave>.pdf)." } },
      headers: { "Content-Disposition": "attachment; filename=…" },
    },
  },
  handler: async ({ caller, query: { scope, extra } }) => {
    const analyst = caller as Caller;
    const report = await getFindings(scope.wave.id, scope.wave.instrument, scope.filters, { weighted: weightedChoice(extra.weighted) });
    const pdf = await renderFindingsPdf(report, {
      waveCode: scope.wave.code,
      waveTitle: scope.wave.title,
      population: describeFilters(scope.filters, segmentOptionsByKey(scope.wave.instrument)),
      generated: new Date().toISOString().slice(0, 10),
    });
    // Audited like the findings CSV: what was exported, by whom, under which filters.
    await completeExport(await startExport(analyst.id, "findings.pdf", scope.filters, analyst.via), report.findings.length);
    return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="findings-${scope.wave.code}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
