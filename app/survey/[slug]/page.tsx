import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SurveyFlow } from "@/components/survey/SurveyFlow";
import { loadSurveyPage } from "@/lib/survey/pages";

export const metadata: Metadata = { title: "Survey" };

export default async function SurveyPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadSurveyPage((await params).slug);
  if (!page) notFound();
  if (page.draft?.status === "complete") redirect(`/survey/${page.slug}/result`);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <SurveyFlow slug={page.slug} instrument={page.instrument} initialDraft={page.draft} retentionDays={page.retentionDays} />
    </div>
  );
}
