// Request bodies of the survey endpoints. Shared by the form (client), the route handlers and the
// tests; answer contents are checked against the wave's instrument by ./answers.ts.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// A plain JSON object, passed on as parsed: z.record would silently drop a "__proto__" key (and
// the strict answer schemas must see every key to refuse it by name).
const answersObject = z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
  error: "must be an object of answers keyed by question id",
});

export const saveDraftRequestSchema = z
  .object({
    /** The step the respondent is on after this save (resume returns here). */
    step: z.number({ error: "must be a step number" }).int().min(0).max(50),
    answers: answersObject,
  })
  .strict();

/** A respondent language (lib/i18n/locales.ts), as the web form and the API send it. */
const languageSchema = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` });

export const submitDraftRequestSchema = z
  .object({
    /** Chosen once per draft by the client; a repeat with the same id is a no-op. */
    submissionId: z.uuid({ error: "must be a UUID" }),
    /** The language the respondent answered in; stored with the response (default en). */
    language: languageSchema.optional(),
  })
  .strict();

export const apiSubmitRequestSchema = z
  .object({
    answers: answersObject,
    /** The language the answers were given in; without it, the request's Accept-Language (else en). */
    language: languageSchema.optional(),
  })
  .strict();

/** Idempotency-Key header of the JSON API: printable ASCII, 8-200 characters (a UUID is ideal). */
export const idempotencyKeySchema = z
  .string({ error: "header is required" })
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

export type SaveDraftRequest = z.infer<typeof saveDraftRequestSchema>;
export type SubmitDraftRequest = z.infer<typeof submitDraftRequestSchema>;
