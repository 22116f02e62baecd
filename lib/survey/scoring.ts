// Derived values stored beside the raw answers so analytics can GROUP BY indexed columns.
import type { Answers, Instrument } from "./instrument-schema";
import { PROFILE_FIELDS, PROFILE_ROLES, chosenOption, readinessDimensions, type ProfileField } from "./roles";

/** A 1-5 rating on the 0-100 scale the dashboards use: 1 -> 0, 3 -> 50, 5 -> 100. */
export function likertTo100(score: number): number {
  return ((score - 1) / 4) * 100;
}

/** Mean of the readiness dimensions on 0-100, or null while any dimension is unanswered. */
export function readinessIndex(instrument: Instrument, answers: Answers): number | null {
  const scores: number[] = [];
  for (const { question } of readinessDimensions(instrument)) {
    const value = answers[question.id];
    if (typeof value !== "number" || value < 1 || value > 5) return null;
    scores.push(value);
  }
  const mean = scores.reduce((sum, value) => sum + value, 0) / scores.length;
  return Math.round(likertTo100(mean) * 10) / 10;
}

export type Profile = Record<ProfileField, string | null>;

/** The profile columns of a response, from its answers. */
export function profileOf(instrument: Instrument, answers: Answers): Profile {
  const profile = {} as Profile;
  for (const field of PROFILE_FIELDS) {
    profile[field] = chosenOption(instrument, answers, PROFILE_ROLES[field]);
  }
  return profile;
}

/** Index of the first section with an unanswered required question; sections.length when done. */
export function firstIncompleteSection(instrument: Instrument, answers: Answers): number {
  const index = instrument.sections.findIndex((section) =>
    section.questions.some((question) => question.required && answers[question.id] === undefined),
  );
  return index === -1 ? instrument.sections.length : index;
}
