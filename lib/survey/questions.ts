// Walking an instrument's questions and options. Free of zod on purpose: the survey's client
// components use these, and the validation schemas (and zod with them) load only when needed.
import type { Instrument, Option, Question } from "./instrument-schema";

export function allQuestions(instrument: Instrument): Question[] {
  return instrument.sections.flatMap((section) => section.questions);
}

export function findQuestion(instrument: Instrument, questionId: string): Question | undefined {
  return allQuestions(instrument).find((question) => question.id === questionId);
}

/** The options a question offers; a rank question offers those of its source question. */
export function optionsOf(instrument: Instrument, question: Question): Option[] {
  if (question.type === "single" || question.type === "multi") return question.options;
  if (question.type === "rank") {
    const source = findQuestion(instrument, question.optionsFrom);
    return source && "options" in source ? source.options : [];
  }
  return [];
}
