import "server-only";
import { cookies } from "next/headers";
import { RESUME_COOKIE_MAX_AGE, isWellFormedToken, resumeCookieName } from "./resume-token";

/** The respondent's resume token for a survey, if their cookie holds a well-formed one. */
export async function readResumeToken(slug: string): Promise<string | null> {
  const value = (await cookies()).get(resumeCookieName(slug))?.value;
  return isWellFormedToken(value) ? value : null;
}

/** httpOnly so scripts cannot read it; Secure whenever the request came over HTTPS. */
export async function writeResumeToken(slug: string, token: string, request: Request): Promise<void> {
  const forwarded = request.headers.get("x-forwarded-proto");
  const secure = (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
  (await cookies()).set(resumeCookieName(slug), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: RESUME_COOKIE_MAX_AGE,
  });
}

/** Removes the resume cookie (after the respondent deleted their response). */
export async function clearResumeToken(slug: string): Promise<void> {
  (await cookies()).delete({ name: resumeCookieName(slug), path: "/" });
}
