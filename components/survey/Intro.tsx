import { useTranslations } from "@/components/i18n/client";
import type { ReactNode } from "react";

/** The survey's introduction: what the respondent gets and their privacy (`details`, rendered on the server), and consent before starting. */
export function Intro(props: {
  details: ReactNode;
  consent: boolean;
  consentError: boolean;
  onConsent: (value: boolean) => void;
  onStart: () => void;
}) {
  const t = useTranslations("survey");
  return (
    <div>
      {props.details}
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
          <span>{t("consent")}</span>
        </label>
        {props.consentError && (
          <p id="consent-error" role="alert" className="mt-2 text-sm font-medium text-red-700">
            {t("consentError")}
          </p>
        )}
        <button type="submit" className="mt-4 rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">
          {t("start")}
        </button>
      </form>
    </div>
  );
}
