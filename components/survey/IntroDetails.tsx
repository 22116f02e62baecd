// The survey introduction's reading part (title, what the respondent gets, their privacy). The
// survey page renders it on the server and hands it to the form as a ready element, so its words
// cost the first download no JavaScript (only the consent form, ./Intro.tsx, is interactive); the
// wave preview renders it in the browser. Either passes its own "survey" translator.
import type { Instrument } from "@/lib/survey/instrument-schema";

type IntroKey =
  | "whatYouGet"
  | "getSteps"
  | "getPeers"
  | "getSaved"
  | "privacy"
  | "privacyAnonymous"
  | "privacyStored"
  | "privacyAggregate"
  | "privacyDelete";

/** A translator of the "survey" messages (next-intl's on the server, components/i18n/client's in the browser). */
export type IntroTranslate = (key: IntroKey, values?: Record<string, string | number>) => string;

export function IntroDetails({ instrument, retentionDays, t }: { instrument: Instrument; retentionDays: number; t: IntroTranslate }) {
  return (
    <>
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
            <li>{t("privacyDelete", { days: retentionDays })}</li>
          </ul>
        </section>
      </div>
    </>
  );
}
