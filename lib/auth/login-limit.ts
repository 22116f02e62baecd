import "server-only";
// Wrong passwords per account, across every address and every endpoint that checks a password, on
// top of better-auth's per-address limits (lib/auth/config.ts): a guessing run spread over many IPs,
// or run through change-password with a stolen session cookie, still stops after
// RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT wrong passwords per window.
import { RateLimitedError } from "@/lib/errors";
import { accountSubject, hit, limits, refund } from "@/lib/ratelimit";
import { auth } from "./index";
import { PASSWORD_CHECKS, WRONG_PASSWORD_CODES } from "./password-endpoints";

/**
 * Runs `next` (better-auth) for `endpoint` under the per-account limit when the endpoint checks a
 * password. `body` is the JSON better-auth will read (lib/auth/handler.ts parsed it once and hands
 * better-auth that same value), so the account counted is the account checked. Every attempt is
 * counted before the password is checked (concurrent guesses cannot overtake the limit) and taken
 * back unless better-auth answers "wrong password".
 */
export async function withPasswordLimit(
  endpoint: string,
  body: unknown,
  request: Request,
  next: () => Promise<Response>,
): Promise<Response> {
  const check = PASSWORD_CHECKS[endpoint];
  if (!check) return next();
  const email = check.account === "email" ? emailIn(body) : await signedInEmail(request);
  // No account to count against: better-auth refuses it without checking any password.
  if (email === null) return next();
  const limit = limits.loginFailuresPerAccount();
  const subject = accountSubject(email);
  const outcome = await hit(limit, subject);
  let counted = true;
  try {
    if (!outcome.allowed) {
      await refund(limit, subject);
      counted = false;
      throw new RateLimitedError(check.field, "Too many failed sign-ins for this account; try again later.", outcome.retryAfter);
    }
    const response = await next();
    if (!(await isWrongPassword(response))) {
      await refund(limit, subject);
      counted = false;
    }
    return response;
  } catch (error) {
    if (counted) await refund(limit, subject).catch(() => undefined);
    throw error;
  }
}

function emailIn(body: unknown): string | null {
  const email = body && typeof body === "object" ? (body as { email?: unknown }).email : undefined;
  return typeof email === "string" && email.trim() !== "" ? email : null;
}

async function signedInEmail(request: Request): Promise<string | null> {
  const session = await auth().api.getSession({ headers: request.headers });
  return session?.user.email ?? null;
}

async function isWrongPassword(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown } | null;
  return typeof body?.code === "string" && WRONG_PASSWORD_CODES.has(body.code);
}
