// Small schemas every part of the API shares: ids in paths, the error body.
import { z } from "zod";

/** A UUID in the 8-4-4-4-12 hex form PostgreSQL reads (any version). */
export const uuidSchema = z.guid({ error: "must be a UUID" });

/** Every error answer: what went wrong, and which fields (parameters, headers, body paths). */
export const errorBodySchema = z
  .object({
    error: z
      .object({
        code: z.string().describe("Machine-readable reason, e.g. validation_failed, unauthorized, rate_limited."),
        message: z.string().describe("A sentence for people."),
        fields: z
          .array(
            z
              .object({
                path: z
                  .string()
                  .describe("The offending parameter, header or body path (answers.<question id>, Idempotency-Key, cursor…)."),
                message: z.string(),
              })
              .strict(),
          )
          .describe("Every offending field at once; empty when the problem is not a field's."),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "Error" });

export type ErrorBodyShape = z.infer<typeof errorBodySchema>;
