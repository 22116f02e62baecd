// The survey's waves with their status, dates and response counts; open a draft, close the open wave.
import Link from "next/link";
import { PublishResults } from "@/components/results/PublishResults";
import { weightingHref } from "@/components/weighting/href";
import type { Publication } from "@/lib/results/schemas";
import type { WaveSummary } from "@/lib/waves/schemas";
import { WaveStatusAction } from "./WaveStatusAction";

const BADGE: Record<WaveSummary["status"], string> = {
  draft: "bg-amber-100 text-amber-900",
  open: "bg-green-100 text-green-900",
  closed: "bg-slate-200 text-slate-700",
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function WaveList({
  survey,
  waves,
  publications,
}: {
  survey: string;
  waves: WaveSummary[];
  /** Each wave's public results state, by code (drafts have none to publish). */
  publications: ReadonlyMap<string, Publication>;
}) {
  return (
    <ul className="grid gap-3" data-testid="wave-list">
      {waves.map((w) => (
        <li key={w.code} data-wave={w.code} className="rounded-2xl border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h2 className="font-semibold text-brand-900">{w.code}</h2>
            <span className="text-sm text-slate-600">{w.title}</span>
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${BADGE[w.status]}`} data-testid="wave-status">
              {w.status}
            </span>
          </div>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
            <div>
              <dt className="text-slate-500">{w.status === "draft" ? "Created" : "Opened"}</dt>
              <dd>{day(w.opensAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Closes</dt>
              <dd>{day(w.closesAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Instrument</dt>
              <dd>
                v{w.instrumentVersion}, {w.questions} questions
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Complete</dt>
              <dd>{w.complete.toLocaleString("en")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Partial</dt>
              <dd>{w.partial.toLocaleString("en")}</dd>
            </div>
          </dl>
          <Link
            href={weightingHref(survey, w.code)}
            className="mt-2 inline-block text-sm text-brand-700 underline"
            aria-label={`Weighting of ${w.code}`}
            data-testid="weighting-link"
          >
            Weighting…
          </Link>
          <WaveStatusAction survey={survey} code={w.code} status={w.status} />
          {w.status !== "draft" && publications.get(w.code) && (
            <PublishResults survey={survey} publication={publications.get(w.code) as Publication} />
          )}
        </li>
      ))}
    </ul>
  );
}
