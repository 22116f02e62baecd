// How a wave's instrument lies in the columnar replica: one column per profile field and per
// Likert or single-choice question, one boolean column per option of a multi-select or ranking
// (chosen or not). Free text is not aggregated, so it is left out. Pure: both backends and the
// replica's loader read it, and the signature tells whether a replica table still fits an
// instrument.
import { SEGMENT_FILTERS, SEGMENT_KEYS, segmentOptions } from "@/lib/analytics/filters";
import { allQuestions, type Instrument } from "@/lib/survey/instrument-schema";
import { roleOptions } from "@/lib/survey/roles";

export type QuestionLayout =
  | { type: "scale"; id: string; column: string }
  | { type: "single"; id: string; column: string; options: string[] }
  | { type: "options"; id: string; options: string[]; columns: Map<string, string> };

export interface Layout {
  questions: Map<string, QuestionLayout>;
  /** Every question column in table order (after the fixed columns). */
  columns: { name: string; sqlType: "UTINYINT" | "VARCHAR" | "BOOLEAN"; question: string; option?: string }[];
  /**
   * Columns holding one of a known set of values (the profile columns and single-choice answers)
   * with the values the instrument offers: the replica stores them as DuckDB ENUMs, which group
   * and compare as small integers (5-10x faster than strings at a million rows).
   */
  categories: { column: string; values: string[] }[];
  /** Changes whenever a question, its type or its options change. */
  signature: string;
}

const cache = new WeakMap<Instrument, Layout>();

export function layoutOf(instrument: Instrument): Layout {
  const known = cache.get(instrument);
  if (known) return known;
  const questions = new Map<string, QuestionLayout>();
  const columns: Layout["columns"] = [];
  allQuestions(instrument).forEach((question, qi) => {
    if (question.type === "likert") {
      const column = `q${qi}`;
      questions.set(question.id, { type: "scale", id: question.id, column });
      columns.push({ name: column, sqlType: "UTINYINT", question: question.id });
    } else if (question.type === "single") {
      const column = `q${qi}`;
      questions.set(question.id, { type: "single", id: question.id, column, options: question.options.map((o) => o.id) });
      columns.push({ name: column, sqlType: "VARCHAR", question: question.id });
    } else if (question.type === "multi" || question.type === "rank") {
      const options = roleOptions(instrument, question).map((o) => o.id);
      const map = new Map(options.map((option, oi) => [option, `q${qi}_${oi}`]));
      questions.set(question.id, { type: "options", id: question.id, options, columns: map });
      for (const option of options) columns.push({ name: map.get(option) as string, sqlType: "BOOLEAN", question: question.id, option });
    }
  });
  const categories = [
    ...SEGMENT_KEYS.map((key) => ({
      column: SEGMENT_FILTERS[key].column as string,
      values: segmentOptions(instrument, key).map((o) => o.id),
    })),
    ...[...questions.values()].flatMap((q) => (q.type === "single" ? [{ column: q.column, values: q.options }] : [])),
  ];
  const signature = JSON.stringify(columns.map((c) => [c.name, c.sqlType, c.question, c.option ?? null]));
  const layout = { questions, columns, categories, signature };
  cache.set(instrument, layout);
  return layout;
}
