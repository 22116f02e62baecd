// Answer validation built from an instrument. The same schemas run in the browser (step by step,
// for inline messages) and on the server (drafts, submissions, the JSON API), so both sides
// always agree on what is valid.
import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";
import { isStorableText } from "./storable-text";
import { allQuestions, optionsOf, type Answers, type Instrument, type Question, type RankQuestion } from "./instrument-schema";

const MESSAGES = {
  chooseOne: "Choose one option",
  chooseAtLeastOne: "Choose at least one option",
  rate: "Choose a rating from 1 to 5",
} as const;

/** The schema for one question's answer (never undefined: optionality is added by the caller). */
export function answerSchema(instrument: Instrument, question: Question): z.ZodType<Answers[string]> {
  const ids = optionsOf(instrument, question).map((option) => option.id);
  // A missing answer gets the question's own "required" message; a wrong type a precise one.
  const typeError = (expected: string) => (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? requiredMessage(question) : expected;
  const optionId = z.string({ error: typeError(MESSAGES.chooseOne) }).refine((value) => ids.includes(value), {
    message: "is not one of this question's options",
  });
  switch (question.type) {
    case "single":
      return optionId;
    case "multi": {
      const max = question.maxSelected ?? ids.length;
      return z
        .array(optionId, { error: typeError("must be a list of option ids") })
        .min(question.required ? 1 : 0, MESSAGES.chooseAtLeastOne)
        .max(max, `Choose at most ${max}`)
        .refine(isDistinct, "Each option may be chosen once");
    }
    case "likert":
      return z
        .number({ error: typeError(MESSAGES.rate) })
        .int(MESSAGES.rate)
        .min(1, MESSAGES.rate)
        .max(5, MESSAGES.rate);
    case "rank":
      return z
        .array(optionId, { error: typeError("must be a list of option ids, most important first") })
        .min(question.required ? 1 : 0, "Rank at least your most important concern")
        .max(question.slots, `Rank at most ${question.slots}`)
        .refine(isDistinct, "Each option may hold only one rank");
    case "text":
      return z
        .string({ error: typeError("must be text") })
        .max(question.maxLength, `Keep it under ${question.maxLength} characters`)
        .refine(isStorableText, "must not contain NUL or unpaired surrogate characters")
        .transform((value) => value.trim());
  }
}

export { isStorableText };

/** An answer by question id, own properties only (an id like "constructor" must not read Object.prototype). */
function own(answers: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(answers, key) ? answers[key] : undefined;
}

function isDistinct(values: string[]): boolean {
  return new Set(values).size === values.length;
}

function shapeFor(instrument: Instrument, questions: Question[], mode: "draft" | "complete") {
  // Null prototype: a question id never meets Object.prototype's members ("constructor", "__proto__").
  const shape: Record<string, z.ZodType> = Object.create(null) as Record<string, z.ZodType>;
  for (const question of questions) {
    const schema = answerSchema(instrument, question);
    if (mode === "draft") {
      // A draft may hold any subset of answers; null clears an answer.
      shape[question.id] = schema.nullable().optional();
    } else {
      shape[question.id] = question.required ? schema : schema.optional();
    }
  }
  return shape;
}

function requiredMessage(question: Question): string {
  switch (question.type) {
    case "single":
      return MESSAGES.chooseOne;
    case "multi":
      return MESSAGES.chooseAtLeastOne;
    case "likert":
      return MESSAGES.rate;
    case "rank":
      return "Rank at least your most important concern";
    case "text":
      return "This answer is required";
  }
}

/** Cross-question rules: a rank may only hold options chosen in its source question, and must
 * fill every slot the source allows (top 3 of 5 chosen, or all of 2 chosen). */
function checkRankRules(
  instrument: Instrument,
  questions: Question[],
  answers: Record<string, unknown>,
  ctx: z.RefinementCtx,
  complete: boolean,
) {
  for (const question of questions) {
    if (question.type !== "rank") continue;
    const ranked = own(answers, question.id);
    if (!Array.isArray(ranked)) continue;
    const source = own(answers, question.optionsFrom);
    const chosen = Array.isArray(source) ? source : [];
    ranked.forEach((value, index) => {
      if (!chosen.includes(value)) {
        ctx.addIssue({
          code: "custom",
          path: [question.id, index],
          message: `Rank only options you chose in "${labelOf(instrument, question)}"`,
        });
      }
    });
    const needed = Math.min((question as RankQuestion).slots, chosen.length);
    if (complete && ranked.length < needed) {
      ctx.addIssue({ code: "custom", path: [question.id], message: `Rank your top ${needed}` });
    }
  }
}

function labelOf(instrument: Instrument, question: RankQuestion): string {
  return allQuestions(instrument).find((q) => q.id === question.optionsFrom)?.label ?? question.optionsFrom;
}

// Building a zod object schema costs about 7 ms (zod compiles a parser for it on first use), parsing
// with a built one about 0.05 ms. Instruments are immutable and cached by definition hash
// (waves.parseDefinition), so each instrument's schemas are built once per process.
const schemaCache = new WeakMap<Instrument, Map<string, unknown>>();
function cached<T>(instrument: Instrument, key: string, build: () => T): T {
  let schemas = schemaCache.get(instrument);
  if (!schemas) schemaCache.set(instrument, (schemas = new Map()));
  if (!schemas.has(key)) schemas.set(key, build());
  return schemas.get(key) as T;
}

/** Answers to one section, complete as the Next button requires. */
export function sectionSchema(instrument: Instrument, sectionIndex: number) {
  return cached(instrument, `section:${sectionIndex}`, () => buildSectionSchema(instrument, sectionIndex));
}

function buildSectionSchema(instrument: Instrument, sectionIndex: number) {
  const section = instrument.sections[sectionIndex];
  if (!section) throw new RangeError(`no section ${sectionIndex}`);
  const questions = section.questions;
  return z
    .object(shapeFor(instrument, questions, "complete"))
    .strip()
    .superRefine((answers, ctx) => checkRankRules(instrument, questions, answers, ctx, true));
}

/** Any subset of answers (saving a draft): unknown question ids are refused, not dropped. */
export function draftAnswersSchema(instrument: Instrument) {
  return cached(instrument, "draft", () => buildDraftAnswersSchema(instrument));
}

function buildDraftAnswersSchema(instrument: Instrument) {
  const questions = allQuestions(instrument);
  return z
    .object(shapeFor(instrument, questions, "draft"))
    .strict()
    .superRefine((answers, ctx) => checkRankRules(instrument, questions, answers, ctx, false));
}

/** A complete response: every required answer present and valid, no unknown ids. */
export function completeAnswersSchema(instrument: Instrument) {
  return cached(instrument, "complete", () => buildCompleteAnswersSchema(instrument));
}

function buildCompleteAnswersSchema(instrument: Instrument) {
  const questions = allQuestions(instrument);
  return z
    .object(shapeFor(instrument, questions, "complete"))
    .strict()
    .superRefine((answers, ctx) => checkRankRules(instrument, questions, answers, ctx, true));
}

/** zod issues as field paths under a prefix ("answers.<question id>.1"), for 400 bodies and forms. */
export function toFieldIssues(error: z.ZodError, prefix: string[] = [], unknownKey = "is not a question in this survey"): FieldIssue[] {
  // A path that would be empty (the body itself, or a top-level key named "") names the body.
  const join = (parts: PropertyKey[]) => parts.map(String).join(".") || "body";
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: join([...prefix, ...issue.path, key]), message: unknownKey }));
    }
    return [{ path: join([...prefix, ...issue.path]), message: issue.message }];
  });
}

/** Removes nulls (cleared answers) and empty optional text so stored answers stay canonical. */
export function compactAnswers(answers: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string" && value === "") continue;
    out[key] = value as Answers[string];
  }
  return out;
}
