import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeFromParam, withLang } from "@/lib/i18n/locales";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("home");
  // A language chosen in the URL stays in the survey link (a shareable per-language address).
  const chosen = localeFromParam((await searchParams).lang);
  const cards = [
    [t("standTitle"), t("standText")],
    [t("worryTitle"), t("worryText")],
    [t("privateTitle"), t("privateText")],
  ] as const;
  return (
    <div className="mx-auto max-w-5xl px-4 py-12 sm:py-20">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{t("eyebrow")}</p>
      <h1 className="mt-2 max-w-3xl text-3xl font-bold tracking-tight text-brand-900 sm:text-5xl">{t("heading")}</h1>
      <p className="mt-5 max-w-2xl text-lg text-slate-600">{t("lead")}</p>
      <div className="mt-8 flex flex-wrap items-center gap-4">
        <Link
          href={withLang(`/survey/${SURVEY_SLUG}`, chosen)}
          className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          {t("cta")}
        </Link>
        <span className="text-sm text-slate-500">{t("meta", { minutes: instrumentV1.estimatedMinutes })}</span>
      </div>
      <dl className="mt-16 grid gap-6 sm:grid-cols-3">
        {cards.map(([title, text]) => (
          <div key={title} className="rounded-xl border border-slate-200 bg-white p-5">
            <dt className="font-semibold text-brand-900">{title}</dt>
            <dd className="mt-2 text-sm text-slate-600">{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
