// The public results page's frame (server-rendered, no client script of its own): the heading with
// the wave and its protected response count, the protection note, the panels (children, each a
// ResultsPanel), the "compare your organization" invitation and the method. Fed by plain props, so
// it does not care which engine produced the figures. Print: one column, panels never split
// (.results-panel in app/globals.css), the invitation and buttons left off paper.
import type { ReactNode } from "react";
import { CompareInvitation } from "./CompareInvitation";
import { ProtectionNote } from "./ProtectionNote";

export interface ResultsLayoutProps {
  surveyTitle: string;
  waveTitle: string;
  /** The protected number of responses, or null when withheld. */
  respondents: number | null;
  /** ISO instant the results were published. */
  publishedAt: string;
  /** The survey's address, for "compare your organization"; null when no wave is open. */
  surveyHref: string | null;
  /** The suppression threshold the figures use. */
  k: number;
  children: ReactNode;
}

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function ResultsLayout({ surveyTitle, waveTitle, respondents, publishedAt, surveyHref, k, children }: ResultsLayoutProps) {
  return (
    <article
      className="results mx-auto grid max-w-5xl gap-8 px-4 py-8 print:block print:max-w-none print:px-0 print:py-0"
      aria-labelledby="results-title"
    >
      <header className="grid gap-2 border-b border-slate-200 pb-6">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{surveyTitle}</p>
        <h1 id="results-title" className="text-3xl font-bold text-brand-900">
          Results · {waveTitle}
        </h1>
        <p className="text-slate-700" data-testid="results-meta">
          {respondents === null ? "Responses withheld" : `About ${respondents.toLocaleString("en-US")} responses`} · published{" "}
          <time dateTime={publishedAt}>{day(publishedAt)}</time>
        </p>
        <ProtectionNote k={k} />
      </header>
      {surveyHref && <CompareInvitation href={surveyHref} />}
      <div className="grid gap-8 print:block print:[&>*+*]:mt-6">{children}</div>
      <footer className="results-method border-t border-slate-200 pt-6 text-sm text-slate-600">
        <h2 className="mb-2 font-semibold text-slate-800">Method</h2>
        <p>
          Figures come from the survey&apos;s complete responses. To protect respondents, every count is perturbed by a small amount that is
          always the same for the same group of people (cell-key perturbation), shares and averages are computed from the perturbed figures,
          and groups of fewer than {k} are not shown. Totals may therefore differ slightly from the sum of their parts.
        </p>
      </footer>
    </article>
  );
}
