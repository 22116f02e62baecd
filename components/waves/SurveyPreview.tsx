"use client";
// The survey exactly as respondents will see it, built from the respondent's own components
// (Intro, ProgressBar, QuestionField, StepNavigation), with nothing saved or submitted: answers stay
// in this page, steps move without the URL, and every step can be visited.
import { useState } from "react";
import { useTranslations } from "@/components/i18n/client";
import { Intro } from "@/components/survey/Intro";
import { IntroDetails } from "@/components/survey/IntroDetails";
import { ProgressBar } from "@/components/survey/ProgressBar";
import { StepNavigation } from "@/components/survey/StepNavigation";
import { QuestionField } from "@/components/survey/fields";
import { useAnswers } from "@/components/survey/useAnswers";
import type { Instrument } from "@/lib/survey/instrument-schema";

export function SurveyPreview({ instrument, retentionDays }: { instrument: Instrument; retentionDays: number }) {
  const t = useTranslations("survey");
  const [step, setStep] = useState<number | null>(null);
  const [consent, setConsent] = useState(false);
  const [done, setDone] = useState(false);
  const { answers, setAnswer } = useAnswers(instrument, {});
  const total = instrument.sections.length;
  const section = step === null ? undefined : instrument.sections[step];
  return (
    <div className="rounded-2xl border border-dashed border-brand-300 bg-slate-50 p-4 sm:p-6" data-testid="survey-preview">
      <p className="mb-4 text-sm text-slate-600">
        Preview: what respondents will see. Answers here are not saved, and steps can be visited in any order.
      </p>
      {step === null || !section ? (
        <Intro
          details={<IntroDetails instrument={instrument} retentionDays={retentionDays} t={t} />}
          consent={consent}
          consentError={false}
          onConsent={setConsent}
          onStart={() => setStep(0)}
        />
      ) : (
        <div>
          <ProgressBar instrument={instrument} step={step} furthest={total - 1} hrefOf={(i) => `#preview-step-${i + 1}`} onGo={setStep} />
          <h1 className="text-2xl font-bold text-brand-900">{section.title}</h1>
          {section.description && <p className="mt-1 text-slate-600">{section.description}</p>}
          <form
            noValidate
            className="mt-6 grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (step < total - 1) setStep(step + 1);
              else setDone(true);
            }}
          >
            {section.questions.map((question) => (
              <QuestionField
                key={question.id}
                instrument={instrument}
                question={question}
                value={answers[question.id]}
                error={undefined}
                answers={answers}
                onChange={(value) => setAnswer(question.id, value)}
              />
            ))}
            <StepNavigation isFirst={step === 0} isLast={step === total - 1} busy={null} onBack={() => setStep(Math.max(0, step - 1))} />
          </form>
          {done && step === total - 1 && (
            <p role="status" className="mt-3 text-sm text-slate-600">
              End of the preview: respondents would now see their result. Nothing was submitted.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
