import "server-only";
// The one door to better-auth's HTTP endpoints (app/api/auth/[...all]/route.ts). Before better-auth
// sees a request:
// - the client is named by the app's own rule (TRUSTED_PROXY_HOPS) in CLIENT_ADDRESS_HEADER, the
//   only header better-auth's per-address limits read (lib/auth/config.ts);
// - a body is read once, here: JSON only (better-auth would also take form-encoded sign-ins, which
//   the per-account limit could not read), at most AUTH_BODY_LIMIT bytes, refused otherwise
//   (415 naming Content-Type, 413 naming body, 400 naming body), and better-auth receives exactly
//   the parsed value, so the account the limit counts is the account better-auth checks;
// - endpoints that check a password go through the per-account limit (./login-limit.ts).
import { NotFoundError, UnsupportedMediaTypeError, ValidationError } from "@/lib/errors";
import { readCappedBody } from "@/lib/http/body";
import { handle } from "@/lib/http/respond";
import { clientAddressForAuth } from "@/lib/ratelimit";
import { CLIENT_ADDRESS_HEADER } from "@/lib/ratelimit/client";
import { AUTH_BASE_PATH } from "./config";
import { auth } from "./index";
import { BLOCKED_ADMIN_ENDPOINTS } from "./blocked-endpoints";
import { withPasswordLimit } from "./login-limit";

/** Far above any body better-auth's endpoints need here (a sign-in is under 300 bytes). */
export const AUTH_BODY_LIMIT = 16 * 1024;

export const handleAuthRequest = handle(async (request: Request): Promise<Response> => {
  if (BLOCKED_ADMIN_ENDPOINTS.has(endpointOf(request.url))) throw new NotFoundError("Endpoint");
  const body = await readAuthBody(request);
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, clientAddressForAuth(request));
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  if (body !== undefined) headers.set("content-type", "application/json");
  const forwarded = new Request(request.url, {
    method: request.method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    signal: request.signal,
  });
  return withPasswordLimit(endpointOf(request.url), body, request, () => auth().handler(forwarded));
});

/**
 * The request's JSON body, or undefined when it has none (GET, or an empty POST such as a
 * sign-out, with or without Content-Length). Read to the end here, whatever better-auth would do.
 */
async function readAuthBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const bytes = await readCappedBody(request, AUTH_BODY_LIMIT);
  if (bytes.byteLength === 0) return undefined;
  const type = request.headers.get("content-type") ?? "";
  // better-auth's own test for JSON (the media type exactly, parameters such as charset allowed).
  if (type.split(";")[0]?.trim().toLowerCase() !== "application/json") throw new UnsupportedMediaTypeError("application/json");
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : "malformed JSON";
    throw new ValidationError([{ path: "body", message: `is not valid JSON (${detail})` }]);
  }
}

/** "/sign-in/email" for /api/auth/sign-in/email (trailing slashes dropped, as better-auth's limiter does). */
function endpointOf(url: string): string {
  const path = new URL(url).pathname;
  const relative = path.startsWith(`${AUTH_BASE_PATH}/`) ? path.slice(AUTH_BASE_PATH.length) : path;
  return relative.replace(/\/+$/, "") || "/";
}
