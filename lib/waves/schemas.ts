// The waves API's request and answer shapes, defined once: the routes, the dashboard's server
// actions, the CLI and the tests use these.
import { z } from "zod";
import type { Same } from "@/lib/api/types";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/survey/storable-text";
import type { WaveDiff } from "./diff";

/** A wave's code, e.g. 2027-Q1: letters, digits, dot, dash and underscore. */
export const waveCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, "1-32 letters, digits, '.', '-' or '_', starting with a letter or digit");

/** A draft gets its close date when it is opened: the API, the dashboard and the CLI (via the store) say so. */
export const DRAFT_CLOSES_AT_MESSAGE = "applies when the wave opens; a draft gets its close date when opened";

const instant = z.iso.datetime({ offset: true }).describe("An ISO 8601 instant with a time zone, e.g. 2027-03-31T23:59:59Z.");

/** A definition: the instrument as a JSON object, or JSON text (pasted or uploaded). */
export const definitionInputSchema = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .describe("The instrument as a JSON object, or as JSON text; validated against the instrument schema.");

export const checkRequestSchema = z.object({ definition: definitionInputSchema }).strict();

export const publishRequestSchema = z
  .object({
    code: waveCodeSchema,
    title: z.string().trim().min(1).max(120).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
    definition: definitionInputSchema,
    status: z
      .enum(["draft", "open"])
      .default("open")
      .describe("draft: reviewed first; open: takes responses now and closes the open wave."),
    closesAt: instant.nullish().describe("When the opened wave stops taking responses by itself (status open only)."),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.status === "draft" && request.closesAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: DRAFT_CLOSES_AT_MESSAGE });
  });
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const openRequestSchema = z.object({ closesAt: instant.nullish() }).strict();
export const closeRequestSchema = z
  .object({ at: instant.nullish().describe("A future instant schedules the close; absent closes now.") })
  .strict();
export const replaceDefinitionRequestSchema = z.object({ definition: definitionInputSchema }).strict();

export const waveSummarySchema = z
  .object({
    code: z.string(),
    title: z.string(),
    status: z.enum(["draft", "open", "closed"]).describe("closed includes an open wave past its close date"),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    instrumentVersion: z.number().int(),
    questions: z.number().int(),
    complete: z.number().int(),
    partial: z.number().int(),
  })
  .strict();
export type WaveSummary = z.infer<typeof waveSummarySchema>;

const questionRef = z.object({
  id: z.string(),
  role: z.string().nullable(),
  type: z.enum(["single", "multi", "likert", "rank", "text"]),
  label: z.string(),
  section: z.string(),
});
const optionRef = z.object({ questionId: z.string(), optionId: z.string(), code: z.string(), label: z.string() });

export const waveDiffSchema = z.object({
  sectionsAdded: z.array(z.string()),
  sectionsRemoved: z.array(z.string()),
  questionsAdded: z.array(questionRef),
  questionsRemoved: z.array(questionRef),
  questionsChanged: z.array(questionRef.extend({ previousId: z.string(), changes: z.array(z.string()) })),
  optionsAdded: z.array(optionRef),
  optionsRemoved: z.array(optionRef),
  optionsChanged: z.array(optionRef.extend({ changes: z.array(z.string()) })),
  comparisons: z.array(
    z.object({
      questionId: z.string(),
      previousId: z.string(),
      role: z.string().nullable(),
      label: z.string(),
      valid: z.boolean(),
      sharedOptions: z.array(z.string()),
      note: z.string(),
    }),
  ),
  identical: z.boolean(),
});

export const reviewSchema = z
  .object({
    valid: z.literal(true),
    instrument: z.object({ id: z.string(), version: z.number().int(), title: z.string(), sections: z.array(z.unknown()) }).passthrough(),
    previous: z.object({ code: z.string() }).nullable(),
    diff: waveDiffSchema.nullable(),
  })
  .strict();

const _diff: Same<z.infer<typeof waveDiffSchema>, WaveDiff> = true;
void _diff;
