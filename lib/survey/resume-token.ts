import { randomBytes } from "node:crypto";
import { sha256 } from "./definition-hash";

/** The httpOnly cookie that carries a respondent's resume token, one per survey. */
export function resumeCookieName(slug: string): string {
  return `rr_resume_${slug.replace(/[^a-z0-9]/gi, "_")}`;
}

export const RESUME_COOKIE_MAX_AGE = 60 * 60 * 24 * 90; // 90 days to come back and finish

export function newResumeToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only the hash is stored, so a database leak does not let anyone resume someone's draft. */
export function hashResumeToken(token: string): string {
  return sha256(`resume:${token}`);
}

export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
