import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SurveyFlow } from "@/components/survey/SurveyFlow";
import { STEP_PARAM, stepRedirect } from "@/components/survey/step-param";
import { loadSurveyPage } from "@/lib/survey/pages";

export const metadata: Metadata = { title: "Survey" };

export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadSurveyPage((await params).slug);
  if (!page) notFound();
  if (page.draft?.status === "complete") redirect(`/survey/${page.slug}/result`);
  const elsewhere = stepRedirect(
    `/survey/${page.slug}`,
    (await searchParams)[STEP_PARAM],
    page.instrument.sections.length,
    page.draft?.currentStep ?? null,
  );
  if (elsewhere) redirect(elsewhere);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <SurveyFlow slug={page.slug} instrument={page.instrument} initialDraft={page.draft} retentionDays={page.retentionDays} />
    </div>
  );
}
