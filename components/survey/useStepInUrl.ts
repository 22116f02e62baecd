"use client";
// The current step lives in the URL (?step=3, 1-based), so the browser's Back and Forward move
// between steps, a reload stays on the step, and the address says where the respondent is. Steps
// are pushed with history.pushState, which Next.js folds into its router (useSearchParams follows)
// without asking the server for the page again. No ?step is the introduction.
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { LANG_PARAM } from "@/lib/i18n/lang-param";
import { STEP_PARAM, parseStep, stepHref } from "./step-param";

/** What an entry this hook pushed records: the step it was pushed from, so Back can pop it. */
interface StepState {
  surveyStepFrom?: number | null;
}

export function useStepInUrl(total: number) {
  const params = useSearchParams();
  const step = parseStep(params.get(STEP_PARAM), total);
  const lang = params.get(LANG_PARAM);

  /** Goes to a step (null: the introduction) as a new history entry. */
  const goTo = useCallback(
    (target: number | null) => {
      const state: StepState = { surveyStepFrom: step };
      const intro = lang ? `${window.location.pathname}?${LANG_PARAM}=${encodeURIComponent(lang)}` : window.location.pathname;
      window.history.pushState(state, "", target === null ? intro : stepHref(target, lang));
    },
    [step, lang],
  );

  /** The in-page Back: the browser's Back when the previous entry is the previous step, so the
   * history stays a plain list of steps; otherwise a new entry for the previous step. */
  const goBack = useCallback(() => {
    if (step === null) return;
    const from = (window.history.state as StepState | null)?.surveyStepFrom;
    if (from === step - 1) window.history.back();
    else goTo(step > 0 ? step - 1 : null);
  }, [goTo, step]);

  /** A step's link, keeping the language. */
  const hrefOf = useCallback((target: number) => stepHref(target, lang), [lang]);

  return { step, goTo, goBack, hrefOf };
}
