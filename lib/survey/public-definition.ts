// The open wave's definition as the JSON API publishes it: questions, types, option ids and the
// rules a submission must satisfy, so an agent can build a valid response without reading docs.
import { allQuestions, optionsOf, type Instrument, type Question } from "./instrument-schema";
import { codeOf } from "./roles";
import type { OpenWave } from "./waves";

function rulesOf(instrument: Instrument, question: Question): Record<string, unknown> {
  switch (question.type) {
    case "single":
      return { value: "one option id" };
    case "multi":
      return {
        value: "array of distinct option ids",
        minItems: question.required ? 1 : 0,
        maxItems: question.maxSelected ?? question.options.length,
      };
    case "likert":
      return { value: "integer", minimum: 1, maximum: 5 };
    case "rank":
      return {
        value: "array of distinct option ids, most important first",
        optionsFrom: question.optionsFrom,
        maxItems: question.slots,
        note: `each id must be chosen in ${question.optionsFrom}; fill min(${question.slots}, number chosen) ranks`,
      };
    case "text":
      return { value: "string", maxLength: question.maxLength };
  }
}

export function publicDefinition(wave: OpenWave) {
  const { instrument } = wave;
  return {
    slug: wave.slug,
    title: wave.surveyTitle,
    wave: { code: wave.waveCode, title: wave.waveTitle },
    instrument: { id: instrument.id, version: instrument.version, estimatedMinutes: instrument.estimatedMinutes },
    sections: instrument.sections.map((section) => ({
      id: section.id,
      title: section.title,
      questions: section.questions.map((question) => ({
        id: question.id,
        type: question.type,
        role: question.role,
        label: question.label,
        help: question.help,
        required: question.required,
        options:
          question.type === "likert"
            ? question.scale.map((label, i) => ({ value: i + 1, label }))
            : optionsOf(instrument, question).map((o) => ({ id: o.id, code: codeOf(o), label: o.label })),
        rules: rulesOf(instrument, question),
      })),
    })),
    submit: {
      method: "POST",
      path: `/api/v1/surveys/${wave.slug}/responses`,
      headers: { "Content-Type": "application/json", "Idempotency-Key": "a unique key per response, e.g. a UUID" },
      body: { answers: Object.fromEntries(allQuestions(instrument).map((q) => [q.id, `<${q.type}>`])) },
    },
  };
}
