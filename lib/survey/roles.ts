// Semantic roles: how code finds the questions it reasons about in a wave's own frozen instrument.
// No question id of a particular instrument appears outside lib/survey/instruments/; code asks for
// "the question with role X" and, for options it reasons about, "the option with code Y" (an
// option's code defaults to its id, so instruments may rename option ids and keep their codes).
// Free of zod on purpose: client components use these helpers.
import type { Answers, AnswerValue, Instrument, Option, Question } from "./instrument-schema";

/** Every semantic role a question can carry. */
export const ROLES = [
  "industry",
  "region",
  "company_size",
  "role",
  "stage",
  "readiness_dimension",
  "readiness_self",
  "readiness_team",
  "readiness_org",
  "excitements",
  "concerns",
  "top_concerns",
  "workloads",
  "latency_budget",
  "user_geography",
  "traffic_shape",
  "model_sizes",
  "infra_current",
  "infra_planned",
  "free_text",
] as const;
export type Role = (typeof ROLES)[number];

type QuestionType = Question["type"];

export interface RoleRule {
  /** The question type a question with this role must have. */
  type: QuestionType;
  /** A definition lacking a mandatory role is refused. */
  mandatory: boolean;
  /** Only readiness_dimension may be carried by several questions (each one dimension). */
  many: boolean;
  /** The question must be required (answers feed stored profile columns or the readiness index). */
  answerRequired: boolean;
}

const rule = <T extends QuestionType>(type: T, mandatory = true, answerRequired = false, many = false) => ({
  type,
  mandatory,
  many,
  answerRequired,
});

export const ROLE_RULES = {
  industry: rule("single", true, true),
  region: rule("single", true, true),
  company_size: rule("single", true, true),
  role: rule("single", true, true),
  stage: rule("single", true, true),
  readiness_dimension: rule("likert", true, true, true),
  readiness_self: rule("likert"),
  readiness_team: rule("likert"),
  readiness_org: rule("likert"),
  excitements: rule("multi", false),
  concerns: rule("multi"),
  top_concerns: rule("rank"),
  workloads: rule("multi"),
  latency_budget: rule("single"),
  user_geography: rule("single"),
  traffic_shape: rule("single"),
  model_sizes: rule("multi"),
  infra_current: rule("multi"),
  infra_planned: rule("multi"),
  free_text: rule("text", false),
} as const satisfies Record<Role, RoleRule>;

/** Roles every definition must carry. */
export const MANDATORY_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_RULES[role].mandatory);

/** The profile columns of a response and the role of the single-choice question that fills each. */
export const PROFILE_ROLES = {
  industry: "industry",
  region: "region",
  companySize: "company_size",
  role: "role",
  stage: "stage",
} as const satisfies Record<string, Role>;
export type ProfileField = keyof typeof PROFILE_ROLES;
export const PROFILE_FIELDS = Object.keys(PROFILE_ROLES) as ProfileField[];

/** The question type a role implies, e.g. QuestionFor<"concerns"> is a multi-select question. */
export type QuestionFor<R extends Role> = Extract<Question, { type: (typeof ROLE_RULES)[R]["type"] }>;

/** A definition lacks a question with a role the code needs (refused at validation; thrown if bypassed). */
export class MissingRoleError extends Error {
  constructor(
    readonly role: Role,
    instrumentId: string,
  ) {
    super(`instrument ${instrumentId} has no question with role "${role}"`);
    this.name = "MissingRoleError";
  }
}

function questionsOf(instrument: Instrument): Question[] {
  return instrument.sections.flatMap((section) => section.questions);
}

/** The questions carrying a role, in instrument order (several only for readiness_dimension). */
export function questionsByRole<R extends Role>(instrument: Instrument, role: R): QuestionFor<R>[] {
  return questionsOf(instrument).filter(
    (question): question is QuestionFor<R> => question.role === role && question.type === ROLE_RULES[role].type,
  );
}

/** The question carrying a role, or undefined (for optional roles). */
export function findQuestionByRole<R extends Role>(instrument: Instrument, role: R): QuestionFor<R> | undefined {
  return questionsByRole(instrument, role)[0];
}

/** The question carrying a role; throws MissingRoleError when the instrument has none. */
export function questionByRole<R extends Role>(instrument: Instrument, role: R): QuestionFor<R> {
  const question = findQuestionByRole(instrument, role);
  if (!question) throw new MissingRoleError(role, instrument.id);
  return question;
}

