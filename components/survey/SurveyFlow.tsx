"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AnswerValue, Instrument } from "@/lib/survey/instrument-schema";
import type { DraftView } from "@/lib/survey/responses";
import { QuestionField } from "./fields";
import { ProgressBar } from "./ProgressBar";
import { newSubmissionId, saveDraftCall, submitDraftCall } from "./survey-api";

// The answer schemas (and zod, about 30 KB gzipped) are the same as the server's, but a respondent
// needs them only once they answer: they load on the first answer or Next, not with the page.
type Validation = typeof import("@/lib/survey/answers");
let validation: Promise<Validation> | null = null;
const loadValidation = () =>
  (validation ??= import("@/lib/survey/answers").catch((error: unknown) => {
    validation = null; // a failed download is tried again on the next call
    throw error;
  }));

interface Props {
  slug: string;
  instrument: Instrument;
  initialDraft: DraftView | null;
  /** Unfinished responses are deleted this many days after their last save. */
  retentionDays: number;
}

type Banner = { tone: "info" | "error"; text: string } | null;

export function SurveyFlow({ slug, instrument, initialDraft, retentionDays }: Props) {
  const router = useRouter();
  const total = instrument.sections.length;
  const [started, setStarted] = useState(initialDraft !== null);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const [step, setStep] = useState(Math.min(Math.max(initialDraft?.currentStep ?? 0, 0), total - 1));
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(initialDraft?.answers ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<"saving" | "submitting" | null>(null);
  const [banner, setBanner] = useState<Banner>(
    initialDraft ? { tone: "info", text: "Welcome back. We restored your answers so you can pick up where you left off." } : null,
  );
  const submissionId = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const validatedOnce = useRef(false);
  const validator = useRef<Validation | null>(null);
  const section = instrument.sections[step];
  const ensureValidator = async () => (validator.current ??= await loadValidation());

  useEffect(() => {
    if (started) headingRef.current?.focus();
  }, [step, started]);

  if (!started) {
    return (
      <Intro
        instrument={instrument}
        retentionDays={retentionDays}
        consent={consent}
        consentError={consentError}
        onConsent={(value) => {
          setConsent(value);
          setConsentError(false);
        }}
        onStart={() => (consent ? setStarted(true) : setConsentError(true))}
      />
    );
  }
  if (!section) return null;

  const validateStep = (v: Validation, values: Record<string, AnswerValue>): Record<string, string> => {
    const parsed = v.sectionSchema(instrument, step).safeParse(values);
    if (parsed.success) return {};
    const found: Record<string, string> = {};
    for (const issue of v.toFieldIssues(parsed.error)) {
      const questionId = issue.path.split(".")[0] ?? "";
      found[questionId] ??= issue.message;
    }
    return found;
  };

  const setAnswer = (questionId: string, value: AnswerValue | undefined) => {
    {
      const next = { ...answers };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      // A ranked concern that is no longer chosen drops out of the ranking.
      for (const question of instrument.sections.flatMap((s) => s.questions)) {
        if (question.type === "rank" && question.optionsFrom === questionId && Array.isArray(next[question.id])) {
          const chosen = Array.isArray(value) ? value : [];
          const kept = (next[question.id] as string[]).filter((id) => chosen.includes(id));
          if (kept.length) next[question.id] = kept;
          else delete next[question.id];
        }
      }
      setAnswers(next);
      ensureValidator().catch(() => undefined); // Next reports a failed download
      if (validatedOnce.current && validator.current) setErrors(validateStep(validator.current, next));
    }
  };

  const focusFirstError = (found: Record<string, string>) => {
    const first = section.questions.find((q) => found[q.id]);
    if (first) document.getElementById(`q-${first.id}`)?.focus();
  };

  /** Validates the step, saves it as the draft, then moves on (or submits on the last step). */
  const next = async () => {
    let checks: Validation;
    try {
      checks = await ensureValidator();
    } catch {
      setBanner({ tone: "error", text: "Could not load this form's checks. Check your connection and press Next again." });
      return;
    }
    validatedOnce.current = true;
    const found = validateStep(checks, answers);
    setErrors(found);
    if (Object.keys(found).length) {
      setBanner({ tone: "error", text: "Please answer the highlighted questions." });
      requestAnimationFrame(() => focusFirstError(found));
      return;
    }
    const isLast = step === total - 1;
    setBusy(isLast ? "submitting" : "saving");
    setBanner(null);
    const stepAnswers = Object.fromEntries(section.questions.map((q) => [q.id, answers[q.id] ?? null]));
    const saved = await saveDraftCall(slug, { step: isLast ? total : step + 1, answers: stepAnswers });
    if (!saved.ok) return fail(saved);
    if (!isLast) {
      setBusy(null);
      validatedOnce.current = false;
      setStep(step + 1);
      return;
    }
    submissionId.current ??= newSubmissionId();
    const submitted = await submitDraftCall(slug, { submissionId: submissionId.current });
    if (!submitted.ok) return fail(submitted);
    router.push(submitted.data.resultUrl);
  };

  const fail = (result: Exclude<Awaited<ReturnType<typeof saveDraftCall>>, { ok: true }>) => {
    setBusy(null);
    if (result.kind === "invalid") {
      const found: Record<string, string> = {};
      for (const issue of result.fields) {
        const questionId = issue.path.replace(/^answers\./, "").split(".")[0] ?? "";
        found[questionId] ??= issue.message;
      }
      // Jump to the first section holding an error the server found.
      const target = instrument.sections.findIndex((s) => s.questions.some((q) => found[q.id]));
      if (target >= 0 && target !== step) setStep(target);
      setErrors(found);
      setBanner({ tone: "error", text: result.message });
      return;
    }
    if (result.kind === "conflict") {
      router.push(`/survey/${slug}/result`);
      return;
    }
    setBanner({
      tone: "error",
      text: `We could not save your answers just now (${result.message}). They are still here: press ${step === total - 1 ? "Submit" : "Next"} to try again.`,
    });
  };

  return (
    <div>
      <ProgressBar step={step + 1} total={total} />
      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-brand-900 focus:outline-none">
        {section.title}
      </h2>
      {section.description && <p className="mt-1 text-slate-600">{section.description}</p>}
      {banner && (
        <div
          role={banner.tone === "error" ? "alert" : "status"}
          className={
            `mt-4 rounded-lg border px-4 py-3 text-sm ` +
            `${banner.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-brand-100 bg-brand-50 text-brand-900"}`
          }
        >
          {banner.text}
        </div>
      )}
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
            onChange={(value) => setAnswer(question.id, value)}
          />
        ))}
        <div
          className={
            "sticky bottom-0 -mx-4 mt-2 flex items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 " +
            "backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0"
          }
        >
          <button
            type="button"
            onClick={() => {
              setErrors({});
              setBanner(null);
              validatedOnce.current = false;
              setStep(step - 1);
            }}
            disabled={step === 0 || busy !== null}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-medium text-slate-700 hover:bg-slate-100 disabled:invisible"
          >
            Back
          </button>
          <button
            type="submit"
            disabled={busy !== null}
            aria-busy={busy !== null}
            className="rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
          >
            {busy === "saving" ? "Saving…" : busy === "submitting" ? "Submitting…" : step === total - 1 ? "Submit" : "Next"}
          </button>
        </div>
      </form>
    </div>
  );
}

