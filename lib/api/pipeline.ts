import "server-only";
// Runs a route declaration (lib/api/route.ts) for one request, in a fixed order: cross-site
// check for writes, who is calling, path, query, headers, body, then the handler; every refusal
// and every thrown error goes through the one error mapper, and every answer gets the API's
// security headers. The Next.js route files and the production server's own submission route
// (lib/server/fast-routes.ts) both call runRoute, so there is one pipeline.
import { figuresFor } from "@/lib/auth/roles";
import { requireCaller } from "@/lib/auth/session";
import { withFigures } from "@/lib/engine/figures";
import { appUrl } from "@/lib/env";
import { AppError, CrossSiteRequestError, NotFoundError, ValidationError, type FieldIssue } from "@/lib/errors";
import { readJsonBody, readTextBody } from "@/lib/http/body";
import { apiSecurityHeaders } from "@/lib/http/headers";
import { errorResponse, json } from "@/lib/http/respond";
import { isCrossSiteWrite, publicOrigins } from "@/lib/http/security";
import type { z } from "zod";
import { isSignedInAccess, Reply, type AnyRoute, type Caller } from "./route";

/** Problems of a zod parse as field issues; unknown keys are named as `unknownKey` says. */
export function zodIssues(error: z.ZodError, prefix: string[] = [], unknownKey = "is not a field of this request"): FieldIssue[] {
  const join = (parts: PropertyKey[]) => parts.map(String).join(".") || "body";
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: join([...prefix, ...issue.path, key]), message: unknownKey }))
      : [{ path: join([...prefix, ...issue.path]), message: issue.message }],
  );
}

/** Runs `route` for `request`; `rawParams` are the path's dynamic segments. Never throws. */
export async function runRoute(route: AnyRoute, request: Request, rawParams: Record<string, string | string[]> = {}): Promise<Response> {
  let response: Response;
  try {
    response = await answer(route, request, rawParams);
  } catch (error) {
    // The client went away mid-request: nobody reads the answer and it is not the server's fault.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    response = errorResponse(error, request.method);
  }
  for (const [name, value] of Object.entries(apiSecurityHeaders())) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

async function answer(route: AnyRoute, request: Request, rawParams: Record<string, string | string[]>): Promise<Response> {
  if (route.method !== "GET" && isCrossSiteWrite(request, publicOrigins(appUrl()))) throw new CrossSiteRequestError();
  const caller: Caller | null = isSignedInAccess(route.access) ? await requireCaller(request.headers, route.access) : null;
  let params: unknown = undefined;
  if (route.params) {
    const parsed = route.params.safeParse(rawParams);
    // A path that cannot name anything names nothing that exists.
    if (!parsed.success) throw new NotFoundError("This address");
    params = parsed.data;
  }
  if (route.guard) await route.guard(request, params);
  const url = new URL(request.url);
  let query: unknown = undefined;
  if (route.query) {
    const parsed = await route.query.parse(url.searchParams);
    if (parsed.problems.length) throw new ValidationError(parsed.problems);
    query = parsed.value;
  } else {
    const unknown = [...new Set(url.searchParams.keys())];
    if (unknown.length) throw new ValidationError(unknown.map((key) => ({ path: key || "query", message: "is not a parameter here" })));
  }
  let headers: unknown = undefined;
  let body: unknown = undefined;
  try {
    if (route.headers) {
      const raw = Object.fromEntries([...request.headers.entries()]);
      const parsed = route.headers.safeParse(raw);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error).map(canonicalHeaderName));
      headers = parsed.data;
    }
    if (route.body) {
      const raw =
        route.body.media === "text/csv"
          ? await readTextBody(request, "text/csv", route.body.limit)
          : await readJsonBody(request, route.body.limit);
      const parsed = route.body.schema.safeParse(raw);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
      body = parsed.data;
    }
    // Analysts and admins read exact figures; viewers and anonymous callers protected ones (docs/PRIVACY.md).
    const result = await withFigures(figuresFor(caller?.role ?? null), () =>
      route.handler({ request, params, query, headers, body, caller }),
    );
    if (result instanceof Response) return result;
    if (result instanceof Reply) return json(result.body, { status: result.status, headers: result.headers });
    return json(result);
  } catch (error) {
    if (route.onRefused && error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      await route.onRefused(request);
    }
    throw error;
  }
}

/** Header names are case-insensitive on the wire; problems use the documented spelling. */
function canonicalHeaderName(issue: FieldIssue): FieldIssue {
  const path = issue.path.replace(/^[a-z0-9-]+/i, (name) =>
    name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()),
  );
  return { ...issue, path };
}

/** A Next.js route file's handler for a declaration: `export const GET = nextRoute(route)`. */
export function nextRoute(route: AnyRoute) {
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> =>
    runRoute(route, request, await context.params);
}