/** The question id carrying a role (for reading answers or JSON columns); throws when absent. */
export function idOfRole(instrument: Instrument, role: Role): string {
  return questionByRole(instrument, role).id;
}

export interface ReadinessDimension {
  question: QuestionFor<"readiness_dimension">;
  /** Stable semantic code ("compute"), the same across instruments. */
  code: string;
  /** Short display name ("Compute"). */
  label: string;
}

/** The likert questions averaged into the readiness index, in instrument order. */
export function readinessDimensions(instrument: Instrument): ReadinessDimension[] {
  return questionsByRole(instrument, "readiness_dimension").map((question) => ({
    question,
    code: question.dimension?.code ?? question.id,
    label: question.dimension?.label ?? question.label,
  }));
}

/** An option's semantic code: its `code`, else its id. */
export function codeOf(option: Option): string {
  return option.code ?? option.id;
}

/** The options a question offers (a rank question offers its source question's). */
export function roleOptions(instrument: Instrument, question: Question): Option[] {
  if (question.type === "single" || question.type === "multi") return question.options;
  if (question.type === "rank") {
    const source = questionsOf(instrument).find((q) => q.id === question.optionsFrom);
    return source && "options" in source ? source.options : [];
  }
  return [];
}

/** The option with a semantic code among a question's options. */
export function optionByCode(instrument: Instrument, question: Question, code: string): Option | undefined {
  return roleOptions(instrument, question).find((option) => codeOf(option) === code);
}

/** The option id with a code in the question carrying `role`, or undefined when the instrument has no such option. */
export function optionIdByCode(instrument: Instrument, role: Role, code: string): string | undefined {
  const question = findQuestionByRole(instrument, role);
  return question ? optionByCode(instrument, question, code)?.id : undefined;
}

/** The code of an option id of a question, or undefined for an unknown id. */
export function codeOfOptionId(instrument: Instrument, question: Question, optionId: string): string | undefined {
  const option = roleOptions(instrument, question).find((o) => o.id === optionId);
  return option ? codeOf(option) : undefined;
}

/** The codes of the options of the question carrying `role`, in instrument order (empty when absent). */
export function codesOfRole(instrument: Instrument, role: Role): string[] {
  const question = findQuestionByRole(instrument, role);
  return question ? roleOptions(instrument, question).map(codeOf) : [];
}

/** The raw answer to the question carrying `role` (undefined when unanswered or the role is absent). */
export function answerFor(instrument: Instrument, answers: Answers, role: Role): AnswerValue | undefined {
  const question = findQuestionByRole(instrument, role);
  return question ? answers[question.id] : undefined;
}

/** The code of the option chosen for a single-choice role, or null. */
export function chosenCode(instrument: Instrument, answers: Record<string, unknown>, role: Role): string | null {
  const question = findQuestionByRole(instrument, role);
  const value = question ? answers[question.id] : undefined;
  return question && typeof value === "string" ? (codeOfOptionId(instrument, question, value) ?? null) : null;
}

/** The codes of the options chosen (or ranked) for a multi-select or rank role, in answer order, unknown ids dropped. */
export function chosenCodes(instrument: Instrument, answers: Record<string, unknown>, role: Role): string[] {
  const question = findQuestionByRole(instrument, role);
  const value = question ? answers[question.id] : undefined;
  if (!question || !Array.isArray(value)) return [];
  return value.flatMap((id) => {
    const code = typeof id === "string" ? codeOfOptionId(instrument, question, id) : undefined;
    return code === undefined ? [] : [code];
  });
}

/** The option id answered for a single-choice role (as stored), or null. */
export function chosenOption(instrument: Instrument, answers: Record<string, unknown>, role: Role): string | null {
  const question = findQuestionByRole(instrument, role);
  const value = question ? answers[question.id] : undefined;
  return typeof value === "string" ? value : null;
}

/** The display label of an option id of the question carrying `role` (the id itself when unknown). */
export function optionLabelOf(instrument: Instrument, role: Role, optionId: string): string {
  const question = findQuestionByRole(instrument, role);
  return (question ? roleOptions(instrument, question) : []).find((o) => o.id === optionId)?.label ?? optionId;
}
