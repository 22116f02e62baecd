// The shape of a survey instrument. Instruments are data: validated here once, stored frozen in
// each wave, rendered by the form and turned into answer validators by ./answers.ts.
import { z } from "zod";

const id = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, "ids are lower_snake_case, start with a letter, at most 48 characters");

/** Option ids may start with a digit ("100_999"): they are values, never identifiers. */
const optionId = z.string().regex(/^[a-z0-9][a-z0-9_]{0,47}$/, "option ids are lower_snake_case, at most 48 characters");

export const optionSchema = z.object({
  id: optionId,
  label: z.string().min(1).max(120),
  help: z.string().max(300).optional(),
});

const questionBase = {
  id,
  label: z.string().min(1).max(300),
  help: z.string().max(500).optional(),
  required: z.boolean().default(true),
};

export const singleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal("single"),
  options: z.array(optionSchema).min(2),
});

export const multiQuestionSchema = z.object({
  ...questionBase,
  type: z.literal("multi"),
  options: z.array(optionSchema).min(2),
  maxSelected: z.number().int().min(1).optional(),
});

export const likertQuestionSchema = z.object({
  ...questionBase,
  type: z.literal("likert"),
  /** Labels for 1..5, lowest first. */
  scale: z.array(z.string().min(1).max(40)).length(5),
});

export const rankQuestionSchema = z.object({
  ...questionBase,
  type: z.literal("rank"),
  /** The multi-select question whose chosen options are ranked here. */
  optionsFrom: id,
  /** How many ranks to fill (top N). */
  slots: z.number().int().min(1).max(10),
});

export const textQuestionSchema = z.object({
  ...questionBase,
  type: z.literal("text"),
  maxLength: z.number().int().min(1).max(5000),
  placeholder: z.string().max(200).optional(),
});

export const questionSchema = z.discriminatedUnion("type", [
  singleQuestionSchema,
  multiQuestionSchema,
  likertQuestionSchema,
  rankQuestionSchema,
  textQuestionSchema,
]);

export const sectionSchema = z.object({
  id,
  title: z.string().min(1).max(120),
  description: z.string().max(600).optional(),
  questions: z.array(questionSchema).min(1),
});

/** Profile columns of a response and the single-choice question that fills each. */
export const PROFILE_FIELDS = ["industry", "region", "companySize", "role", "stage"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const instrumentSchema = z
  .object({
    id,
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    intro: z.string().max(2000),
    estimatedMinutes: z.number().int().min(1).max(120),
    sections: z.array(sectionSchema).min(1),
    profile: z.record(z.enum(PROFILE_FIELDS), id),
    /** Likert questions averaged into the 0-100 readiness index, with their display names. */
    readinessDimensions: z.array(z.object({ questionId: id, label: z.string().min(1).max(60) })).min(1),
  })
  .superRefine((instrument, ctx) => {
    const byId = new Map<string, Question>();
    instrument.sections.forEach((section, s) =>
      section.questions.forEach((question, q) => {
        if (byId.has(question.id)) {
          ctx.addIssue({ code: "custom", path: ["sections", s, "questions", q, "id"], message: `duplicate question id ${question.id}` });
        }
        byId.set(question.id, question);
        if ("options" in question) {
          const ids = question.options.map((o) => o.id);
          if (new Set(ids).size !== ids.length) {
            ctx.addIssue({ code: "custom", path: ["sections", s, "questions", q, "options"], message: "duplicate option id" });
          }
        }
      }),
    );
    const sectionIds = instrument.sections.map((section) => section.id);
    if (new Set(sectionIds).size !== sectionIds.length) {
      ctx.addIssue({ code: "custom", path: ["sections"], message: "duplicate section id" });
    }
    for (const field of PROFILE_FIELDS) {
      const questionId = instrument.profile[field];
      const question = questionId ? byId.get(questionId) : undefined;
      if (question?.type !== "single" || !question.required) {
        ctx.addIssue({ code: "custom", path: ["profile", field], message: "must name a required single-choice question" });
      }
    }
    instrument.readinessDimensions.forEach((dimension, i) => {
      const question = byId.get(dimension.questionId);
      if (question?.type !== "likert" || !question.required) {
        ctx.addIssue({ code: "custom", path: ["readinessDimensions", i], message: "must name a required likert question" });
      }
    });
    for (const question of byId.values()) {
      if (question.type === "rank" && byId.get(question.optionsFrom)?.type !== "multi") {
        ctx.addIssue({ code: "custom", path: ["sections"], message: `${question.id}: optionsFrom must name a multi-select question` });
      }
    }
  });

export type Option = z.infer<typeof optionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type RankQuestion = z.infer<typeof rankQuestionSchema>;

/** Answers keyed by question id: an option id, option ids, a 1-5 score, ranked option ids or text. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

// The helpers live in a module without zod, so client components can use them without shipping it.
export { allQuestions, findQuestion, optionsOf } from "./questions";
