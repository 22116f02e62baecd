// The shape of a survey instrument. Instruments are data: validated here once, stored frozen in
// each wave, rendered by the form and turned into answer validators by ./answers.ts.
import { z } from "zod";
import { exportColumns, META_COLUMN_NAMES } from "@/lib/exports/columns";
import { MANDATORY_ROLES, ROLE_RULES, ROLES, type Role } from "./roles";
import { LOCALES } from "@/lib/i18n/locales";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "./storable-text";
import { translatableTexts } from "./translations";

/** Names of Object.prototype's members ("constructor", "__proto__", "toString"...): answers are keyed by id. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const notReserved = (value: string) => !PROTOTYPE_NAMES.has(value);
const RESERVED_MESSAGE = "is a reserved name (a member of every JavaScript object)";

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, "ids are lower_snake_case, start with a letter, at most 48 characters")
  .refine(notReserved, RESERVED_MESSAGE);

/** Option ids may start with a digit ("100_999"): they are values, never identifiers. */
const optionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]{0,47}$/, "option ids are lower_snake_case, at most 48 characters")
  .refine(notReserved, RESERVED_MESSAGE);

/** Text shown to people and stored in PostgreSQL: no NUL, no unpaired surrogate. */
const text = (max: number, min = 0) => z.string().min(min).max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const optionSchema = z.object({
  id: optionId,
  /** Stable semantic code the logic reasons about ("production", "lt_100ms"); defaults to the id. */
  code: optionId.optional(),
  label: text(120, 1),
  help: text(300).optional(),
});

export const roleSchema = z.enum(ROLES);

const questionBase = {
  id,
  /** What the product reasons about this question as (see ./roles.ts); questions without a role are only shown and exported. */
  role: roleSchema.optional(),
  /** For role readiness_dimension: the dimension's stable code and short display name. */
  dimension: z.object({ code: optionId, label: text(60, 1) }).optional(),
  label: text(300, 1),
  help: text(500).optional(),
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
  scale: z.array(text(40, 1)).length(5),
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
  placeholder: text(200).optional(),
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
  title: text(120, 1),
  description: text(600).optional(),
  questions: z.array(questionSchema).min(1),
});

export const instrumentSchema = z
  .object({
    id,
    version: z.number().int().min(1),
    title: text(200, 1),
    intro: text(2000),
    estimatedMinutes: z.number().int().min(1).max(120),
    sections: z.array(sectionSchema).min(1),
    /** Per locale ("es", "ar"...), every text of the instrument by key (./translations.ts); English is the instrument itself. */
    translations: z.record(z.string(), z.record(z.string(), text(2000, 1))).optional(),
  })
  .superRefine((instrument, ctx) => {
    const byId = new Map<string, Question>();
    const byRole = new Map<Role, Question>();
    const dimensionCodes = new Set<string>();
    instrument.sections.forEach((section, s) =>
      section.questions.forEach((question, q) => {
        const at = (...rest: (string | number)[]) => ["sections", s, "questions", q, ...rest];
        if (META_COLUMN_NAMES.includes(question.id)) {
          ctx.addIssue({ code: "custom", path: at("id"), message: `${question.id} is reserved: exports carry a ${question.id} column` });
        }
        if (byId.has(question.id)) {
          ctx.addIssue({ code: "custom", path: at("id"), message: `duplicate question id ${question.id}` });
        }
        byId.set(question.id, question);
        if ("options" in question) {
          const ids = question.options.map((o) => o.id);
          if (new Set(ids).size !== ids.length) {
            ctx.addIssue({ code: "custom", path: at("options"), message: "duplicate option id" });
          }
          const codes = question.options.map((o) => o.code ?? o.id);
          if (new Set(codes).size !== codes.length) {
            ctx.addIssue({ code: "custom", path: at("options"), message: "duplicate option code" });
          }
        }
        const { role } = question;
        if (!role) {
          if (question.dimension)
            ctx.addIssue({ code: "custom", path: at("dimension"), message: "only a readiness_dimension question has a dimension" });
          return;
        }
        const rule = ROLE_RULES[role];
        if (question.type !== rule.type) {
          ctx.addIssue({ code: "custom", path: at("role"), message: `role ${role} needs a ${rule.type} question, not ${question.type}` });
        }
        if (rule.answerRequired && !question.required) {
          ctx.addIssue({ code: "custom", path: at("required"), message: `a question with role ${role} must be required` });
        }
        const holder = byRole.get(role);
        if (holder && !rule.many) {
          ctx.addIssue({ code: "custom", path: at("role"), message: `role ${role} is already carried by question ${holder.id}` });
        }
        if (!holder) byRole.set(role, question);
        if (role === "readiness_dimension") {
          const code = question.dimension?.code ?? question.id;
          if (dimensionCodes.has(code))
            ctx.addIssue({ code: "custom", path: at("dimension"), message: `duplicate dimension code ${code}` });
          dimensionCodes.add(code);
        } else if (question.dimension) {
          ctx.addIssue({ code: "custom", path: at("dimension"), message: "only a readiness_dimension question has a dimension" });
        }
      }),
    );
    const sectionIds = instrument.sections.map((section) => section.id);
    if (new Set(sectionIds).size !== sectionIds.length) {
      ctx.addIssue({ code: "custom", path: ["sections"], message: "duplicate section id" });
    }
    checkExportColumns(instrument, ctx);
    checkTranslations(instrument, ctx);
    for (const role of MANDATORY_ROLES) {
      if (!byRole.has(role)) ctx.addIssue({ code: "custom", path: ["roles"], message: `missing required role ${role}` });
    }
    instrument.sections.forEach((section, s) =>
      section.questions.forEach((question, q) => {
        if (question.type !== "rank") return;
        if (byId.get(question.optionsFrom)?.type !== "multi") {
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "questions", q, "optionsFrom"],
            message: `${question.id}: optionsFrom must name a multi-select question`,
          });
        } else if (question.required && !byId.get(question.optionsFrom)?.required) {
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "questions", q, "required"],
            message: `${question.id}: a required ranking cannot rank optional question ${question.optionsFrom} (left empty, nothing could be ranked)`,
          });
        } else if (question.role === "top_concerns" && byRole.get("concerns")?.id !== question.optionsFrom) {
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "questions", q, "optionsFrom"],
            message: "the top_concerns question must rank the concerns question's options",
          });
        }
      }),
    );
  });

