"use client";
// The respondent's language switcher: links to this same page (its step and other parameters
// kept) in each language, so a language is a shareable URL and works without JavaScript.
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { isRespondentPath, LANG_PARAM, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

export function LanguageSwitcher() {
  const t = useTranslations("switcher");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  if (!isRespondentPath(pathname)) return null;
  const hrefOf = (locale: string) => {
    const params = new URLSearchParams(search.toString());
    params.set(LANG_PARAM, locale);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 bg-slate-50 print:hidden">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-1 gap-y-0.5 px-4 py-1 text-xs">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={hrefOf(locale)}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={
                "inline-block rounded px-1.5 py-0.5 " +
                (locale === current ? "bg-brand-600 font-semibold text-white" : "text-slate-700 underline-offset-2 hover:underline")
              }
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
