import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LANG_PARAM, localeFromParam, withLang } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { sources } from "@/lib/architecture/assumptions";
import { ARCHITECTURES } from "@/lib/architecture/catalog";
import { localizedArchitecture, localizedCatalog } from "@/lib/architecture/localized";

export function generateStaticParams() {
  return ARCHITECTURES.map((a) => ({ id: a.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const architecture = localizedArchitecture((await params).id, await requestLocale());
  return { title: architecture ? architecture.name : (await getTranslations("architecture"))("eyebrow") };
}

export default async function ArchitecturePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The catalog's prose in the page's language (lib/architecture/localized.ts), which the root
  // layout's <html lang dir> already names.
  const catalog = localizedCatalog(await requestLocale());
  const { id } = await params;
  const architecture = catalog.architectures.find((a) => a.id === id);
  if (!architecture) notFound();
  const t = await getTranslations("architecture");
  const lang = localeFromParam((await searchParams)[LANG_PARAM]);
  const hrefOf = (id: string) => withLang(`/architectures/${id}`, lang);
  const section = (title: string, items: string[]) => (
    <section className="rounded-2xl border border-slate-200 bg-white p-5">
      <h2 className="font-semibold text-brand-900">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 ps-5 text-sm text-slate-700">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{t("eyebrow")}</p>
      <h1 className="mt-1 text-3xl font-bold text-brand-900">{architecture.name}</h1>
      <p className="mt-2 text-lg text-slate-700">{architecture.tagline}</p>
      <p className="mt-4 text-slate-700">{architecture.description}</p>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {section(t("fits"), architecture.fitsWhen)}
        {section(t("avoid"), architecture.avoidWhen)}
        <section className="rounded-2xl border border-slate-200 bg-white p-5">
          <h2 className="font-semibold text-brand-900">{t("latency")}</h2>
          <p className="mt-2 text-sm text-slate-700">{architecture.latency}</p>
          <h2 className="mt-4 font-semibold text-brand-900">{t("cost")}</h2>
          <p className="mt-2 text-sm text-slate-700">{architecture.cost}</p>
        </section>
        {section(t("operate"), architecture.operations)}
      </div>
      <details className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 text-sm">
        <summary className="cursor-pointer font-semibold text-brand-900">{t("howHeading")}</summary>
        <p className="mt-2 text-slate-700">
          {t("how")} {catalog.rttNote} {t("howCheck")}
        </p>
        {/* The sources are cited as they are, in English: left to right in a right-to-left page too. */}
        <ul className="mt-2 list-disc space-y-1 ps-5 text-slate-700" lang="en" dir="ltr">
          {sources.map((source) => (
            <li key={`${source.topic}:${source.url}`}>
              <a href={source.url} className="text-brand-700 underline" rel="noreferrer">
                {source.name}
              </a>{" "}
              ({source.topic}) — {source.note}
            </li>
          ))}
        </ul>
      </details>
      <nav aria-label={t("others")} className="mt-8 flex flex-wrap gap-2 text-sm">
        {catalog.architectures
          .filter((a) => a.id !== architecture.id)
          .map((a) => (
            <Link key={a.id} href={hrefOf(a.id)} className="rounded-full border border-slate-300 px-3 py-1 hover:bg-brand-50">
              {a.name}
            </Link>
          ))}
      </nav>
    </div>
  );
}
