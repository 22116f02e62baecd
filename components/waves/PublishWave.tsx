"use client";
// Publishing a wave: paste or upload a JSON definition, check it (every problem named by its path),
// preview it as respondents will see it, read the diff against the previous wave, then publish it
// as a draft or open it (which closes the open wave).
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { publishWaveAction, reviewDefinitionAction, type PublishState, type ReviewState } from "@/lib/waves/actions";
import { PathIssues } from "@/components/forms/PathIssues";
import { DiffView } from "./DiffView";
import { SurveyPreview } from "./SurveyPreview";

import { wavesHref } from "./href";

const input = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2";
const button = "rounded-lg px-4 py-2 font-semibold disabled:opacity-60";

function Issues({ title, issues }: { title: string; issues: { path: string; message: string }[] }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="definition-errors">
      <p className="font-semibold">{title}</p>
      <PathIssues issues={issues} />
    </div>
  );
}

export function PublishWave({ survey, openCode, retentionDays }: { survey: string; openCode: string | null; retentionDays: number }) {
  const ids = useId();
  const [text, setText] = useState("");
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const [status, setStatus] = useState<"open" | "draft">("open");
  const [closes, setCloses] = useState("");
  const [review, setReview] = useState<(ReviewState & { text: string }) | null>(null);
  const [published, setPublished] = useState<PublishState | null>(null);
  const [tab, setTab] = useState<"diff" | "preview">("diff");
  const [checking, startChecking] = useTransition();
  const [publishing, startPublishing] = useTransition();
  const checked = review?.ok && review.text === text ? review : null;

  const check = () =>
    startChecking(async () => {
      setPublished(null);
      const result = await reviewDefinitionAction(survey, text);
      setReview({ ...result, text });
    });

  const publish = () =>
    startPublishing(async () => {
      // A bare date closes at the end of that day (UTC), as the command line does.
      const closesAt = status === "open" && closes ? new Date(`${closes}T23:59:59Z`).toISOString() : null;
      setPublished(await publishWaveAction(survey, { code, title: title || code, definition: text, status, closesAt }));
    });

  return (
    <div className="grid gap-6">
      <section className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5" aria-labelledby={`${ids}-definition`}>
        <h2 id={`${ids}-definition`} className="font-semibold text-brand-900">
          1. The definition
        </h2>
        <p className="text-sm text-slate-600">
          Paste the instrument as JSON, or upload a <code>.json</code> file (<code>npm run wave:publish -- FILE</code> does the same from
          the command line).
        </p>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Upload a file</span>
          <input
            type="file"
            accept="application/json,.json"
            className="text-sm"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Definition (JSON)</span>
          <textarea
            name="definition"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={12}
            spellCheck={false}
            className={`${input} font-mono text-xs`}
          />
        </label>
        <button
          type="button"
          onClick={check}
          disabled={checking || !text.trim()}
          className={`${button} justify-self-start bg-brand-600 text-white`}
        >
          {checking ? "Checking…" : "Check the definition"}
        </button>
        {review && !review.ok && review.text === text && <Issues title={review.message} issues={review.issues} />}
        {checked && (
          <p role="status" className="text-sm font-medium text-green-800">
            The definition is valid: {checked.instrument.sections.length} sections,{" "}
            {checked.instrument.sections.reduce((n, s) => n + s.questions.length, 0)} questions.
          </p>
        )}
      </section>

      {checked && (
        <section className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5" aria-labelledby={`${ids}-review`}>
          <h2 id={`${ids}-review`} className="font-semibold text-brand-900">
            2. Review
          </h2>
          <div role="group" aria-label="Review" className="flex gap-2">
            {(["diff", "preview"] as const).map((t) => (
              <button
                key={t}
                type="button"
                aria-pressed={tab === t}
                onClick={() => setTab(t)}
                className={`${button} border ${tab === t ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700"}`}
              >
                {t === "diff" ? "Changes" : "Preview"}
              </button>
            ))}
          </div>
          {tab === "diff" ? (
            <DiffView diff={checked.diff} previous={checked.previous} />
          ) : (
            <SurveyPreview key={text} instrument={checked.instrument} retentionDays={retentionDays} />
          )}
        </section>
      )}

      {checked && (
        <section className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5" aria-labelledby={`${ids}-publish`}>
          <h2 id={`${ids}-publish`} className="font-semibold text-brand-900">
            3. Publish
          </h2>
          <form
            className="grid gap-3 sm:max-w-lg"
            onSubmit={(event) => {
              event.preventDefault();
              publish();
            }}
          >
            <label className="grid gap-1 text-sm">
              <span className="font-medium text-slate-700">Wave code</span>
              <input
                name="code"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder="e.g. 2027-Q1"
                className={input}
              />
            </label>
            <label className="grid gap-1 text-sm">
              <span className="font-medium text-slate-700">Wave title</span>
              <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Q1 2027" className={input} />
            </label>
            <fieldset className="grid gap-1 text-sm">
              <legend className="font-medium text-slate-700">Publish as</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="status" value="open" checked={status === "open"} onChange={() => setStatus("open")} />
                Open now{openCode ? ` (wave ${openCode} closes)` : ""}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="status" value="draft" checked={status === "draft"} onChange={() => setStatus("draft")} />
                Draft (open it later from the waves list)
              </label>
            </fieldset>
            {status === "open" && (
              <label className="grid gap-1 text-sm">
                <span className="font-medium text-slate-700">Closes on (optional, end of day UTC)</span>
                <input type="date" name="closes" value={closes} onChange={(e) => setCloses(e.target.value)} className={input} />
              </label>
            )}
            <button type="submit" disabled={publishing} className={`${button} justify-self-start bg-brand-600 text-white`}>
              {publishing ? "Publishing…" : status === "open" ? "Publish and open" : "Save as draft"}
            </button>
          </form>
          {published && !published.ok && <Issues title={published.message} issues={published.issues} />}
          {published?.ok && (
            <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
              Wave {published.wave.code} is {published.wave.status}.{" "}
              <Link href={wavesHref(survey)} className="font-medium underline">
                Back to the waves
              </Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
