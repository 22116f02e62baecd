// Stable export columns derived from the instrument: the wave's code, question ids for single
// answers and scales, one 0/1 column per option of a multi-select ("concerns__latency"), rank
// columns for rankings ("concerns_top3__rank1"), the text itself for free text. Shared by the CSV
// and its codebook, which also names each column's section and question text (a label like
// "Strategy" means little without "How mature is your organization in each area…?").
// optionsOf from the zod-free module: the instrument schema itself uses these columns to refuse colliding names.
import type { Instrument } from "@/lib/survey/instrument-schema";
import { optionsOf } from "@/lib/survey/questions";

export interface ExportColumn {
  name: string;
  question: string;
  label: string;
  kind: "meta" | "single" | "likert" | "multi" | "rank" | "text";
  /** For single, multi and rank: the option ids and labels (codebook); for likert the scale. */
  values?: { value: string; label: string }[];
  /** SQL expression producing the cell (column names only; inputs are validated ids). */
  sql: string;
  /** The section the question is in (its title and introduction), for the codebook. */
  section?: { id: string; title: string; description: string };
  /** The question as asked (its stem), its help text and its semantic role. */
  questionText?: string;
  help?: string;
  role?: string;
}

const META: ExportColumn[] = [
  { name: "response_id", question: "", label: "Response id", kind: "meta", sql: "id::text" },
  { name: "wave", question: "", label: "Wave code", kind: "meta", sql: "" },
  { name: "status", question: "", label: "complete or partial", kind: "meta", sql: "status::text" },
  { name: "source", question: "", label: "web, api or seed", kind: "meta", sql: "source::text" },
  { name: "language", question: "", label: "Language answered in (en, es, pt-BR, fr, de, ja, zh-CN or ar)", kind: "meta", sql: "language" },
  {
    name: "started_at",
    question: "",
    label: "Started (UTC, ISO 8601)",
    kind: "meta",
    sql: `to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
  {
    name: "submitted_at",
    question: "",
    label: "Submitted (UTC, ISO 8601)",
    kind: "meta",
    sql: `to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
  { name: "readiness_index", question: "", label: "Readiness index (0-100)", kind: "meta", sql: "readiness_index" },
];

/** Column names every export carries before the questions' columns: no question may take one. */
export const META_COLUMN_NAMES: readonly string[] = META.map((column) => column.name);

const ID = /^[a-z0-9_]+$/;
const lit = (id: string) => {
  if (!ID.test(id)) throw new Error(`unsafe id in export: ${id}`);
  return `'${id}'`;
};

/** A cell a spreadsheet would evaluate (= + - @ tab CR first) gets a leading apostrophe. */
const neutralized = (expr: string) => `CASE WHEN ${expr} ~ '^[=+@\\t\\r-]' THEN '''' || ${expr} ELSE ${expr} END`;

/** A text literal for SQL (a wave code is data: quotes doubled). */
export const textLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The columns of a wave's responses export: `wave` holds the wave's code on every row. */
export function exportColumns(instrument: Instrument, waveCode: string): ExportColumn[] {
  const columns = META.map((c) => (c.name === "wave" ? { ...c, sql: textLiteral(waveCode) } : c));
  for (const section of instrument.sections) {
    const start = columns.length;
    for (const question of section.questions) {
      const before = columns.length;
      questionColumns(instrument, question, columns);
      for (const column of columns.slice(before))
        Object.assign(column, { questionText: question.label, help: question.help ?? "", role: question.role ?? "" });
    }
    const info = { id: section.id, title: section.title, description: section.description ?? "" };
    for (const column of columns.slice(start)) column.section = info;
  }
  return columns;
}

type Question = Instrument["sections"][number]["questions"][number];

function questionColumns(instrument: Instrument, question: Question, columns: ExportColumn[]): void {
  const q = lit(question.id);
  switch (question.type) {
    case "single":
      columns.push({
        name: question.id,
        question: question.id,
        label: question.label,
        kind: "single",
        values: question.options.map((o) => ({ value: o.id, label: o.label })),
        sql: `answers->>${q}`,
      });
      break;
    case "likert":
      columns.push({
        name: question.id,
        question: question.id,
        label: question.label,
        kind: "likert",
        values: question.scale.map((label, i) => ({ value: String(i + 1), label })),
        sql: `(answers->>${q})::int`,
      });
      break;
    case "multi":
      for (const option of question.options) {
        columns.push({
          name: `${question.id}__${option.id}`,
          question: question.id,
          label: `${question.label}: ${option.label}`,
          kind: "multi",
          values: [
            { value: "1", label: "chosen" },
            { value: "0", label: "not chosen" },
          ],
          sql: `CASE WHEN answers ? ${q} THEN (answers->${q} ? ${lit(option.id)})::int END`,
        });
      }
      break;
    case "rank":
      for (let slot = 1; slot <= question.slots; slot++) {
        columns.push({
          name: `${question.id}__rank${slot}`,
          question: question.id,
          label: `${question.label}: rank ${slot}`,
          kind: "rank",
          values: optionsOf(instrument, question).map((o) => ({ value: o.id, label: o.label })),
          sql: `answers->${q}->>${slot - 1}`,
        });
      }
      break;
    case "text":
      columns.push({
        name: question.id,
        question: question.id,
        label: question.label,
        kind: "text",
        sql: neutralized(`(answers->>${q})`),
      });
      break;
  }
}
