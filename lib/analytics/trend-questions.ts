// The questions a trend follows, found in each wave's own instrument by their semantic role (never
// by one instrument version's ids): the readiness dimensions, the AI stage (and which of its
// options mean "in production"), the top concerns and the planned infrastructure. Options are
// matched across waves by their semantic code. Pure: the trends query and its tests use it.
import type { Instrument, Option, Question } from "@/lib/survey/instrument-schema";
import { codeOf, findQuestionByRole, readinessDimensions, roleOptions } from "@/lib/survey/roles";

export interface TrendQuestion {
  id: string;
  label: string;
  question: Question;
  /** Readiness dimensions: the dimension's code, which pairs them across waves (ids may be renamed). */
  code?: string;
}

/** The stage codes that mean AI runs in production. */
export const PRODUCTION_CODES = ["limited_production", "scaled_production"];

/**
 * The readiness dimensions (likert questions with role readiness_dimension), keyed across waves by
 * question id and role, with their display names.
 */
export function dimensionQuestions(instrument: Instrument): TrendQuestion[] {
  return readinessDimensions(instrument).map((d) => ({ id: d.question.id, label: d.label, question: d.question, code: d.code }));
}

/** The AI stage question (a profile column). */
export function stageQuestion(instrument: Instrument): TrendQuestion | null {
  const question = findQuestionByRole(instrument, "stage");
  return question ? { id: question.id, label: question.label, question } : null;
}

/** The stage options that mean AI runs in production (limited or scaled), by code. */
export function productionOptions(instrument: Instrument): Option[] {
  const stage = stageQuestion(instrument);
  return stage ? roleOptions(instrument, stage.question).filter((o) => PRODUCTION_CODES.includes(codeOf(o))) : [];
}

/** The ranking of the top concerns (a rank question over the concerns). */
export function topConcernsQuestion(instrument: Instrument): TrendQuestion | null {
  const question = findQuestionByRole(instrument, "top_concerns");
  return question ? { id: question.id, label: question.label, question } : null;
}

/** Where respondents plan to run inference (a multi-select). */
export function plannedInfrastructureQuestion(instrument: Instrument): TrendQuestion | null {
  const question = findQuestionByRole(instrument, "infra_planned");
  return question ? { id: question.id, label: question.label, question } : null;
}

/** What matches an option across waves: its semantic code. */
export function optionKey(option: Option): string {
  return codeOf(option);
}
