// The OpenAPI 3.1 document, generated from the route declarations (lib/api/route.ts): every
// path, parameter, header, body, response and media type comes from the same zod schemas the
// pipeline parses with, so the document cannot drift from what the server does. Schemas built
// from the survey (filter option ids, a submission's answers) describe the newest and the open
// wave. The tests validate real answers of every endpoint against the served document.
import { z } from "zod";
import { isListParameter } from "./query";
import { isSignedInAccess, type AnyRoute, type DocContext, type ResponseSpec } from "./route";
import { errorBodySchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request: the fields name every offending parameter, header or body path",
  401: "Not signed in, or the API token is missing, wrong or revoked",
  403: "Not allowed: the role does not allow this, or a cross-site request",
  404: "Not found",
  413: "Body too large",
  415: "Content-Type is not application/json",
  422: "Idempotency-Key already used with a different body",
  429: "Too many requests: retry after Retry-After seconds",
  503: "Database unavailable: retry after Retry-After seconds (with the same Idempotency-Key for submissions)",
};

const ERROR_HEADERS: Record<number, Record<string, string>> = {
  401: { "WWW-Authenticate": 'Bearer (when a token was sent) or Cookie realm="analysts"' },
  429: { "Retry-After": "Seconds until the window ends" },
  503: { "Retry-After": "Seconds to wait before retrying" },
};

class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  /** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema; named parts become components. */
  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
    const text = JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/');
    const converted = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    delete converted.$schema;
    for (const [name, definition] of Object.entries(converted.$defs ?? {})) this.components[name] = definition;
    delete converted.$defs;
    return converted;
  }
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  const def = schema?._zod.def as { shape?: Record<string, z.ZodType> } | undefined;
  return def?.shape ?? {};
}

const isOptional = (schema: z.ZodType) => schema.safeParse(undefined).success;
const canonicalHeader = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

function parameters(route: AnyRoute, doc: DocContext, schemas: SchemaCollector) {
  const out: JsonSchema[] = [];
  for (const [name, schema] of Object.entries(shapeOf(route.params)))
    out.push({ name, in: "path", required: true, description: schema.description, schema: schemas.convert(schema, "input") });
  for (const [name, schema] of Object.entries(route.query?.document(doc) ?? {})) {
    const list = isListParameter(schema);
    out.push({
      name,
      in: "query",
      required: !isOptional(schema),
      description: schema.description,
      ...(list ? { style: "form", explode: true } : {}),
      schema: schemas.convert(schema, "input"),
    });
  }
  for (const [name, schema] of Object.entries(shapeOf(route.headers)))
    out.push({
      name: canonicalHeader(name),
      in: "header",
      required: !isOptional(schema),
      description: schema.description,
      schema: schemas.convert(schema, "input"),
    });
  return out.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
}

function response(status: number, spec: ResponseSpec | "error", schemas: SchemaCollector): JsonSchema {
  if (spec === "error") {
    const headers = ERROR_HEADERS[status];
    return {
      description: STATUS_TEXT[status] ?? "Error",
      ...(headers
        ? { headers: Object.fromEntries(Object.entries(headers).map(([k, d]) => [k, { description: d, schema: { type: "string" } }])) }
        : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  const content: Record<string, JsonSchema> = {};
  if (spec.json) content["application/json"] = { schema: schemas.convert(spec.json, "output") };
  for (const [type, media] of Object.entries(spec.media ?? {}))
    content[type] = {
      ...(media.description ? { description: media.description } : {}),
      schema: type === "application/gzip" ? { type: "string", contentMediaType: "application/gzip" } : { type: "string" },
    };
  return {
    description: spec.description,
    ...(spec.headers
      ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([k, d]) => [k, { description: d, schema: { type: "string" } }])) }
      : {}),
    content,
  };
}

const SECURITY = {
  viewer: [{ bearerToken: [] }, { sessionCookie: [] }],
  analyst: [{ bearerToken: [] }, { sessionCookie: [] }],
  admin: [{ bearerToken: [] }, { sessionCookie: [] }],
  public: [],
  respondent: [],
} as const;

/**
 * Refusals the pipeline itself can answer on any route of this kind: 400 (an unknown or bad
 * parameter), 503 (the database), 401/403 (analyst routes), 403 (cross-site writes).
 */
function implied(route: AnyRoute): Record<number, "error"> {
  const out: Record<number, "error"> = { 400: "error", 503: "error" };
  if (isSignedInAccess(route.access)) Object.assign(out, { 401: "error", 403: "error" });
  if (route.method !== "GET") out[403] = "error";
  return out;
}

/** The whole document for these routes. */
export function openApiDocument(routes: AnyRoute[], doc: DocContext) {
  const schemas = new SchemaCollector();
  // The error body carries an id (Error), so converting it registers the component.
  schemas.convert(errorBodySchema, "output");
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const operation: JsonSchema = {
      operationId: route.id,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(SECURITY[route.access].length ? { security: SECURITY[route.access] } : {}),
      parameters: parameters(route, doc, schemas),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                [route.body.media ?? "application/json"]: {
                  schema: schemas.convert(route.body.document?.(doc) ?? route.body.schema, "input"),
                },
              },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries({ ...implied(route), ...route.responses }).map(([status, spec]) => [
          status,
          response(Number(status), spec, schemas),
        ]),
      ),
    };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Readiness Radar API",
      version: "1.0.0",
      description:
        "Survey definition and submissions (public), the respondent's own draft (resume cookie), and analyst data " +
        "(personal API token or session). Unknown or repeated single parameters answer 400 naming them. Errors are JSON " +
        "with every offending field. Filter option ids are those of the wave asked for" +
        (doc.newest ? ` (listed here for the newest wave, ${doc.newest.code})` : "") +
        ".",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (rr_…) created under Dashboard → API tokens." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "radar.session_token" },
      },
      schemas: schemas.components,
    },
    paths,
  };
}
