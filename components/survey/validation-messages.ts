// Validation messages in the respondent's language. The answer schemas (lib/survey/answers.ts)
// are the same on both sides and speak English (the API's language); the form translates what
// they found by the issue's code and the question's type, never by rewriting or parsing schemas.
import type { Answers, Instrument, Question } from "@/lib/survey/instrument-schema";
import { allQuestions } from "@/lib/survey/questions";

/** Translates a key of the "validation" messages (messages/<locale>.json). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What the form needs of a zod issue. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  maximum?: unknown;
}

function requiredKey(question: Question): string {
  switch (question.type) {
    case "single":
      return "chooseOne";
    case "multi":
      return "chooseAtLeastOne";
    case "likert":
      return "rate";
    case "rank":
      return "rankAtLeastOne";
    case "text":
      return "textRequired";
  }
}

/** The message for one issue on a question, in the locale `t` speaks. */
export function validationMessage(t: Translate, instrument: Instrument, question: Question, issue: IssueLike, answers: Answers): string {
  const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
  if (value === undefined) return t(requiredKey(question));
  const max = typeof issue.maximum === "number" || typeof issue.maximum === "bigint" ? Number(issue.maximum) : 0;
  switch (question.type) {
    case "single":
      return t("chooseOne");
    case "likert":
      return t("rate");
    case "text":
      return issue.code === "too_big" ? t("tooLong", { max }) : t("invalid");
    case "multi":
      if (issue.code === "too_small") return t("chooseAtLeastOne");
      if (issue.code === "too_big") return t("chooseAtMost", { max });
      return issue.code === "custom" ? t("once") : t("invalid");
    case "rank": {
      if (issue.code === "too_small") return t("rankAtLeastOne");
      if (issue.code === "too_big") return t("rankAtMost", { max });
      if (issue.code !== "custom") return t("invalid");
      const source = allQuestions(instrument).find((q) => q.id === question.optionsFrom);
      if (issue.path.length > 1) return t("rankOnlyChosen", { question: source?.label ?? question.optionsFrom });
      const chosen = Object.hasOwn(answers, question.optionsFrom) ? answers[question.optionsFrom] : undefined;
      const needed = Math.min(question.slots, Array.isArray(chosen) ? chosen.length : 0);
      return Array.isArray(value) && value.length < needed ? t("rankTop", { count: needed }) : t("once");
    }
  }
}
