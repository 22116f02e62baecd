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
