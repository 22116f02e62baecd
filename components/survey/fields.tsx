"use client";
// One control per question type. Every control is a native input inside a fieldset with a legend,
// so it is labelled, keyboard-operable (arrows move within radio groups) and screen-reader friendly.
import { useLocale, useTranslations } from "@/components/i18n/client";
import type { AnswerValue, Instrument, Question } from "@/lib/survey/instrument-schema";
import { optionsOf } from "@/lib/survey/questions";

interface FieldProps {
  instrument: Instrument;
  question: Question;
  value: AnswerValue | undefined;
  error: string | undefined;
  /** Answers of the whole form: a rank question offers what its source question chose. */
  answers: Record<string, AnswerValue>;
  onChange: (value: AnswerValue | undefined) => void;
}

export function QuestionField(props: FieldProps) {
  const { question, error } = props;
  const t = useTranslations("survey");
  const helpId = `q-${question.id}-help`;
  const errorId = `q-${question.id}-error`;
  const describedBy = [question.help ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={`q-${question.id}`}
      data-question={question.id}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
      className={`rounded-xl border bg-white p-4 sm:p-5 ${error ? "border-red-400 ring-1 ring-red-300" : "border-slate-200"}`}
    >
      <legend className="float-left w-full text-base font-semibold text-slate-900">
        {question.label}
        {!question.required && <span className="ms-2 text-sm font-normal text-slate-500">{t("optional")}</span>}
      </legend>
      {question.help && (
        <p id={helpId} className="clear-both pt-1 text-sm text-slate-500">
          {question.help}
        </p>
      )}
      <div className="clear-both pt-3">
        <Control {...props} />
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-3 flex items-center gap-1 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span> {error}
        </p>
      )}
    </fieldset>
  );
}

function Control(props: FieldProps) {
  switch (props.question.type) {
    case "single":
      return <SingleChoice {...props} />;
    case "multi":
      return <MultiChoice {...props} />;
    case "likert":
      return <Likert {...props} />;
    case "rank":
      return <Rank {...props} />;
    case "text":
      return <FreeText {...props} />;
  }
}

const choiceCard =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2.5 text-sm hover:border-brand-500 " +
  "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 " +
  "has-[:focus-visible]:ring-brand-500";

function SingleChoice({ instrument, question, value, onChange }: FieldProps) {
  const options = optionsOf(instrument, question);
  return (
    <div className={`grid gap-2 ${options.length > 4 ? "sm:grid-cols-2" : ""}`}>
      {options.map((option) => (
        <label key={option.id} className={choiceCard}>
          <input
            type="radio"
            name={question.id}
            value={option.id}
            checked={value === option.id}
            onChange={() => onChange(option.id)}
            className="mt-0.5 size-4 accent-brand-600"
          />
          <span>
            <span className="font-medium">{option.label}</span>
            {option.help && <span className="block text-slate-500">{option.help}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}

function MultiChoice({ instrument, question, value, onChange }: FieldProps) {
  const options = optionsOf(instrument, question);
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (id: string, on: boolean) => {
    // Keep the instrument's order so stored answers are canonical.
    const next = options.map((o) => o.id).filter((o) => (o === id ? on : chosen.includes(o)));
    onChange(next.length ? next : undefined);
  };
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {options.map((option) => (
        <label key={option.id} className={choiceCard}>
          <input
            type="checkbox"
            name={question.id}
            value={option.id}
            checked={chosen.includes(option.id)}
            onChange={(event) => toggle(option.id, event.target.checked)}
            className="mt-0.5 size-4 accent-brand-600"
          />
          <span className="font-medium">{option.label}</span>
        </label>
      ))}
    </div>
  );
}

function Likert({ question, value, onChange }: FieldProps) {
  if (question.type !== "likert") return null;
  const selected = typeof value === "number" ? value : undefined;
  return (
    <div>
      <div className="grid grid-cols-5 gap-1.5 sm:gap-2">
        {question.scale.map((label, i) => {
          const score = i + 1;
          return (
            <label
              key={score}
              className={
                "flex cursor-pointer flex-col items-center rounded-lg border border-slate-200 py-2 text-center hover:border-brand-500 " +
                "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 " +
                "has-[:focus-visible]:ring-brand-500"
              }
            >
              <input
                type="radio"
                name={question.id}
                value={score}
                checked={selected === score}
                onChange={() => onChange(score)}
                className="sr-only"
              />
              <span className="text-lg font-semibold">{score}</span>
              <span className="sr-only">{label}</span>
              <span aria-hidden="true" className="hidden px-1 text-[11px] leading-tight sm:block">
                {label}
              </span>
            </label>
          );
        })}
      </div>
      <div aria-hidden="true" className="mt-1.5 flex justify-between text-xs text-slate-500 sm:hidden">
        <span>{question.scale[0]}</span>
        <span>{question.scale[4]}</span>
      </div>
    </div>
  );
}

function Rank({ instrument, question, value, answers, onChange }: FieldProps) {
  const t = useTranslations("survey");
  if (question.type !== "rank") return null;
  const source = answers[question.optionsFrom];
  const chosenIds = Array.isArray(source) ? source : [];
  const available = optionsOf(instrument, question).filter((o) => chosenIds.includes(o.id));
  const ranked = Array.isArray(value) ? value : [];
  const slots = Math.min(question.slots, Math.max(available.length, 1));
  if (available.length === 0) {
    return <p className="text-sm text-slate-600">{t("rankNoneChosen")}</p>;
  }
  const setSlot = (slot: number, id: string) => {
    const next = Array.from({ length: slots }, (_, i) => (i === slot ? id : (ranked[i] ?? "")));
    const compact = next.filter((v) => v !== "");
    onChange(compact.length ? compact : undefined);
  };
  return (
    <ol className="grid gap-2">
      {Array.from({ length: slots }, (_, slot) => {
        const selectId = `q-${question.id}-rank-${slot + 1}`;
        return (
          <li key={slot} className="flex flex-wrap items-center gap-3">
            <label htmlFor={selectId} className="w-full text-sm font-medium text-slate-700 sm:w-36">
              {t("rankPlace", { place: slot + 1 })}
            </label>
            <select
              id={selectId}
              value={ranked[slot] ?? ""}
              onChange={(event) => setSlot(slot, event.target.value)}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              <option value="">{t("choose")}</option>
              {available.map((option) => {
                // A concern ranked in another place cannot be picked again here: it is shown, greyed
                // out and named with its place (screen readers announce it as unavailable).
                const place = ranked.indexOf(option.id);
                const elsewhere = place >= 0 && place !== slot;
                return (
                  <option key={option.id} value={option.id} disabled={elsewhere}>
                    {elsewhere ? t("rankedElsewhere", { label: option.label, place: place + 1 }) : option.label}
                  </option>
                );
              })}
            </select>
          </li>
        );
      })}
    </ol>
  );
}

function FreeText({ question, value, onChange }: FieldProps) {
  const number = new Intl.NumberFormat(useLocale());
  if (question.type !== "text") return null;
  const text = typeof value === "string" ? value : "";
  return (
    <div>
      <textarea
        id={`q-${question.id}-input`}
        aria-label={question.label}
        value={text}
        maxLength={question.maxLength}
        placeholder={question.placeholder}
        rows={4}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
      />
      <p className="mt-1 text-end text-xs text-slate-500">
        {number.format(text.length)} / {number.format(question.maxLength)}
      </p>
    </div>
  );
}
