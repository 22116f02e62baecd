// The OpenAPI description of /api/v1, served at /api/v1/openapi.json.
import { SEGMENT_FILTERS, SEGMENT_KEYS } from "@/lib/analytics/filters";
import { SORT_KEYS } from "@/lib/responses/params";

const filterParams = [
  { name: "wave", in: "query", schema: { type: "string" }, description: "Wave code, e.g. 2026-Q4 (default: the newest)." },
  { name: "from", in: "query", schema: { type: "string", format: "date" }, description: "First submission day (inclusive), YYYY-MM-DD." },
  { name: "to", in: "query", schema: { type: "string", format: "date" }, description: "Last submission day (inclusive), YYYY-MM-DD." },
  ...SEGMENT_KEYS.map((key) => ({
    name: key,
    in: "query",
    style: "form",
    explode: true,
    schema: { type: "array", items: { type: "string" } },
    description: `${SEGMENT_FILTERS[key].label}: option ids of the survey (repeat the parameter for several).`,
  })),
];

const error = { $ref: "#/components/responses/Error" };
const csv = {
  description: "CSV (UTF-8, RFC 4180; cells starting = + - @ are prefixed with ').",
  content: { "text/csv": { schema: { type: "string" } } },
};
const bom = {
  name: "bom",
  in: "query",
  schema: { type: "string", enum: ["0", "1"] },
  description: "1: start with a UTF-8 byte order mark (for Excel).",
};
const gzip = {
  name: "gzip",
  in: "query",
  schema: { type: "string", enum: ["0", "1"] },
  description: "1: send the file gzip-compressed (….csv.gz). Off by default: exports stream uncompressed, which is fastest on a good link.",
};
const analystSecurity = [{ bearerToken: [] }, { sessionCookie: [] }];

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Readiness Radar API",
    version: "1.0.0",
    description:
      "Survey definition and submissions (public), and analyst data (personal API token or session). Errors are JSON with the offending field paths.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (rr_…) created under Dashboard → API tokens." },
      sessionCookie: { type: "apiKey", in: "cookie", name: "radar.session_token" },
    },
    responses: {
      Error: {
        description: "Error",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: {
                error: {
                  type: "object",
                  properties: {
                    code: { type: "string" },
                    message: { type: "string" },
                    fields: {
                      type: "array",
                      items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    "/api/v1/surveys/{slug}": {
      get: {
        summary: "The open wave's definition: questions, option ids, rules",
        parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "Definition" }, "404": error },
      },
    },
    "/api/v1/surveys/{slug}/responses": {
      post: {
        summary: "Submit a complete response (idempotent by Idempotency-Key)",
        parameters: [
          { name: "slug", in: "path", required: true, schema: { type: "string" } },
          { name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", minLength: 8, maxLength: 200 } },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", required: ["answers"], properties: { answers: { type: "object" } } } },
          },
        },
        responses: {
          "201": { description: "Stored" },
          "200": { description: "Already stored under this key" },
          "400": error,
          "404": error,
          "413": error,
          "415": error,
          "422": error,
          "429": { ...error, description: "Too many submissions from this client address; retry after Retry-After seconds" },
          "503": error,
        },
      },
    },
    "/api/v1/responses": {
      get: {
        summary: "Responses, one page at a time (keyset pagination)",
        security: analystSecurity,
        parameters: [
          ...filterParams,
          { name: "status", in: "query", schema: { type: "string", enum: ["complete", "partial", "all"], default: "all" } },
          { name: "sort", in: "query", schema: { type: "string", enum: SORT_KEYS, default: "submitted_at" } },
          { name: "dir", in: "query", schema: { type: "string", enum: ["asc", "desc"], default: "desc" } },
          { name: "limit", in: "query", schema: { type: "integer", enum: [25, 50, 100], default: 50 }, description: "Page size." },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor or prevCursor of a previous page." },
        ],
        responses: { "200": { description: "{ total, rows, nextCursor, prevCursor }" }, "400": error, "401": error },
      },
    },
    "/api/v1/exports/responses.csv": {
      get: {
        summary: "All matching responses as CSV, streamed",
        security: analystSecurity,
        parameters: [
          ...filterParams,
          { name: "status", in: "query", schema: { type: "string", enum: ["complete", "partial", "all"] } },
          bom,
          gzip,
        ],
        responses: { "200": csv, "400": error, "401": error },
      },
    },
    "/api/v1/exports/codebook.csv": {
      get: {
        summary: "Column, question and option labels for the responses CSV",
        security: analystSecurity,
        parameters: [filterParams[0], bom, gzip],
        responses: { "200": csv, "400": error, "401": error },
      },
    },
    "/api/v1/exports/overview.csv": {
      get: {
        summary: "The overview's tables, small cells withheld",
        security: analystSecurity,
        parameters: [...filterParams, bom, gzip],
        responses: { "200": csv, "400": error, "401": error },
      },
    },
    "/api/v1/exports/compare.csv": {
      get: {
        summary: "Segment comparison (a_* against b_* or everyone else)",
        security: analystSecurity,
        parameters: [bom, gzip],
        responses: { "200": csv, "400": error, "401": error },
      },
    },
    "/api/v1/exports/findings.csv": {
      get: {
        summary: "Findings with recommended architectures",
        security: analystSecurity,
        parameters: [...filterParams, bom, gzip],
        responses: { "200": csv, "400": error, "401": error },
      },
    },
    "/api/v1/analytics/overview": {
      get: {
        summary: "Overview figures (suppressed)",
        security: analystSecurity,
        parameters: filterParams,
        responses: { "200": { description: "Overview" }, "400": error, "401": error },
      },
    },
    "/api/v1/analytics/compare": {
      get: {
        summary:
          "Segment comparison: parameters a_<filter>, b=rest|custom, b_<filter> (segment B, or with b=rest the group " +
          "everyone else is taken from; A and B must be separate groups)",
        security: analystSecurity,
        responses: { "200": { description: "Comparison" }, "400": error, "401": error },
      },
    },
    "/api/v1/analytics/findings": {
      get: {
        summary: "Findings",
        security: analystSecurity,
        parameters: filterParams,
        responses: { "200": { description: "Findings" }, "400": error, "401": error },
      },
    },
  },
} as const;