/** Every locale named is one respondents can choose, and translates every text, and nothing else. */
function checkTranslations(
  instrument: Omit<Instrument, "translations"> & { translations?: Record<string, Record<string, string>> },
  ctx: z.RefinementCtx,
) {
  if (!instrument.translations) return;
  const texts = translatableTexts(instrument);
  for (const [locale, own] of Object.entries(instrument.translations)) {
    if (locale === "en" || !(LOCALES as readonly string[]).includes(locale)) {
      const known = LOCALES.filter((l) => l !== "en").join(", ");
      ctx.addIssue({ code: "custom", path: ["translations", locale], message: `${locale} is not a respondent language (one of ${known})` });
      continue;
    }
    for (const key of texts.keys()) {
      if (!own[key]) ctx.addIssue({ code: "custom", path: ["translations", locale, key], message: "missing translation" });
    }
    for (const key of Object.keys(own)) {
      if (!texts.has(key))
        ctx.addIssue({ code: "custom", path: ["translations", locale, key], message: "translates no text of this instrument" });
    }
  }
}

/** Two questions whose export columns share a name ("x__y": question x__y, and option y of multi-select x). */
function checkExportColumns(instrument: Instrument, ctx: z.RefinementCtx): void {
  const paths = new Map<string, [number, number]>();
  instrument.sections.forEach((section, s) => section.questions.forEach((question, q) => paths.set(question.id, [s, q])));
  let columns;
  try {
    columns = exportColumns(instrument, "");
  } catch {
    return; // an id the export refuses is already refused by the id patterns
  }
  const owner = new Map<string, string>();
  for (const column of columns) {
    if (column.kind === "meta") continue;
    const first = owner.get(column.name);
    if (first === undefined) owner.set(column.name, column.question);
    // The same question twice is a duplicate option or question id, reported on its own.
    else if (first !== column.question) {
      const [s, q] = paths.get(column.question) ?? [0, 0];
      ctx.addIssue({
        code: "custom",
        path: ["sections", s, "questions", q, "id"],
        message: `export column ${column.name} of ${column.question} collides with one of question ${first}`,
      });
    }
  }
}

export type Option = z.infer<typeof optionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type RankQuestion = z.infer<typeof rankQuestionSchema>;

/** Answers keyed by question id: an option id, option ids, a 1-5 score, ranked option ids or text. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

export { PROFILE_FIELDS, PROFILE_ROLES, type ProfileField } from "./roles";

// The helpers live in a module without zod, so client components can use them without shipping it.
export { allQuestions, findQuestion, optionsOf } from "./questions";
