import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IntroDetails } from "@/components/survey/IntroDetails";
import { SurveyFlow } from "@/components/survey/SurveyFlow";
import { STEP_PARAM, stepRedirect } from "@/components/survey/step-param";
import { LANG_PARAM, localeFromParam, withLang } from "@/lib/i18n/locales";
import { loadSurveyPage } from "@/lib/survey/pages";
import { localizeInstrument } from "@/lib/survey/translations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("survey"))("pageTitle") };
}

export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadSurveyPage((await params).slug);
  if (!page) notFound();
  const query = await searchParams;
  const lang = localeFromParam(query[LANG_PARAM]);
  if (page.draft?.status === "complete") redirect(withLang(`/survey/${page.slug}/result`, lang));
  const elsewhere = stepRedirect(
    `/survey/${page.slug}`,
    query[STEP_PARAM],
    page.instrument.sections.length,
    page.draft?.currentStep ?? null,
    lang,
  );
  if (elsewhere) redirect(elsewhere);
  // The respondent's language only: the form never carries the other locales' wording.
  const instrument = localizeInstrument(page.instrument, await getLocale());
  const t = await getTranslations("survey");
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <SurveyFlow
        slug={page.slug}
        instrument={instrument}
        initialDraft={page.draft}
        introDetails={<IntroDetails instrument={instrument} retentionDays={page.retentionDays} t={t} />}
        resultUrl={withLang(`/survey/${page.slug}/result`, lang)}
      />
    </div>
  );
}
