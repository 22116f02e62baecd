import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeleteResponse } from "@/components/result/DeleteResponse";
import { PersonalResultView } from "@/components/result/PersonalResultView";
import { LANG_PARAM, localeFromParam, withLang } from "@/lib/i18n/locales";
import { loadResultPage } from "@/lib/survey/pages";
import { readinessScale, regionNames } from "@/lib/survey/results";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("result"))("pageTitle") };
}

export default async function ResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await getLocale();
  const page = await loadResultPage((await params).slug, locale);
  if (!page) notFound();
  const t = await getTranslations("result");

  const query = await searchParams;
  const deleted = query.deleted === "1";
  const lang = localeFromParam(query[LANG_PARAM]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:py-12 print:max-w-none print:p-0">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-brand-900 print:mb-1">{t("heading")}</h1>
      {page.result && (
        <p className="mb-4 hidden text-sm text-slate-600 print:block">
          {t("printedHeader", {
            survey: locale === "en" ? page.wave.surveyTitle : page.wave.instrument.title,
            wave: page.wave.waveTitle,
            // English as the British write it ("2 December 2026"), every other language its own way.
            date: new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
              day: "numeric",
              month: "long",
              year: "numeric",
              timeZone: "UTC",
            }).format(page.result.submittedAt),
          })}
        </p>
      )}
      {page.result ? (
        <div className="grid gap-6 print:block">
          <PersonalResultView
            result={page.result}
            scale={readinessScale(page.wave.instrument)}
            regionNames={regionNames(page.wave.instrument)}
            shareImageUrl={`/survey/${page.wave.slug}/result/share.png`}
            compareUrl={page.compareUrl}
            architectureHref={(id) => withLang(`/architectures/${id}`, lang)}
          />
          <div className="print:hidden">
            <DeleteResponse slug={page.wave.slug} />
          </div>
        </div>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          {deleted ? (
            <p role="status" className="text-slate-700" data-testid="response-deleted">
              {t("deleted")}
            </p>
          ) : (
            <p className="text-slate-700">{t("noResponse")}</p>
          )}
          <Link
            href={withLang(`/survey/${page.wave.slug}`, lang)}
            className="mt-4 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white"
          >
            {t("goToSurvey")}
          </Link>
        </div>
      )}
    </div>
  );
}
