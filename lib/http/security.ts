// Pure building blocks for proxy.ts: the Content-Security-Policy, HSTS and the cross-site write check.
// Kept free of Next.js imports so unit tests can exercise them directly.
import { CrossSiteRequestError } from "@/lib/errors";

export interface CspOptions {
  /** Development needs 'unsafe-eval' (React rebuilds server stacks with eval) and inline styles (HMR). */
  development: boolean;
  /** When the public URL is https, ask browsers to upgrade any stray http subresource. */
  https: boolean;
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for HTML pages. Scripts run only when they carry this response's nonce (Next.js adds
 * it to its own scripts while rendering) or were loaded by such a script ('strict-dynamic');
 * no 'unsafe-eval' outside development.
 *
 * Styles: 'unsafe-inline' is needed because React renders `style` attributes (recharts positions
 * its SVG, tooltips and legends with inline styles; Next's route announcer and our progress bars
 * set widths), and a nonce cannot cover attributes. Inline CSS cannot run script, so the risk it
 * leaves is limited to page defacement by an injection that would already be escaped by React.
 */
export function pageCsp(nonce: string, options: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Whether the app is served over https, decided by its public URL (APP_URL) and nothing a request
 * says: X-Forwarded-Proto can be sent by anyone who reaches the server directly. Cookies' Secure
 * flag, HSTS and the CSP's upgrade-insecure-requests all follow it.
 */
export function servesHttps(appUrl: string): boolean {
  return new URL(appUrl).protocol === "https:";
}

/**
 * HSTS: two years, subdomains included, on every response when the app is served over https; never
 * over http (a browser would then refuse the plain-http site for the whole period). No `preload`:
 * adding a domain to browsers' built-in list is its owner's decision.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The transport-security headers for a response of the app at `appUrl` (none over http). */
export function transportSecurityHeaders(appUrl: string): Record<string, string> {
  return servesHttps(appUrl) ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {};
}

/** JSON, CSV and other API responses are never documents to render: they may load nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** What proxy.ts answers a refused cross-site write: the same body as the route pipeline's. */
export const CROSS_SITE_ERROR = (() => {
  const error = new CrossSiteRequestError();
  return { error: { code: error.code, message: error.message, fields: error.fields } };
})();

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface WriteRequest {
  method: string;
  headers: Headers;
}

/**
 * True when a state-changing request (POST, PUT, PATCH, DELETE…) comes from another site, so
 * cookies it carries must not be honoured: Sec-Fetch-Site says cross-site or same-site (a sibling
 * subdomain), or the Origin header names neither this host nor the configured public URL
 * ("null" included: sandboxed frames, cross-origin redirects). Requests without either header are
 * not from a browser page (curl, scripts with bearer tokens) and pass: browsers always send Origin
 * on non-GET requests.
 */
export function isCrossSiteWrite(request: WriteRequest, publicOrigins: string[]): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return fetchSite === "same-site";
  return !isOwnOrigin(origin, request.headers, publicOrigins);
}

function isOwnOrigin(origin: string, headers: Headers, publicOrigins: string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" or garbage
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (publicOrigins.includes(parsed.origin)) return true;
  // Same host as the request (what Next.js itself checks for server actions); behind a proxy
  // that rewrites Host, the forwarded host is the one the browser saw.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return host !== null && host !== "" && parsed.host === host.toLowerCase();
}

/** The public URL's origin plus its 127.0.0.1 twin when it is localhost (both reach a local app). */
export function publicOrigins(appUrl: string): string[] {
  const url = new URL(appUrl);
  const origins = [url.origin];
  if (url.hostname === "localhost") origins.push(`${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ""}`);
  return origins;
}
