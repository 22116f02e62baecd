import Link from "next/link";
import { notFound } from "next/navigation";
import { pageQuery } from "@/lib/analytics/pages";
import { explorerQuery } from "@/lib/responses/pages";
import { requireAnalystPage } from "@/lib/auth/session";
import { getResponse } from "@/lib/responses/query";
import { toSearchParams } from "@/lib/http/params";
import { allQuestions, optionsOf } from "@/lib/survey/instrument-schema";

export const metadata = { title: "Response" };

export default async function ResponsePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requireAnalystPage(`/dashboard/responses/${encodeURIComponent(id)}`);
  // The explorer's query travels along (wave, filters, sort, page), so the way back keeps it.
  const query = await searchParams;
  const { scope } = (await pageQuery(explorerQuery, query)).value;
  const back = toSearchParams(query).toString();
  const response = await getResponse(scope.wave.id, id);
  if (!response) notFound();
  const { instrument } = scope.wave;
  const label = (questionId: string, optionId: unknown) => {
    const q = allQuestions(instrument).find((x) => x.id === questionId);
    return (q ? optionsOf(instrument, q) : []).find((o) => o.id === optionId)?.label ?? String(optionId);
  };
  const render = (questionId: string, value: unknown) => {
    const q = allQuestions(instrument).find((x) => x.id === questionId);
    if (value === undefined || value === null) return <span className="text-slate-500">Not answered</span>;
    if (!q) return String(value);
    if (q.type === "likert" && typeof value === "number") return `${value} – ${q.scale[value - 1] ?? ""}`;
    if (q.type === "rank" && Array.isArray(value))
      return (
        <ol className="list-decimal pl-5">
          {value.map((v) => (
            <li key={String(v)}>{label(questionId, v)}</li>
          ))}
        </ol>
      );
    if (Array.isArray(value))
      return (
        <ul className="list-disc pl-5">
          {value.map((v) => (
            <li key={String(v)}>{label(questionId, v)}</li>
          ))}
        </ul>
      );
    // Free text is rendered as text (React escapes it), never as HTML.
    if (q.type === "text") return <p className="whitespace-pre-wrap break-words">{String(value)}</p>;
    return label(questionId, value);
  };
  return (
    <div className="grid gap-4">
      <Link href={`/dashboard/responses${back ? `?${back}` : ""}`} className="text-sm text-brand-700 underline" data-testid="back-to-list">
        ← All responses
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">Response {response.id.slice(0, 8)}</h1>
      <dl
        className="grid grid-cols-2 gap-3 rounded-2xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4"
        data-testid="response-meta"
      >
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd className="font-medium">{response.status}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Started</dt>
          <dd>{response.startedAt.slice(0, 16).replace("T", " ")} UTC</dd>
        </div>
        <div>
          <dt className="text-slate-500">Submitted</dt>
          <dd>{response.submittedAt ? `${response.submittedAt.slice(0, 16).replace("T", " ")} UTC` : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Readiness index</dt>
          <dd>{response.readinessIndex ?? "—"}</dd>
        </div>
      </dl>
      {instrument.sections.map((section) => (
        <section key={section.id} className="rounded-2xl border border-slate-200 bg-white p-4" aria-labelledby={`s-${section.id}`}>
          <h2 id={`s-${section.id}`} className="font-semibold text-brand-900">
            {section.title}
          </h2>
          <dl className="mt-2 divide-y divide-slate-100 text-sm">
            {section.questions.map((q) => (
              <div key={q.id} className="grid gap-1 py-2 sm:grid-cols-[2fr_3fr]" data-answer={q.id}>
                <dt className="text-slate-600">
                  {q.label} <code className="text-xs text-slate-500">{q.id}</code>
                </dt>
                <dd>{render(q.id, response.answers[q.id])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
