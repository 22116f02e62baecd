"use client";
// The survey form: the introduction, then one step per section. This component wires the parts:
// the step in the URL (useStepInUrl), the answers (useAnswers), checks (useStepValidation), draft
// saving (useDraftSaving), and the step's view (ProgressBar, Banner, QuestionField, StepNavigation).
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "@/components/i18n/client";
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Instrument } from "@/lib/survey/instrument-schema";
import type { DraftView } from "@/lib/survey/responses";
import { Banner, type BannerMessage } from "./Banner";
import { QuestionField } from "./fields";
import { Intro } from "./Intro";
import { ProgressBar } from "./ProgressBar";
import { StepNavigation, type Busy } from "./StepNavigation";
import { newSubmissionId, submitDraftCall } from "./survey-api";
import { useAnswers } from "./useAnswers";
import { useDraftSaving, type SaveFailure } from "./useDraftSaving";
import { useStepInUrl } from "./useStepInUrl";
import { useStepValidation, type FieldErrors } from "./useStepValidation";

interface Props {
  slug: string;
  instrument: Instrument;
  initialDraft: DraftView | null;
  /** The introduction's reading part, rendered on the server (./IntroDetails.tsx). */
  introDetails: ReactNode;
  /** The result page, keeping the URL's chosen language (the server resolves it: no locale tables here). */
  resultUrl: string;
}

export function SurveyFlow({ slug, instrument, initialDraft, introDetails, resultUrl }: Props) {
  const router = useRouter();
  const t = useTranslations("survey");
  const tv = useTranslations("validation");
  const locale = useLocale() as Locale;
  const total = instrument.sections.length;
  const url = useStepInUrl(total);
  // The furthest step reached: steps up to it can be visited; the server clamps ?step to it too.
  const [furthest, setFurthest] = useState(Math.min(Math.max(initialDraft?.currentStep ?? 0, 0), total - 1));
  const step = url.step === null ? null : Math.min(url.step, furthest);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const { answers, setAnswer } = useAnswers(instrument, initialDraft?.answers ?? {});
  const validation = useStepValidation(instrument);
  const [busy, setBusy] = useState<Busy>(null);
  // A banner belongs to the step it was raised on and disappears when the respondent moves on.
  const [banner, setBanner] = useState<(BannerMessage & { step: number | null }) | null>(
    initialDraft && url.step !== null ? { step: url.step, tone: "info", text: t("welcomeBack") } : null,
  );
  /** Why a save failed, in the respondent's language (the server's own words are English). */
  const reasonOf = (failure: SaveFailure) => t(failure.kind === "unavailable" ? "reasonUnavailable" : "reasonRefused");
  const submissionId = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const drafts = useDraftSaving({
    slug,
    initial: initialDraft?.answers ?? {},
    current: () => ({ answers, resumeStep: furthest }),
    onBackgroundFailure: (failure) => {
      if (failure.kind === "conflict") return router.push(resultUrl);
      setBanner({ step, tone: "error", text: t("saveFailedBackground", { reason: reasonOf(failure) }) });
    },
  });

  // Leaving a step any way but Next (Back, a step link, the browser's Back or Forward) saves what
  // was typed on it; after Next nothing has changed since its save, so nothing more is sent.
  const left = useEffectEvent(() => drafts.saveChanges());
  const previousStep = useRef(step);
  useEffect(() => {
    if (previousStep.current !== null && previousStep.current !== step) left();
    previousStep.current = step;
    if (step !== null) {
      headingRef.current?.focus();
      document.title = t("documentTitle", { step: step + 1, total, title: instrument.sections[step]?.title ?? "" });
    }
  }, [step, total, instrument, t]);

  if (step === null) {
    return (
      <Intro
        details={introDetails}
        consent={consent}
        consentError={consentError}
        onConsent={(value) => {
          setConsent(value);
          setConsentError(false);
        }}
        onStart={() => (consent ? url.goTo(0) : setConsentError(true))}
      />
    );
  }
  const section = instrument.sections[step];
  if (!section) return null;
  const isLast = step === total - 1;
  const errors = validation.errorsFor(step);

  const focusFirstError = (found: FieldErrors) => {
    const first = section.questions.find((q) => found[q.id]);
    if (first) document.getElementById(`q-${first.id}`)?.focus();
  };

  /** Checks the step, saves it, then moves on (or submits on the last step). */
  const next = async () => {
    const found = await validation.check(step, answers);
    if (found === null) {
      setBanner({ step, tone: "error", text: t("checksUnavailable") });
      return;
    }
    if (Object.keys(found).length) {
      setBanner({ step, tone: "error", text: t("answerHighlighted") });
      requestAnimationFrame(() => focusFirstError(found));
      return;
    }
    setBusy(isLast ? "submitting" : "saving");
    setBanner(null);
    const saved = await drafts.save(
      isLast ? total : Math.max(furthest, step + 1),
      answers,
      section.questions.map((q) => q.id),
    );
    if (!saved.ok) return fail(saved);
    if (!isLast) {
      setBusy(null);
      setFurthest((reached) => Math.max(reached, step + 1));
      url.goTo(step + 1);
      return;
    }
    submissionId.current ??= newSubmissionId();
    const submitted = await submitDraftCall(slug, { submissionId: submissionId.current, language: locale });
    if (!submitted.ok) return fail(submitted);
    router.push(resultUrl);
  };

  const fail = (result: SaveFailure) => {
    setBusy(null);
    if (result.kind === "invalid") {
      const found: FieldErrors = {};
      for (const issue of result.fields) {
        const questionId = issue.path.replace(/^answers\./, "").split(".")[0] ?? "";
        // The server's messages are English (the API's): the form shows its own, translated.
        found[questionId] ??= tv("invalid");
      }
      // Show the first section holding an error the server found.
      const target = instrument.sections.findIndex((s) => s.questions.some((q) => found[q.id]));
      const where = target >= 0 ? target : step;
      validation.show(where, found);
      setBanner({ step: where, tone: "error", text: t("serverInvalid") });
      if (where !== step) url.goTo(where);
      return;
    }
    if (result.kind === "conflict") {
      router.push(resultUrl);
      return;
    }
    setBanner({ step, tone: "error", text: t("saveFailed", { reason: reasonOf(result), button: t(isLast ? "submit" : "next") }) });
  };

  return (
    <div>
      <ProgressBar instrument={instrument} step={step} furthest={furthest} hrefOf={url.hrefOf} onGo={url.goTo} />
      {/* Focused on every step change so screen readers announce the new step; it is not a control,
          so it shows no focus ring (an inline style: the global :focus-visible rule outranks classes). */}
      <h1 ref={headingRef} tabIndex={-1} style={{ outline: "none" }} className="text-2xl font-bold text-brand-900">
        {section.title}
      </h1>
      {section.description && <p className="mt-1 text-slate-600">{section.description}</p>}
      <Banner banner={banner?.step === step ? banner : null} />
      <form
        noValidate
        className="mt-6 grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void next();
        }}
      >
        {section.questions.map((question) => (
          <QuestionField
            key={question.id}
            instrument={instrument}
            question={question}
            value={answers[question.id]}
            error={errors[question.id]}
            answers={answers}
            onChange={(value) => validation.answered(step, setAnswer(question.id, value))}
          />
        ))}
        <StepNavigation isFirst={step === 0} isLast={isLast} busy={busy} onBack={url.goBack} />
      </form>
    </div>
  );
}
