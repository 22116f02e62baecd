import "server-only";
// Routes the production server (scripts/serve.ts) answers without Next.js's request pipeline.
// Only anonymous API submissions, the one route a launch-day burst hits thousands of times a
// second: Next's router, the proxy.ts sandbox and its web-stream plumbing cost several times the
// CPU of the submission itself (docs/PERFORMANCE.md). The request still goes through the same
// route handler (app/api/v1/surveys/[slug]/responses/route.ts), the same cross-site check as
// proxy.ts and the same headers as next.config.ts; anything unusual falls through to Next.js.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { POST as submitResponse } from "@/app/api/v1/surveys/[slug]/responses/route";
import { appUrl, getEnv } from "@/lib/env";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/respond";
import { API_CSP, CROSS_SITE_ERROR, isCrossSiteWrite, transportSecurityHeaders } from "@/lib/http/security";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/static-headers";
import { submissionSlug } from "./fast-route-paths";

// What next.config.ts and proxy.ts add to every API response, in lower case like Headers' names.
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value])),
  "content-security-policy": API_CSP,
};

// HSTS when APP_URL is https, as proxy.ts adds it; read once, on the first answer (not at import).
let transportHeaders: Readonly<Record<string, string>> | undefined;
const transportSecurity = () =>
  (transportHeaders ??= Object.fromEntries(
    Object.entries(transportSecurityHeaders(appUrl(getEnv()))).map(([key, value]) => [key.toLowerCase(), value]),
  ));

export type FastRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The handler for this request when the server answers it itself, or null for Next.js. */
export function fastRoute(req: IncomingMessage, publicOrigins: string[]): FastRoute | null {
  const slug = submissionSlug(req.method, req.url);
  if (slug === null) return null;
  return (request, response) => serveSubmission(request, response, slug, publicOrigins);
}

async function serveSubmission(req: IncomingMessage, res: ServerResponse, slug: string, publicOrigins: string[]): Promise<void> {
  // The client went away before its answer: like handle(), nothing is logged or written.
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  let tooLarge = false;
  try {
    const headers = requestHeaders(req);
    if (isCrossSiteWrite({ method: "POST", headers }, publicOrigins)) {
      return await send(res, Response.json(CROSS_SITE_ERROR, { status: 403, headers: { "Cache-Control": "no-store" } }), false);
    }
    const body = await readCapped(req, MAX_BODY_BYTES);
    tooLarge = body.byteLength > MAX_BODY_BYTES;
    const request = new Request(`http://${headers.get("host") ?? "localhost"}${req.url ?? "/"}`, {
      method: "POST",
      headers,
      body,
      signal: gone.signal,
    });
    await send(res, await submitResponse(request, { params: Promise.resolve({ slug }) }), tooLarge);
  } catch (error) {
    if (gone.signal.aborted) return;
    if (!res.headersSent) await send(res, errorResponse(error), tooLarge);
    else res.destroy();
  }
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

/**
 * The body, read until it passes `limit` bytes (then the route's body reader answers 413 and the
 * connection is closed rather than the rest read).
 */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(Buffer.concat(chunks, size));
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(new Error("the client closed the connection before sending its whole body"));
    });
  });
}

async function send(res: ServerResponse, response: Response, closeConnection: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...DEFAULT_HEADERS, ...transportSecurity() };
  // Headers iterates lower-cased names, so the route's own headers replace the defaults.
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