function Intro(props: {
  instrument: Instrument;
  retentionDays: number;
  consent: boolean;
  consentError: boolean;
  onConsent: (value: boolean) => void;
  onStart: () => void;
}) {
  const { instrument } = props;
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{instrument.title}</h1>
      <p className="mt-3 text-slate-600">{instrument.intro}</p>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="what-you-get">
          <h2 id="what-you-get" className="font-semibold text-brand-900">
            What you get
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>
              {instrument.sections.length} short steps, about {instrument.estimatedMinutes} minutes.
            </li>
            <li>Your readiness per dimension next to peers in your industry and region.</li>
            <li>Progress is saved at every step; close the tab and come back any time.</li>
          </ul>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="privacy">
          <h2 id="privacy" className="font-semibold text-brand-900">
            Your privacy
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>Anonymous: we never ask for your name, email or employer, and never store IP addresses.</li>
            <li>We store your answers, when you answered, and a random resume key kept in a cookie on this device.</li>
            <li>Results are shown only in aggregate; groups of fewer than five people are never shown.</li>
            <li>
              You can delete your response from your result page at any time. Answers you never submit are deleted {props.retentionDays}{" "}
              days after you last saved them.
            </li>
          </ul>
        </section>
      </div>
      <form
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5"
        onSubmit={(event) => {
          event.preventDefault();
          props.onStart();
        }}
      >
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            checked={props.consent}
            onChange={(event) => props.onConsent(event.target.checked)}
            aria-describedby={props.consentError ? "consent-error" : undefined}
            aria-invalid={props.consentError || undefined}
            className="mt-0.5 size-4 accent-brand-600"
          />
          <span>I agree to take part, and for my anonymous answers to be used in aggregate results.</span>
        </label>
        {props.consentError && (
          <p id="consent-error" role="alert" className="mt-2 text-sm font-medium text-red-700">
            Please tick the box to agree before you start.
          </p>
        )}
        <button type="submit" className="mt-4 rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">
          Start the survey
        </button>
      </form>
    </div>
  );
}
