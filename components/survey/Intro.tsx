import { useTranslations } from "@/components/i18n/client";
import type { Instrument } from "@/lib/survey/instrument-schema";

/** The survey's introduction: what the respondent gets, their privacy, and consent before starting. */
export function Intro(props: {
  instrument: Instrument;
  retentionDays: number;
  consent: boolean;
  consentError: boolean;
  onConsent: (value: boolean) => void;
  onStart: () => void;
}) {
  const { instrument } = props;
  const t = useTranslations("survey");
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{instrument.title}</h1>
      <p className="mt-3 text-slate-600">{instrument.intro}</p>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="what-you-get">
          <h2 id="what-you-get" className="font-semibold text-brand-900">
            {t("whatYouGet")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 ps-5 text-sm text-slate-600">
            <li>{t("getSteps", { steps: instrument.sections.length, minutes: instrument.estimatedMinutes })}</li>
            <li>{t("getPeers")}</li>
            <li>{t("getSaved")}</li>
          </ul>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="privacy">
          <h2 id="privacy" className="font-semibold text-brand-900">
            {t("privacy")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 ps-5 text-sm text-slate-600">
            <li>{t("privacyAnonymous")}</li>
            <li>{t("privacyStored")}</li>
            <li>{t("privacyAggregate")}</li>
            <li>{t("privacyDelete", { days: props.retentionDays })}</li>
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
