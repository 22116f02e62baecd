"use client";
// A wave's "Public results" control on the waves dashboard (admins): whether its results are public
// at /results/{survey}/{wave}, since when and by whom, with checkboxes for the panels and buttons to
// publish, update the panels or unpublish. Works without JavaScript too (a plain form post).
import { useActionState } from "react";
import { PANEL_TITLES, RESULT_PANELS } from "@/lib/results/panels";
import type { Publication } from "@/lib/results/schemas";
import { setPublicationAction, type PublicationActionState } from "@/lib/results/actions";

const day = (iso: string) => iso.slice(0, 10);

export function PublishResults({ survey, publication }: { survey: string; publication: Publication }) {
  const [state, act, pending] = useActionState<PublicationActionState, FormData>(setPublicationAction, null);
  const { wave, published } = publication;
  return (
    <details className="mt-3 rounded-lg border border-slate-200 p-3 text-sm" data-testid="public-results">
      <summary className="cursor-pointer font-medium text-slate-800">
        Public results: {published ? `public since ${day(publication.publishedAt ?? "")}` : "not public"}
      </summary>
      <form action={act} className="mt-3 grid gap-3" data-publish={wave}>
        <input type="hidden" name="survey" value={survey} />
        <input type="hidden" name="code" value={wave} />
        <p className="text-slate-600">
          {published
            ? `Published by ${publication.publishedBy} at ${publication.path}. Anyone with the link sees protected figures only.`
            : `Publishing puts protected figures (never row-level data) at ${publication.path}, for anyone with the link.`}
        </p>
        <fieldset className="grid gap-1 sm:grid-cols-2">
          <legend className="mb-1 font-medium text-slate-800">Panels</legend>
          {RESULT_PANELS.map((panel) => (
            <label key={panel} className="flex items-center gap-2">
              <input type="checkbox" name="panels" value={panel} defaultChecked={publication.panels.includes(panel)} />
              {PANEL_TITLES[panel]}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            name="intent"
            value="publish"
            disabled={pending}
            className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
          >
            {published ? "Update panels" : `Publish ${wave}'s results`}
          </button>
          {published && (
            <button
              type="submit"
              name="intent"
              value="unpublish"
              disabled={pending}
              className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-60"
            >
              Unpublish
            </button>
          )}
        </div>
        {state && (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-800"}>
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
