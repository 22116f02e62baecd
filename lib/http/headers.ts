// The security headers of every answer, from one source: the static list (also applied by
// next.config.ts to whatever Next.js serves) plus what depends on the kind of answer. API routes
// get theirs from the route pipeline (lib/api/pipeline.ts), so the production server's own
// route needs nothing extra; pages get their per-request CSP from proxy.ts.
import { appUrl, getEnv } from "@/lib/env";
import { API_CSP, transportSecurityHeaders } from "./security";
import { STATIC_SECURITY_HEADERS } from "./static-headers";

let cached: Readonly<Record<string, string>> | undefined;

/** Headers every API answer carries (JSON, CSV, errors). */
export function apiSecurityHeaders(): Readonly<Record<string, string>> {
  if (!cached) {
    cached = Object.freeze({
      ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
      "Content-Security-Policy": API_CSP,
      // HSTS when APP_URL is https (proxy.ts adds the same to pages).
      ...transportSecurityHeaders(appUrl(getEnv())),
    });
  }
  return cached;
}
