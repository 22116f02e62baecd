import "server-only";
// Failed sign-ins per account, across every address, on top of better-auth's per-address limit
// (lib/auth/config.ts): a password-guessing run spread over many IPs still stops after
// RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT failures per window.
import { errorResponse } from "@/lib/http/respond";
import { RateLimitedError } from "@/lib/errors";
import { accountSubject, hit, limits, refund } from "@/lib/ratelimit";

const SIGN_IN_PATH = /\/sign-in\/email\/?$/;

/**
 * Wraps better-auth's POST handler. Every sign-in attempt is counted before the password is
 * checked (so concurrent guesses cannot overtake the limit) and taken back unless better-auth
 * answers 401 (wrong email or password): only failures use up the allowance.
 */
export async function withLoginLimit(request: Request, next: (request: Request) => Promise<Response>): Promise<Response> {
  if (!SIGN_IN_PATH.test(new URL(request.url).pathname)) return next(request);
  const email = await emailOf(request.clone());
  if (email === null) return next(request);
  const limit = limits.loginFailuresPerAccount();
  const subject = accountSubject(email);
  let counted = false;
  try {
    const outcome = await hit(limit, subject);
    counted = true;
    if (!outcome.allowed) {
      await refund(limit, subject);
      counted = false;
      return errorResponse(
        new RateLimitedError("email", "Too many failed sign-ins for this account; try again later.", outcome.retryAfter),
      );
    }
    const response = await next(request);
    if (response.status !== 401) {
      await refund(limit, subject);
      counted = false;
    }
    return response;
  } catch (error) {
    if (counted) await refund(limit, subject).catch(() => undefined);
    return errorResponse(error);
  }
}

async function emailOf(request: Request): Promise<string | null> {
  // A sign-in body is tiny; anything large is left to better-auth to refuse.
  if (Number(request.headers.get("content-length") ?? 0) > 16 * 1024) return null;
  try {
    const body = (await request.json()) as unknown;
    const email = body && typeof body === "object" ? (body as { email?: unknown }).email : undefined;
    return typeof email === "string" && email.trim() !== "" && email.length <= 320 ? email : null;
  } catch {
    return null;
  }
}
