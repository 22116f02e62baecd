import "server-only";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/env";
import { servesHttps } from "@/lib/http/security";
import { RESUME_COOKIE_MAX_AGE, isWellFormedToken, resumeCookieName } from "./resume-token";

/** The respondent's resume token for a survey, if their cookie holds a well-formed one. */
export async function readResumeToken(slug: string): Promise<string | null> {
  const value = (await cookies()).get(resumeCookieName(slug))?.value;
  return isWellFormedToken(value) ? value : null;
}

/**
 * httpOnly so scripts cannot read it; Secure whenever the app's public URL is https, like the
 * session cookie (not from X-Forwarded-Proto, which a client reaching the server directly can set).
 */
export async function writeResumeToken(slug: string, token: string): Promise<void> {
  (await cookies()).set(resumeCookieName(slug), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: servesHttps(appUrl()),
    path: "/",
    maxAge: RESUME_COOKIE_MAX_AGE,
  });
}

/** Removes the resume cookie (after the respondent deleted their response). */
export async function clearResumeToken(slug: string): Promise<void> {
  (await cookies()).delete({ name: resumeCookieName(slug), path: "/" });
}
