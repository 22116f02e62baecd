import "server-only";
// A respondent deletes their own response. The only proof of ownership is the resume token in
// their httpOnly cookie; its hash finds the row, so nobody can name someone else's response.
import { db } from "@/lib/db/client";
import { hashResumeToken } from "./resume-token";

/**
 * Deletes the response (partial or complete, in any wave of this survey) that belongs to this
 * resume token, in one statement. Returns its id, or null when the token owns nothing here.
 * Every peer figure, dashboard and export is computed from the rows at query time, so the
 * response leaves them all at once; nothing else holds a copy.
 */
export async function deleteOwnResponse(slug: string, token: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    DELETE FROM response r USING wave w, survey s
    WHERE r.resume_token_hash = ${hashResumeToken(token)}
      AND r.wave_id = w.id AND w.survey_id = s.id AND s.slug = ${slug}
    RETURNING r.id::text AS id`;
  return rows[0]?.id ?? null;
}
