// What the survey endpoints answer, as zod schemas (OpenAPI and response validation).
import { z } from "zod";
import type { Fits, Same } from "@/lib/api/types";
import type { publicDefinition } from "./public-definition";
import type { DraftView } from "./responses";
import { ROLES } from "./roles";

const questionSchema = z
  .object({
    id: z.string(),
    type: z.enum(["single", "multi", "likert", "rank", "text"]),
    role: z
      .enum(ROLES)
      .optional()
      .describe("The question's semantic role, the same across waves whatever its id (absent for questions only shown and exported)."),
    label: z.string(),
    help: z.string().optional(),
    required: z.boolean(),
    options: z.array(
      z.union([
        z.object({ value: z.number(), label: z.string() }).strict(),
        z
          .object({
            id: z.string(),
            code: z.string().describe("The option's semantic code, the same across waves whatever its id."),
            label: z.string(),
          })
          .strict(),
      ]),
    ),
    rules: z.record(z.string(), z.unknown()).describe("What a valid answer looks like."),
  })
  .strict();

export const surveyDefinitionSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    wave: z.object({ code: z.string(), title: z.string() }).strict(),
    instrument: z.object({ id: z.string(), version: z.number().int(), estimatedMinutes: z.number().int() }).strict(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), questions: z.array(questionSchema) }).strict()),
    submit: z
      .object({
        method: z.string(),
        path: z.string(),
        headers: z.record(z.string(), z.string()),
        body: z.object({ answers: z.record(z.string(), z.string()) }).strict(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "SurveyDefinition" });

export const submissionResultSchema = z
  .object({ id: z.string(), status: z.literal("complete"), wave: z.string() })
  .strict()
  .meta({ id: "SubmissionResult" });

const answerValue = z.union([z.string(), z.number(), z.array(z.string())]);
export const draftSchema = z
  .object({
    id: z.string(),
    status: z.enum(["partial", "complete"]),
    currentStep: z.number().int(),
    answers: z.record(z.string(), answerValue),
  })
  .strict();

export const draftResponseSchema = z
  .object({ draft: draftSchema.nullable() })
  .strict()
  .meta({ id: "Draft", description: "The respondent's draft (null when this browser has none)." });

export const draftSubmitResultSchema = z
  .object({ id: z.string(), status: z.literal("complete"), resultUrl: z.string() })
  .strict()
  .meta({ id: "DraftSubmitResult" });

export const deletionResultSchema = z
  .object({ deleted: z.literal(true), id: z.string() })
  .strict()
  .meta({ id: "DeletionResult" });

// `help` is absent rather than undefined in JSON, so only this direction is checked.
const _definition: Fits<ReturnType<typeof publicDefinition>, z.infer<typeof surveyDefinitionSchema>> = true;
const _draft: Same<z.infer<typeof draftSchema>, DraftView> = true;
void [_definition, _draft];
