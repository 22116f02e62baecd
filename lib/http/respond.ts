import "server-only";
import { AppError, ServiceUnavailableError } from "@/lib/errors";
import { toAppError } from "@/lib/db/errors";

export interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const body = new TextEncoder().encode(JSON.stringify(data));
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", "no-store");
  headers.set("Content-Type", "application/json");
  // A known length lets Next's compression skip small answers (under 1 KB) instead of gzipping
  // every 100-byte acknowledgement of a submission burst.
  headers.set("Content-Length", String(body.byteLength));
  return new Response(body, { ...init, headers });
}

/**
 * The one mapper from thrown values to HTTP responses. Unknown errors are logged, never shown.
 * `method` lets a database outage's 503 say whether a write was saved, where that is known.
 */
export function errorResponse(error: unknown, method?: string): Response {
  const known = error instanceof AppError ? error : toAppError(error, method);
  if (known) {
    const body: ErrorBody = { error: { code: known.code, message: known.message, fields: known.fields } };
    if (known instanceof ServiceUnavailableError) console.warn(`[503] ${describe(error)}`);
    return json(body, { status: known.status, headers: known.headers });
  }
  const incident = crypto.randomUUID();
  console.error(`[500] incident ${incident}:`, error);
  const body: ErrorBody = {
    error: { code: "internal_error", message: `Something went wrong (incident ${incident}).`, fields: [] },
  };
  return json(body, { status: 500 });
}

/**
 * Error mapping for the one handler that is not a route declaration (better-auth's catch-all,
 * lib/auth/handler.ts): every thrown value goes through errorResponse, and a client that went
 * away is not an incident. Declared routes get this from lib/api/pipeline.ts.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      const request = args[0];
      if (request instanceof Request && request.signal.aborted) return new Response(null, { status: 499 });
      return errorResponse(error, request instanceof Request ? request.method : undefined);
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
}
