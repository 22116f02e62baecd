// The questions a trend follows, found in each wave's own instrument (never by one instrument
// version's ids): the readiness dimensions, the AI stage (and which of its options mean "in
// production"), the top concerns and the planned infrastructure. Pure: the trends query and its
// tests use it.
import type { Instrument, Option, Question } from "@/lib/survey/instrument-schema";
import { findQuestion, optionsOf } from "@/lib/survey/questions";

export interface TrendQuestion {
  id: string;
  label: string;
  question: Question;
}

const found = (instrument: Instrument, id: string | undefined, label?: string): TrendQuestion | null => {
  const question = id ? findQuestion(instrument, id) : undefined;
  return question ? { id: question.id, label: label ?? question.label, question } : null;
};

/** The readiness dimensions (likert questions), with their display names. */
export function dimensionQuestions(instrument: Instrument): TrendQuestion[] {
  return instrument.readinessDimensions.flatMap((d) => found(instrument, d.questionId, d.label) ?? []);
}

/** The AI stage question (a profile column). */
export function stageQuestion(instrument: Instrument): TrendQuestion | null {
  return found(instrument, instrument.profile.stage);
}

/** The stage options that mean AI runs in production (limited or scaled). */
export function productionOptions(instrument: Instrument): Option[] {
  const stage = stageQuestion(instrument);
  return stage ? optionsOf(instrument, stage.question).filter((o) => optionKey(o).endsWith("production")) : [];
}

/** The ranking of the top concerns (a rank question over the concerns). */
export function topConcernsQuestion(instrument: Instrument): TrendQuestion | null {
  return found(instrument, "concerns_top3");
}

/** Where respondents plan to run inference (a multi-select). */
export function plannedInfrastructureQuestion(instrument: Instrument): TrendQuestion | null {
  return found(instrument, "infra_planned");
}

/** What matches an option across waves. */
export function optionKey(option: Option): string {
  return option.id;
}
