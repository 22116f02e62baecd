// The respondent's language switcher: links to this same page (its parameters kept) in each
// language, so a language is a shareable URL. A server component: it costs the survey's first
// download no JavaScript. The address comes from the proxy (PAGE_URL_HEADER); after the form
// moves between steps in the browser the links still name the page, and the server sends a
// returning respondent to the step they reached.
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES } from "@/lib/i18n/locale-names";
import { isRespondentPath, LANG_PARAM, LOCALES, PAGE_URL_HEADER } from "@/lib/i18n/locales";

export async function LanguageSwitcher() {
  const address = (await headers()).get(PAGE_URL_HEADER) ?? "/";
  const [pathname = "/", query = ""] = address.split("?", 2);
  if (!isRespondentPath(pathname)) return null;
  const t = await getTranslations("switcher");
  const current = await getLocale();
  const hrefOf = (locale: string) => {
    const params = new URLSearchParams(query);
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
