"use client";
// The respondent's answers on the client. A ranking offers only what its source question chose,
// so un-choosing a concern drops it from the ranking as well.
import { useCallback, useState } from "react";
import type { AnswerValue, Instrument } from "@/lib/survey/instrument-schema";

export type Answers = Record<string, AnswerValue>;

export function withAnswer(instrument: Instrument, answers: Answers, questionId: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  if (value === undefined) delete next[questionId];
  else next[questionId] = value;
  for (const question of instrument.sections.flatMap((s) => s.questions)) {
    if (question.type === "rank" && question.optionsFrom === questionId && Array.isArray(next[question.id])) {
      const chosen = Array.isArray(value) ? value : [];
      const kept = (next[question.id] as string[]).filter((id) => chosen.includes(id));
      if (kept.length) next[question.id] = kept;
      else delete next[question.id];
    }
  }
  return next;
}

export function useAnswers(instrument: Instrument, initial: Answers) {
  const [answers, setAnswers] = useState<Answers>(initial);
  /** Sets one answer (undefined clears it) and returns the whole new set. */
  const setAnswer = useCallback(
    (questionId: string, value: AnswerValue | undefined): Answers => {
      const next = withAnswer(instrument, answers, questionId, value);
      setAnswers(next);
      return next;
    },
    [answers, instrument],
  );
  return { answers, setAnswer };
}
