import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteResponse } from "@/components/result/DeleteResponse";
import { PersonalResultView } from "@/components/result/PersonalResultView";
import { loadResultPage } from "@/lib/survey/pages";
import { readinessScale } from "@/lib/survey/results";

export const metadata: Metadata = { title: "Your result" };

export default async function ResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadResultPage((await params).slug);
  if (!page) notFound();
  const deleted = (await searchParams).deleted === "1";
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:py-12 print:max-w-none print:p-0">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-brand-900 print:mb-1">Where you stand</h1>
      {page.result && (
        <p className="mb-4 hidden text-sm text-slate-600 print:block">
          Readiness Radar · {page.wave.surveyTitle}, {page.wave.waveTitle} · submitted{" "}
          {page.result.submittedAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}
        </p>
      )}
      {page.result ? (
        <div className="grid gap-6 print:block">
          <PersonalResultView
            result={page.result}
            scale={readinessScale(page.wave.instrument)}
            shareImageUrl={`/survey/${page.wave.slug}/result/share.png`}
            compareUrl={page.compareUrl}
          />
          <div className="print:hidden">
            <DeleteResponse slug={page.wave.slug} />
          </div>
        </div>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          {deleted ? (
            <p role="status" className="text-slate-700" data-testid="response-deleted">
              Your response has been deleted. Peer figures no longer include it.
            </p>
          ) : (
            <p className="text-slate-700">There is no completed response from this browser yet.</p>
          )}
          <Link
            href={`/survey/${page.wave.slug}`}
            className="mt-4 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white"
          >
            Go to the survey
          </Link>
        </div>
      )}
    </div>
  );
}
