// Runs before every request except static assets (Next.js 16 "proxy", formerly middleware):
// 1. refuses state-changing requests from other sites (CSRF), whatever they target: server
//    actions, better-auth, the survey draft API and any route added later;
// 2. gives every page a Content-Security-Policy with a per-request script nonce (Next.js reads
//    it from the request's CSP header and puts it on its own scripts), and API responses a
//    policy that loads nothing.
// 3. resolves a page's language (lib/i18n/locales.ts) and passes it on in the x-locale header;
// 4. adds Strict-Transport-Security to every response when APP_URL is https.
// The other security headers (nosniff, Referrer-Policy, X-Frame-Options, Permissions-Policy)
// are static and set in next.config.ts. API routes run the route pipeline (lib/api/pipeline.ts),
// which applies the same cross-site check and headers itself, also where the production server
// answers them without Next.js (lib/server/fast-routes.ts).
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, getEnv } from "@/lib/env";
import {
  DEFAULT_LOCALE,
  isRespondentPath,
  LANG_PARAM,
  LOCALE_HEADER,
  localeFromParam,
  negotiateLocale,
  PAGE_URL_HEADER,
} from "@/lib/i18n/locales";
import {
  API_CSP,
  CROSS_SITE_ERROR,
  isCrossSiteWrite,
  newNonce,
  pageCsp,
  publicOrigins,
  servesHttps,
  transportSecurityHeaders,
} from "@/lib/http/security";

export function proxy(request: NextRequest): NextResponse {
  const response = answer(request);
  // HSTS on every answer, this proxy's own refusals included, when APP_URL is https.
  for (const [name, value] of Object.entries(transportSecurityHeaders(appUrl(getEnv())))) response.headers.set(name, value);
  return response;
}

function answer(request: NextRequest): NextResponse {
  if (!decodablePath(request.nextUrl.pathname)) {
    // Next.js would answer a malformed %-escape with a bare 500; it is the client's mistake.
    const body = {
      error: {
        code: "bad_request",
        message: "The URL path is not valid percent-encoded UTF-8.",
        fields: [{ path: "path", message: "malformed percent-encoding" }],
      },
    };
    return NextResponse.json(body, { status: 400, headers: { "Cache-Control": "no-store", "Content-Security-Policy": API_CSP } });
  }
  const env = getEnv();
  const base = appUrl(env);
  if (isCrossSiteWrite(request, publicOrigins(base))) {
    return NextResponse.json(CROSS_SITE_ERROR, {
      status: 403,
      headers: { "Cache-Control": "no-store", "Content-Security-Policy": API_CSP },
    });
  }
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", API_CSP);
    return response;
  }
  const nonce = newNonce();
  const csp = pageCsp(nonce, { development: env.NODE_ENV === "development", https: servesHttps(base) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The respondent's language: the URL's ?lang= (shareable), else Accept-Language; analysts' pages are English.
  const locale = isRespondentPath(request.nextUrl.pathname)
    ? (localeFromParam(request.nextUrl.searchParams.get(LANG_PARAM)) ?? negotiateLocale(request.headers.get("accept-language")))
    : DEFAULT_LOCALE;
  requestHeaders.set(LOCALE_HEADER, locale);
  // The page's own address, for the language switcher's links (rendered on the server: no script).
  requestHeaders.set(PAGE_URL_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Content-Language", locale);
  response.headers.append("Vary", "Accept-Language");
  return response;
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
