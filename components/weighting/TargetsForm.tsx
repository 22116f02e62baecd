"use client";
// The wave's raking targets as a form: per profile dimension, each category with the sample's
// current share (and its weighted share) beside the target input, in percent. Saving sends the rows
// of the targeted dimensions through the same schema and checks as the API (the server action
// parses targetSetInputSchema); each problem comes back by the API's path and is shown beside its
// field (margins[3].share → that category's input, margins.region → the region group, trim.lower).
// A CSV upload (dimension,category,share) saves the same way, its problems by line and column.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { PathIssues } from "@/components/forms/PathIssues";
import type { FieldIssue } from "@/lib/errors";
import { clearTargetsAction, saveTargetsAction, uploadTargetsCsvAction, type TargetsActionState } from "@/lib/weighting/actions";
import type { DimensionOptions } from "@/lib/weighting/instrument";
import type { StoredTargetSet, TargetRow, WeightingDimension, WeightReport } from "@/lib/weighting/schemas";

const DIMENSION_LABEL: Record<WeightingDimension, string> = {
  industry: "Industry",
  region: "Region",
  company_size: "Company size",
  role: "Role",
};

const INPUT_CLASS =
  "w-20 rounded-lg border border-slate-300 px-2 py-1 text-right disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-red-600";
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
/** A share as the input shows it: percent, without float noise (0.3 → "30"). */
const asPercent = (share: number) => String(Number((share * 100).toFixed(6)));
const inputId = (dimension: string, category: string) => `target-${dimension}-${category}`;

interface Props {
  survey: string;
  code: string;
  dimensions: DimensionOptions[];
  margins: WeightReport["margins"];
  current: StoredTargetSet | null;
}

/** The inputs' values for a stored target set (what the form shows after loading or after any save). */
function inputsOf(dimensions: DimensionOptions[], current: StoredTargetSet | null) {
  return {
    enabled: Object.fromEntries(dimensions.map((d) => [d.dimension, current?.margins.some((m) => m.dimension === d.dimension) ?? false])),
    values: Object.fromEntries((current?.margins ?? []).map((m) => [inputId(m.dimension, m.category), asPercent(m.share)])),
    trimOn: current?.trim != null,
    trimLower: current?.trim ? String(current.trim.lower) : "0.3",
    trimUpper: current?.trim ? String(current.trim.upper) : "3",
  };
}

