"use client";
// The current step lives in the URL (?step=3, 1-based), so the browser's Back and Forward move
// between steps, a reload stays on the step, and the address says where the respondent is. Steps
// are pushed with history.pushState, which Next.js folds into its router (useSearchParams follows)
// without asking the server for the page again. No ?step is the introduction.
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { STEP_PARAM, parseStep, stepHref } from "./step-param";

/** What an entry this hook pushed records: the step it was pushed from, so Back can pop it. */
interface StepState {
  surveyStepFrom?: number | null;
}

export function useStepInUrl(total: number) {
  const params = useSearchParams();
  const step = parseStep(params.get(STEP_PARAM), total);

  /** Goes to a step (null: the introduction) as a new history entry. */
  const goTo = useCallback(
    (target: number | null) => {
      const state: StepState = { surveyStepFrom: step };
      window.history.pushState(state, "", target === null ? window.location.pathname : stepHref(target));
    },
    [step],
  );

  /** The in-page Back: the browser's Back when the previous entry is the previous step, so the
   * history stays a plain list of steps; otherwise a new entry for the previous step. */
  const goBack = useCallback(() => {
    if (step === null) return;
    const from = (window.history.state as StepState | null)?.surveyStepFrom;
    if (from === step - 1) window.history.back();
    else goTo(step > 0 ? step - 1 : null);
  }, [goTo, step]);

  return { step, goTo, goBack };
}
