"use client";
// Checks a step with the same zod schemas the server uses. They (and zod, about 30 KB gzipped)
// load only once the respondent answers or presses Next, not with the page. After a step's first
// check, its errors update as the respondent answers; errors belong to the step they were found on.
import { useTranslations } from "@/components/i18n/client";
import { useCallback, useRef, useState } from "react";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { allQuestions } from "@/lib/survey/questions";
import type { Answers } from "./useAnswers";
import type { Translate } from "./validation-messages";

// The translated messages (./validation-messages.ts) come with the schemas, not with the page.
type Validation = typeof import("@/lib/survey/answers") & typeof import("./validation-messages");
let validation: Promise<Validation> | null = null;
const loadValidation = () =>
  (validation ??= Promise.all([import("@/lib/survey/answers"), import("./validation-messages")])
    .then(([answers, messages]) => ({ ...answers, ...messages }))
    .catch((error: unknown) => {
      validation = null; // a failed download is tried again on the next call
      throw error;
    }));

export type FieldErrors = Record<string, string>;

export function useStepValidation(instrument: Instrument) {
  const t = useTranslations("validation");
  const [found, setFound] = useState<{ step: number; errors: FieldErrors } | null>(null);
  const validator = useRef<Validation | null>(null);
  const checkedStep = useRef<number | null>(null);

  const errorsOf = useCallback(
    (v: Validation, step: number, answers: Answers): FieldErrors => {
      const parsed = v.sectionSchema(instrument, step).safeParse(answers);
      if (parsed.success) return {};
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const questionId = String(issue.path[0] ?? "");
        const question = allQuestions(instrument).find((q) => q.id === questionId);
        if (question) errors[questionId] ??= v.validationMessage(t as Translate, instrument, question, issue, answers);
      }
      return errors;
    },
    [instrument, t],
  );

  /** Starts loading the checks in the background, and re-checks a step already checked once. */
  const answered = useCallback(
    (step: number, answers: Answers) => {
      loadValidation()
        .then((v) => {
          validator.current = v;
        })
        .catch(() => undefined); // Next reports a failed download
      if (checkedStep.current === step && validator.current) setFound({ step, errors: errorsOf(validator.current, step, answers) });
    },
    [errorsOf],
  );

  /** Checks a step and shows its errors; null when the checks could not be downloaded. */
  const check = useCallback(
    async (step: number, answers: Answers): Promise<FieldErrors | null> => {
      let v: Validation;
      try {
        v = validator.current ??= await loadValidation();
      } catch {
        return null;
      }
      checkedStep.current = step;
      const errors = errorsOf(v, step, answers);
      setFound({ step, errors });
      return errors;
    },
    [errorsOf],
  );

  /** Shows errors the server found (on the step that holds them). */
  const show = useCallback((step: number, errors: FieldErrors) => {
    checkedStep.current = step;
    setFound({ step, errors });
  }, []);

  /** The errors to show on a step: only those found on it. */
  const errorsFor = (step: number): FieldErrors => (found?.step === step ? found.errors : {});

  return { errorsFor, answered, check, show };
}
