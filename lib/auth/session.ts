import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { AppError } from "@/lib/errors";
import { toSearchParams } from "@/lib/http/params";
import { auth } from "./index";
import { analystFromBearer } from "./tokens";
import { atLeast, roleOf, type Role } from "./roles";

export interface Analyst {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How this request authenticated (exports record it in the audit log). */
  via: "session" | "token";
}

/** The challenge of a 401 to a request that authenticated (or tried to) with a session cookie. */
const COOKIE_CHALLENGE = 'Cookie realm="analysts"';

/**
 * The challenge of a 401 to a request that sent Authorization (RFC 6750, section 3): the Bearer
 * scheme, with error="invalid_token" when a bearer token was sent and is wrong, revoked or its
 * owner gone; without an error code when the header carries no bearer token at all.
 */
export function bearerChallenge(authorization: string): string {
  const sentToken = /^Bearer\s+\S/i.test(authorization.trim());
  return sentToken
    ? 'Bearer realm="analysts", error="invalid_token", error_description="The API token is not valid or was revoked"'
    : 'Bearer realm="analysts"';
}

export class UnauthorizedError extends AppError {
  constructor(challenge = COOKIE_CHALLENGE) {
    super(401, "unauthorized", "Sign in as an analyst to use this.", [], { "WWW-Authenticate": challenge });
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super(403, "forbidden", "Your role does not allow this.");
  }
}

/** The viewer, analyst or admin whose session cookie is in these headers, or null (banned: null too). */
export async function analystFromSession(requestHeaders: Headers): Promise<Analyst | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  const user = session?.user;
  if (!user || user.banned) return null;
  const role = roleOf(user.role);
  return role ? { id: user.id, email: user.email, name: user.name, role, via: "session" } : null;
}

/**
 * The signed-in analyst or admin of the page being rendered, or null. Memoized per request
 * (React.cache), so a layout and its page ask the database once.
 */
export const currentAnalyst = cache(async (): Promise<Analyst | null> => {
  // Read the request first: it marks the page dynamic before the auth instance (and its secret)
  // is needed, so builds never require AUTH_SECRET.
  return analystFromSession(await headers());
});

/** "/dashboard?industry=x" from a page's path and its search params, for the login round trip. */
export function pathWithQuery(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const text = toSearchParams(params).toString();
  return text ? `${pathname}?${text}` : pathname;
}

/**
 * For pages: the signed-in account, or a redirect to the login page that comes back here. Pages
 * are for analysts unless they say otherwise (`minimum`): a page added later is closed to viewers
 * until someone opens it on purpose. Someone signed in whose role is below `minimum` goes to the
 * overview, which every role may open.
 */
export async function requireAnalystPage(returnTo: string, minimum: Role = "analyst"): Promise<Analyst> {
  const analyst = await currentAnalyst();
  if (!analyst) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!atLeast(analyst.role, minimum)) redirect("/dashboard");
  return analyst;
}

/**
 * For API routes: the account behind a personal API token (Authorization: Bearer; analysts and
 * admins only) or a session cookie, or a 401/403 through the error mapper. A token that is present
 * but wrong is refused even if a cookie is also sent, so scripts never silently run as someone
 * else. `minimum` is the route's access (lib/api/route.ts).
 */
export async function requireCaller(requestHeaders: Headers, minimum: Role = "analyst"): Promise<Analyst> {
  const authorization = requestHeaders.get("authorization");
  const analyst = authorization ? await analystFromBearer(authorization) : await analystFromSession(requestHeaders);
  if (!analyst) throw new UnauthorizedError(authorization ? bearerChallenge(authorization) : COOKIE_CHALLENGE);
  if (!atLeast(analyst.role, minimum)) throw new ForbiddenError();
  return analyst;
}

/**
 * For server actions (always called from a signed-in browser page): the analyst, or Next's 401
 * (app/dashboard/unauthorized.tsx: sign in again and come back) or 403 (app/forbidden.tsx) instead of an
 * error page. Bearer tokens do not apply: actions are not part of the API.
 */
export async function requireAnalystAction(minimum: Role = "analyst"): Promise<Analyst> {
  const analyst = await currentAnalyst();
  if (!analyst) unauthorized();
  if (!atLeast(analyst.role, minimum)) forbidden();
  return analyst;
}
