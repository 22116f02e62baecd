// The respondent's languages: which exist, which way they are written, and how one is chosen
// (the URL's ?lang= first, then the browser's Accept-Language). Pure, so the proxy, server
// components and client components share it. Analysts' pages stay in English.

/** Languages with a complete message catalog (messages/<locale>.json) and instrument translations. */
export const LOCALES = ["en", "es", "pt-BR", "fr", "de", "ja", "zh-CN", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
import { LANG_PARAM } from "./lang-param";

export { LANG_PARAM };
/** The request header the proxy passes the resolved locale in (lib/i18n/request.ts reads it). */
export const LOCALE_HEADER = "x-locale";
/** The request header the proxy passes the page's path and query in (for the language switcher). */
export const PAGE_URL_HEADER = "x-page-url";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function dirOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** A ?lang= value in any letter case ("pt-br", "ZH-cn"), or null. */
export function localeFromParam(value: string | string[] | null | undefined): Locale | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  return LOCALES.find((locale) => locale.toLowerCase() === raw.toLowerCase()) ?? null;
}

/** The best supported locale for an Accept-Language header (q-values honoured; "pt" → pt-BR, "zh-Hans" → zh-CN). */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    const sameLanguage = LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return DEFAULT_LOCALE;
}

/** Paths whose pages respondents see (translated); everything else is the analysts' English side. */
export function isRespondentPath(pathname: string): boolean {
  return pathname === "/" || pathname.startsWith("/survey/") || pathname.startsWith("/architectures/");
}

/**
 * A respondent href keeping the URL's chosen language (?lang=): once chosen (English included) it
 * stays in every link; a language negotiated from Accept-Language alone adds nothing to URLs.
 */
export function withLang(href: string, locale: Locale | null | undefined): string {
  if (!locale) return href;
  const [path = "", hash] = href.split("#", 2);
  const [base = "", query = ""] = path.split("?", 2);
  const params = new URLSearchParams(query);
  params.set(LANG_PARAM, locale);
  return `${base}?${params.toString()}${hash === undefined ? "" : `#${hash}`}`;
}
