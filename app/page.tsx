import Link from "next/link";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";

export default function HomePage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-12 sm:py-20">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">AI inference readiness</p>
      <h1 className="mt-2 max-w-3xl text-3xl font-bold tracking-tight text-brand-900 sm:text-5xl">
        Infrastructure built for training is not built for inference.
      </h1>
      <p className="mt-5 max-w-2xl text-lg text-slate-600">
        Training is centralized and throughput-first. Inference is distributed, bursty and latency-sensitive: a person or an agent waits on
        every answer. Tell us how ready you, your team and your organization are, and see where you stand against your peers.
      </p>
      <div className="mt-8 flex flex-wrap items-center gap-4">
        <Link
          href={`/survey/${SURVEY_SLUG}`}
          className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Take the survey
        </Link>
        <span className="text-sm text-slate-500">About {instrumentV1.estimatedMinutes} minutes · anonymous</span>
      </div>
      <dl className="mt-16 grid gap-6 sm:grid-cols-3">
        {[
          ["Where you stand", "Your readiness on seven dimensions next to the median of peers in your industry and region."],
          ["What worries peers", "How your stage and top concerns compare with technologists facing the same problems."],
          ["Private by design", "No names, emails or IP addresses. Peer figures from fewer than five people are never shown."],
        ].map(([title, text]) => (
          <div key={title} className="rounded-xl border border-slate-200 bg-white p-5">
            <dt className="font-semibold text-brand-900">{title}</dt>
            <dd className="mt-2 text-sm text-slate-600">{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
