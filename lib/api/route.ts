// One declaration per API endpoint: who may call it, the zod schemas of its path, query, headers
// and body, what it answers (per status and media type), and the handler. lib/api/pipeline.ts
// runs declarations (for the Next.js route files and the production server's own route alike)
// and lib/api/openapi.ts documents them, so the contract and the behaviour cannot drift.
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { FieldIssue } from "@/lib/errors";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseQuery, type ParsedQuery, type QueryShape, type QueryValue } from "./query";

/**
 * Who may call an endpoint:
 * - public: anyone (survey definition, submissions, health);
 * - respondent: anyone, acting only on what their own resume cookie opens (drafts, deletion);
 * - viewer: any signed-in role (viewer, analyst, admin): aggregate views only (lib/auth/roles.ts);
 *   viewers by session cookie, analysts and admins also by personal API token;
 * - analyst: an analyst or admin, by session cookie or personal API token (row-level data);
 * - admin: an admin, by session cookie or personal API token.
 */
export type Access = "public" | "respondent" | "viewer" | "analyst" | "admin";

/** The accesses that need someone signed in, each the lowest role it admits. */
export type SignedInAccess = Extract<Access, Role>;
export function isSignedInAccess(access: Access): access is SignedInAccess {
  return access === "viewer" || access === "analyst" || access === "admin";
}
export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type BodyMedia = "application/json" | "text/csv";

/** What the documentation needs to know about the survey to describe instrument-built schemas. */
export interface DocContext {
  /** The newest wave (filters, option ids) and the open one (answers), when there are any. */
  newest: { code: string; instrument: Instrument } | null;
  open: { code: string; instrument: Instrument } | null;
  waveCodes: string[];
}

/** A query string's schema: parsed per request (it may depend on the wave asked for). */
export interface QuerySpec<T> {
  parse(params: URLSearchParams): Promise<ParsedQuery<T>>;
  /** Every parameter with its schema, for the documentation. */
  document(doc: DocContext): QueryShape;
}

/** A query whose parameters do not depend on the survey. */
export function staticQuery<S extends QueryShape>(
  shape: S,
  check: (value: QueryValue<S>) => FieldIssue[] = () => [],
): QuerySpec<QueryValue<S>> {
  return {
    async parse(params) {
      const parsed = parseQuery(shape, params);
      return { value: parsed.value, problems: [...parsed.problems, ...check(parsed.value)] };
    },
    document: () => shape,
  };
}

export interface ResponseSpec {
  description: string;
  /** JSON body schema (application/json), or other media types with theirs. */
  json?: z.ZodType;
  media?: Record<string, { description?: string }>;
  headers?: Record<string, string>;
}

/** A handler's JSON answer with a status other than 200 (201 Created) or extra headers. */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}

export interface Caller {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
}

export interface HandlerContext<P, Q, H, B> {
  request: Request;
  params: P;
  query: Q;
  headers: H;
  body: B;
  /** The signed-in caller (access viewer/analyst/admin); null on public and respondent routes. */
  caller: Caller | null;
}

export interface RouteDefinition<P = unknown, Q = unknown, H = unknown, B = unknown, Out = unknown> {
  /** OpenAPI operationId, unique. */
  id: string;
  method: Method;
  /** OpenAPI path template, e.g. /api/v1/surveys/{slug}/responses. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: QuerySpec<Q>;
  /** Request headers as a zod object keyed by lower-case header name (others pass). */
  headers?: z.ZodType<H>;
  /**
   * The request body: JSON (the default), or CSV text (media "text/csv"), which the schema gets
   * as a string.
   */
  body?: { schema: z.ZodType<B>; document?: (doc: DocContext) => z.ZodType; limit?: number; media?: BodyMedia };
  /** Every status the endpoint answers, successes and errors (the error shape is shared). */
  responses: Record<number, ResponseSpec | "error">;
  handler: (context: HandlerContext<P, Q, H, B>) => Promise<Out | Reply<Out> | Response>;
  /**
   * Runs when the request is refused with a 4xx other than 429 (bad headers or body, or an
   * error from the handler): submissions count refused requests against the client's limit,
   * so a flood of bad requests still costs one counter update each and ends in 429.
   */
  onRefused?: (request: Request) => Promise<void>;
  /**
   * Runs after access and path checks, before the query, headers and body are read: limits that
   * must count every request, valid or not, before any work (draft saves) go here.
   */
  guard?: (request: Request, params: P) => Promise<void>;
}

/** Declares a route; the identity function, there for type inference. */
export function defineRoute<P = undefined, Q = undefined, H = undefined, B = undefined, Out = unknown>(
  definition: RouteDefinition<P, Q, H, B, Out>,
): RouteDefinition<P, Q, H, B, Out> {
  return definition;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any, any>;
