import "server-only";
// The CSV exports, declared once (lib/api/route.ts). Each takes the filters of the view it
// exports plus the download options; the work (audit, tables, COPY) is in ./handlers.ts.
import { weightedChoice, weightedShape } from "@/lib/analytics/filter-schema";
import { comparisonQuery, multiWaveQuery, scopedQuery, waveQuery } from "@/lib/analytics/queries";
import { defineRoute, type Caller, type ResponseSpec } from "@/lib/api/route";
import { appUrl } from "@/lib/env";
import { explorerShape } from "@/lib/responses/params";
import {
  codebookCsv,
  codebookWavesCsv,
  compareCsv,
  findingsCsv,
  overviewCsv,
  responsesBundle,
  responsesCsv,
  responsesWavesCsv,
  trendsCsv,
} from "./handlers";
import { downloadShape } from "./options";

const TAG = "Exports";
const csv = (what: string): ResponseSpec => ({
  description: `${what}: CSV (UTF-8, RFC 4180; a cell a spreadsheet would evaluate, starting = + - @ tab or CR, is prefixed with ').`,
  media: {
    "text/csv": { description: "Without gzip=1 (streamed uncompressed)." },
    "application/gzip": { description: "With gzip=1: the same CSV, gzip-compressed (….csv.gz)." },
  },
  headers: { "Content-Disposition": "attachment; filename=…" },
});
const download = (caller: Caller | null, options: { bom: boolean; gzip: boolean }) => ({ caller: caller as Caller, ...options });

export const responsesCsvRoute = defineRoute({
  id: "exportResponses",
  method: "GET",
  path: "/api/v1/exports/responses.csv",
  summary: "Every matching response as CSV, streamed by PostgreSQL's COPY (one 0/1 column per multi-select option, rank columns)",
  tag: TAG,
  access: "analyst",
  query: scopedQuery({ status: explorerShape.status, ...downloadShape }),
  responses: { 200: csv("The responses") },
  handler: async ({ request, caller, query: { scope, extra } }) =>
    responsesCsv(download(caller, extra), scope, extra.status, request.signal),
});

export const bundleRoute = defineRoute({
  id: "exportBundle",
  method: "GET",
  path: "/api/v1/exports/bundle.zip",
  summary: "The statisticians' bundle: the responses CSV with SPSS, R and Stata loaders and a datapackage.json, as one ZIP",
  description:
    "The same responses and filters as responses.csv (with its weight column when the wave is weighted), beside " +
    "responses-<wave>.sps (variable and value labels, missing values, WEIGHT BY weight), responses-<wave>.R (labelled " +
    "factors, the weight and a ready svydesign), responses-<wave>.do (Stata) and datapackage.json (Frictionless table " +
    "schema). The loaders strip the apostrophe that neutralizes spreadsheet formulas. Streamed as a stored ZIP.",
  tag: TAG,
  access: "analyst",
  query: scopedQuery({ status: explorerShape.status }),
  responses: {
    200: {
      description: "The bundle (application/zip)",
      media: { "application/zip": { description: "A ZIP archive (stored, UTF-8 names)." } },
      headers: { "Content-Disposition": "attachment; filename=…" },
    },
  },
  handler: async ({ request, caller, query: { scope, extra } }) => responsesBundle(caller as Caller, scope, extra.status, request.signal),
});

export const codebookCsvRoute = defineRoute({
  id: "exportCodebook",
  method: "GET",
  path: "/api/v1/exports/codebook.csv",
  summary: "The responses CSV's columns with their questions, kinds and option labels",
  tag: TAG,
  access: "analyst",
  query: waveQuery({ ...downloadShape }),
  responses: { 200: csv("The codebook") },
  handler: async ({ caller, query: { scope, extra } }) => codebookCsv(download(caller, extra), scope),
});

export const overviewCsvRoute = defineRoute({
  id: "exportOverview",
  method: "GET",
  path: "/api/v1/exports/overview.csv",
  summary: "The overview's tables, small cells withheld as on screen",
  tag: TAG,
  access: "viewer",
  query: scopedQuery({ ...weightedShape, ...downloadShape }),
  responses: { 200: csv("The overview tables") },
  handler: async ({ caller, query: { scope, extra } }) => overviewCsv(download(caller, extra), scope, weightedChoice(extra.weighted)),
});

export const compareCsvRoute = defineRoute({
  id: "exportComparison",
  method: "GET",
  path: "/api/v1/exports/compare.csv",
  summary: "The segment comparison (a_ filters against b=rest or b=custom with b_ filters)",
  tag: TAG,
  access: "viewer",
  query: comparisonQuery({ ...weightedShape, ...downloadShape }),
  responses: { 200: csv("The comparison") },
  handler: async ({ caller, query: { a, b, rest, extra } }) =>
    compareCsv(download(caller, extra), a, b, rest, weightedChoice(extra.weighted)),
});

export const findingsCsvRoute = defineRoute({
  id: "exportFindings",
  method: "GET",
  path: "/api/v1/exports/findings.csv",
  summary: "The findings with their recommended architectures and evidence links",
  tag: TAG,
  access: "viewer",
  query: scopedQuery({ ...weightedShape, ...downloadShape }),
  responses: { 200: csv("The findings") },
  // Links from APP_URL, like every other absolute link: behind a proxy the request's own host is internal.
  handler: async ({ caller, query: { scope, extra } }) =>
    findingsCsv(download(caller, extra), scope, appUrl(), weightedChoice(extra.weighted)),
});

export const responsesWavesCsvRoute = defineRoute({
  id: "exportResponsesAcrossWaves",
  method: "GET",
  path: "/api/v1/exports/responses-waves.csv",
  summary:
    "The responses of several waves in one CSV (streamed by COPY): a wave column on every row, the union of the waves' columns " +
    "(empty where a wave did not ask), rows by wave oldest first",
  tag: TAG,
  access: "analyst",
  query: multiWaveQuery({ status: explorerShape.status, ...downloadShape }),
  responses: { 200: csv("The responses of the waves") },
  handler: async ({ request, caller, query: { waves, filters, extra } }) =>
    responsesWavesCsv(download(caller, extra), waves, filters, extra.status, request.signal),
});

export const codebookWavesCsvRoute = defineRoute({
  id: "exportCodebookAcrossWaves",
  method: "GET",
  path: "/api/v1/exports/codebook-waves.csv",
  summary: "The codebooks of several waves (oldest first): each column with its wave, section, question text, role and values",
  tag: TAG,
  access: "analyst",
  query: multiWaveQuery({ ...downloadShape }, false),
  responses: { 200: csv("The codebooks") },
  handler: async ({ caller, query: { waves, extra } }) => codebookWavesCsv(download(caller, extra), waves),
});

export const trendsCsvRoute = defineRoute({
  id: "exportTrends",
  method: "GET",
  path: "/api/v1/exports/trends.csv",
  summary: "The trends: every measure per wave with its interval and the BH-adjusted change from the wave before",
  tag: TAG,
  access: "viewer",
  query: multiWaveQuery({ ...weightedShape, ...downloadShape }),
  responses: { 200: csv("The trends") },
  handler: async ({ caller, query: { waves, filters, extra } }) =>
    trendsCsv(download(caller, extra), waves, filters, weightedChoice(extra.weighted)),
});

export const exportRoutes = [
  responsesCsvRoute,
  bundleRoute,
  codebookCsvRoute,
  overviewCsvRoute,
  compareCsvRoute,
  findingsCsvRoute,
  responsesWavesCsvRoute,
  codebookWavesCsvRoute,
  trendsCsvRoute,
];