export function TargetsForm({ survey, code, dimensions, margins, current }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<TargetsActionState | null>(null);
  /** Which row of the last request each index of the API's margins[i] paths was. */
  const [sentRows, setSentRows] = useState<TargetRow[]>([]);
  const initial = inputsOf(dimensions, current);
  const [enabled, setEnabled] = useState<Record<string, boolean>>(initial.enabled);
  const [values, setValues] = useState<Record<string, string>>(initial.values);
  const [trimOn, setTrimOn] = useState(initial.trimOn);
  const [trimLower, setTrimLower] = useState(initial.trimLower);
  const [trimUpper, setTrimUpper] = useState(initial.trimUpper);
  // A new revision (a CSV upload, a save, a clear, or another admin's change on refresh) replaces
  // what the inputs show: they were only initialised from the props, so a CSV upload left the old
  // targets in them. Adjusted while rendering, as React advises for state derived from a prop.
  const revision = current?.revision ?? 0;
  const [shownRevision, setShownRevision] = useState(revision);
  if (revision !== shownRevision) {
    const next = inputsOf(dimensions, current);
    setShownRevision(revision);
    setEnabled(next.enabled);
    setValues(next.values);
    setTrimOn(next.trimOn);
    setTrimLower(next.trimLower);
    setTrimUpper(next.trimUpper);
  }
  const [file, setFile] = useState<File | null>(null);

  const sample = useMemo(() => new Map(margins.map((m) => [`${m.dimension}:${m.category}`, m])), [margins]);

  // Each problem goes to the field it names: a category's input, a dimension's group, a trimming cap, or the upload.
  const fieldErrors = new Map<string, string[]>();
  const add = (key: string, message: string) => fieldErrors.set(key, [...(fieldErrors.get(key) ?? []), message]);
  const issues: FieldIssue[] = state && !state.ok ? state.issues : [];
  for (const issue of issues) {
    const row = /^margins\[(\d+)\]/.exec(issue.path);
    const sent = row ? sentRows[Number(row[1])] : undefined;
    if (sent) add(inputId(sent.dimension, sent.category), issue.message);
    else if (issue.path.startsWith("margins.")) add(`group-${issue.path.slice("margins.".length)}`, issue.message);
    else if (issue.path.startsWith("trim")) add(issue.path === "trim.upper" ? "trim-upper" : "trim-lower", issue.message);
    else if (issue.path === "margins") add("form", issue.message);
    else add("upload", `${issue.path}: ${issue.message}`);
  }
  const errorOf = (key: string) => fieldErrors.get(key)?.join("; ");

  const caps = () => (trimOn ? { lower: Number(trimLower), upper: Number(trimUpper) } : null);
  const run = (action: () => Promise<TargetsActionState>) =>
    startTransition(async () => {
      const result = await action();
      setState(result);
      if (result.ok) router.refresh();
    });

  const save = () => {
    const rows: TargetRow[] = dimensions
      .filter((d) => enabled[d.dimension])
      .flatMap((d) =>
        d.options.map((o) => {
          const text = (values[inputId(d.dimension, o.category)] ?? "").trim();
          return { dimension: d.dimension, category: o.category, share: text === "" ? NaN : Number(text) / 100 };
        }),
      );
    setSentRows(rows);
    // NaN does not survive the trip to the server (it becomes null); the schema names it either way.
    run(() => saveTargetsAction(survey, code, { margins: rows, trim: caps() }));
  };
  const upload = async () => {
    if (!file) {
      setState({ ok: false, message: "Choose a CSV file first", issues: [{ path: "file", message: "no file chosen" }] });
      return;
    }
    const text = await file.text();
    setSentRows([]);
    run(() => uploadTargetsCsvAction(survey, code, text, caps()));
  };

  const describedBy = (key: string) => (errorOf(key) ? `${key}-error` : undefined);
  const errorText = (key: string) =>
    errorOf(key) ? (
      <p id={`${key}-error`} className="text-sm text-red-800" data-testid="field-error" data-field={key}>
        {errorOf(key)}
      </p>
    ) : null;

  return (
    <div className="grid gap-4" data-testid="targets-form">
      {state && (
        <div
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg border p-3 text-sm ${state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900"}`}
          data-testid="targets-message"
        >
          <p className="font-medium">{state.message}</p>
          {!state.ok && <PathIssues issues={state.issues} testId="targets-errors" />}
        </div>
      )}
      {errorText("form")}
      {dimensions.map((d) => {
        const on = enabled[d.dimension] ?? false;
        const total = d.options.reduce((sum, o) => sum + (Number(values[inputId(d.dimension, o.category)]) || 0), 0);
        return (
          <fieldset
            key={d.dimension}
            className="grid min-w-0 gap-2 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4"
            data-dimension={d.dimension}
            aria-describedby={describedBy(`group-${d.dimension}`)}
          >
            <legend className="px-1 font-semibold text-brand-900">{DIMENSION_LABEL[d.dimension]}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={on}
                onChange={(e) => setEnabled({ ...enabled, [d.dimension]: e.target.checked })}
                data-testid={`target-${d.dimension}`}
              />
              Rake to targets for {DIMENSION_LABEL[d.dimension].toLowerCase()}
            </label>
            {errorText(`group-${d.dimension}`)}
            <div className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-x-3 gap-y-2 text-sm">
              <span className="text-xs font-semibold text-slate-500">Category · sample now</span>
              <span className="text-xs font-semibold text-slate-500">Target %</span>
              {d.options.map((o) => {
                const id = inputId(d.dimension, o.category);
                const m = sample.get(`${d.dimension}:${o.category}`);
                return (
                  <div key={o.category} className="contents" data-category={o.category}>
                    <div className="min-w-0">
                      <label htmlFor={id} className="block break-words">
                        {o.label}
                      </label>
                      <span className="text-xs text-slate-600" data-testid="sample-share">
                        {m ? `${pct(m.sampleShare)} of sample (n = ${m.responses})` : "no responses"}
                        {m && m.target !== null ? ` · weighted ${pct(m.weightedShare)}` : ""}
                      </span>
                      {errorText(id)}
                    </div>
                    <input
                      id={id}
                      inputMode="decimal"
                      disabled={!on}
                      value={values[id] ?? ""}
                      onChange={(e) => setValues({ ...values, [id]: e.target.value })}
                      aria-invalid={errorOf(id) ? true : undefined}
                      aria-describedby={describedBy(id)}
                      className={INPUT_CLASS}
                    />
                  </div>
                );
              })}
            </div>
            <p className="text-sm text-slate-600" data-testid={`total-${d.dimension}`}>
              Total {Number(total.toFixed(6))}% {on && Math.abs(total - 100) > 1e-4 ? "(must be 100%)" : ""}
            </p>
            <button
              type="button"
              disabled={!on}
              onClick={() =>
                setValues({
                  ...values,
                  ...Object.fromEntries(
                    d.options.map((o) => [
                      inputId(d.dimension, o.category),
                      asPercent(sample.get(`${d.dimension}:${o.category}`)?.sampleShare ?? 0),
                    ]),
                  ),
                })
              }
              className="justify-self-start rounded-lg border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50"
            >
              Start from the sample&apos;s shares
            </button>
          </fieldset>
        );
      })}
      <fieldset className="grid min-w-0 gap-2 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4">
        <legend className="px-1 font-semibold text-brand-900">Trimming</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={trimOn} onChange={(e) => setTrimOn(e.target.checked)} data-testid="trim-on" />
          Keep weights within caps relative to the mean weight (re-raked after trimming)
        </label>
        <div className="flex flex-wrap gap-3 text-sm">
          {(
            [
              ["trim-lower", "Lowest (× mean)", trimLower, setTrimLower],
              ["trim-upper", "Highest (× mean)", trimUpper, setTrimUpper],
            ] as const
          ).map(([key, label, value, set]) => (
            <div key={key} className="grid gap-1">
              <label htmlFor={key}>{label}</label>
              <input
                id={key}
                inputMode="decimal"
                disabled={!trimOn}
                value={value}
                onChange={(e) => set(e.target.value)}
                aria-invalid={errorOf(key) ? true : undefined}
                aria-describedby={describedBy(key)}
                className="w-24 rounded-lg border border-slate-300 px-2 py-1 text-right disabled:bg-slate-100 aria-[invalid=true]:border-red-600"
              />
              {errorText(key)}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={save}
          disabled={pending}
          className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save targets"}
        </button>
        {current && (
          <button
            type="button"
            onClick={() => run(() => clearTargetsAction(survey, code))}
            disabled={pending}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60"
          >
            Clear targets
          </button>
        )}
      </div>
      <section className="grid gap-2 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4" aria-labelledby="upload-heading">
        <h2 id="upload-heading" className="font-semibold text-brand-900">
          Upload targets as CSV
        </h2>
        <p className="text-sm text-slate-600">
          Columns <code>dimension,category,share</code> (shares 0 to 1; categories are the option ids), one row per category. The trimming
          caps above apply.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="targets-csv" className="sr-only">
            Targets CSV file
          </label>
          <input
            id="targets-csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-describedby={describedBy("upload")}
            className="max-w-full text-sm"
          />
          <button
            type="button"
            onClick={() => void upload()}
            disabled={pending}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            Upload CSV
          </button>
        </div>
        {errorText("upload")}
      </section>
    </div>
  );
}
