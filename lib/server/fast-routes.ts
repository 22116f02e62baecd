import "server-only";
// Routes the production server (scripts/serve.ts) answers without Next.js's request pipeline.
// Only anonymous API submissions, the one route a launch-day burst hits thousands of times a
// second: Next's router, the proxy.ts sandbox and its web-stream plumbing cost several times the
// CPU of the submission itself (docs/PERFORMANCE.md). The request goes through the same route
// declaration and pipeline as the Next.js route file (lib/api/pipeline.ts: cross-site check,
// validation, handler, security headers); anything unusual falls through to Next.js.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { runRoute } from "@/lib/api/pipeline";
import type { AppError } from "@/lib/errors";
import { apiSecurityHeaders } from "@/lib/http/headers";
import { errorResponse } from "@/lib/http/respond";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { submitResponseRoute } from "@/lib/survey/routes";
import { submissionSlug } from "./fast-route-paths";
import { readCapped } from "./node-body";

export type FastRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The handler for this request when the server answers it itself, or null for Next.js. */
export function fastRoute(req: IncomingMessage): FastRoute | null {
  const slug = submissionSlug(req.method, req.url);
  if (slug === null) return null;
  return (request, response) => serveSubmission(request, response, slug);
}

async function serveSubmission(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  // The client went away before its answer: as in the pipeline, nothing is logged or written.
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  let tooLarge = false;
  try {
    const headers = requestHeaders(req);
    const body = await readCapped(req, MAX_BODY_BYTES);
    tooLarge = body.byteLength > MAX_BODY_BYTES;
    // Only the path and query of the URL are read (submissionSlug matched them); the Host header
    // stays in the headers, where the cross-site check reads it.
    const request = new Request(`http://localhost${req.url ?? "/"}`, {
      method: "POST",
      headers,
      body,
      signal: gone.signal,
    });
    await send(res, await runRoute(submitResponseRoute, request, { slug }), tooLarge);
  } catch {
    // Only reading the body can fail here (runRoute answers every error itself): the client
    // closed the connection mid-body, so there is nobody to answer.
    res.destroy();
  }
}

/** Answers a refusal the server makes before Next.js or any route runs (lib/server/request-guards.ts). */
export async function sendError(res: ServerResponse, error: AppError, closeConnection = false): Promise<void> {
  const response = errorResponse(error, "GET");
  for (const [name, value] of Object.entries(apiSecurityHeaders())) response.headers.set(name, value);
  await send(res, response, closeConnection);
}

/**
 * The request's headers as Next.js would hand them to a route: when no proxy reported the client
 * (X-Forwarded-For), the connection's address stands in, so rate limits apply per client.
 */
function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  return headers;
}

async function send(res: ServerResponse, response: Response, closeConnection: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  headers["content-length"] = String(body.byteLength);
  if (closeConnection) headers.connection = "close";
  if (res.destroyed) return;
  res.writeHead(response.status, headers);
  res.end(body, () => {
    if (closeConnection) res.socket?.destroy();
  });
}
