// A copy of the bundled v1 instrument with every section, question and option id renamed, while
// roles, option codes, dimension codes and labels stay: analytics of it must give the same figures.
import { instrumentV1 } from "@/lib/survey/instrument";
import type { Answers, Instrument } from "@/lib/survey/instrument-schema";
import { englishOnly } from "./english-only";

export interface Renamed {
  instrument: Instrument;
  /** v1 question id -> renamed question id. */
  questions: Map<string, string>;
  /** v1 question id -> (v1 option id -> renamed option id). */
  options: Map<string, Map<string, string>>;
  /** Every renamed id -> its v1 id (questions and options), for mapping outputs back. */
  back: Map<string, string>;
}

export function renamedV1(): Renamed {
  const instrument = structuredClone(englishOnly(instrumentV1));
  instrument.id = "ai_inference_readiness_renamed";
  const questions = new Map<string, string>();
  const options = new Map<string, Map<string, string>>();
  const back = new Map<string, string>();
  let q = 0;
  let o = 0;
  instrument.sections.forEach((section, s) => {
    section.id = `part_${s + 1}`;
    for (const question of section.questions) {
      const renamed = `q${++q}_renamed`;
      questions.set(question.id, renamed);
      back.set(renamed, question.id);
      if (question.type === "single" || question.type === "multi") {
        const map = new Map<string, string>();
        for (const option of question.options) {
          const id = `opt${++o}`;
          map.set(option.id, id);
          back.set(id, option.id);
          option.code = option.code ?? option.id;
          option.id = id;
        }
        options.set(question.id, map);
      }
      if (question.role === "readiness_dimension") question.dimension = question.dimension ?? { code: question.id, label: question.label };
      question.id = renamed;
    }
  });
  for (const section of instrument.sections)
    for (const question of section.questions) {
      if (question.type !== "rank") continue;
      // Still v1's id here: the rank question ranks its source's options, renamed the same way.
      options.set(back.get(question.id) ?? question.id, options.get(question.optionsFrom) ?? new Map());
      question.optionsFrom = questions.get(question.optionsFrom) ?? question.optionsFrom;
    }
  return { instrument, questions, options, back };
}

/** v1 answers rewritten under the renamed instrument's question and option ids. */
export function renameAnswers(renamed: Renamed, answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const map = renamed.options.get(id);
    const rename = (v: string) => map?.get(v) ?? v;
    out[renamed.questions.get(id) ?? id] = typeof value === "string" ? rename(value) : Array.isArray(value) ? value.map(rename) : value;
  }
  return out;
}

/** A JSON value with every renamed id (in keys and strings, also inside finding ids and URLs) mapped back to v1's. */
export function mapBack<T>(renamed: Renamed, value: T): T {
  const pattern = /(?<![A-Za-z0-9])(q\d+_renamed|opt\d+)(?![A-Za-z0-9])/g;
  const text = (v: string) => v.replace(pattern, (id) => renamed.back.get(id) ?? id);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
    return v;
  };
  return walk(JSON.parse(JSON.stringify(value))) as T;
}
