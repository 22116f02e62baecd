// next-intl's request configuration (named in next.config.ts): the locale the proxy resolved
// (lib/i18n/locales.ts) and only that locale's message catalog.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_HEADER, localeFromParam, type Locale } from "./locales";
import { loadMessages } from "./messages";

export async function requestLocale(): Promise<Locale> {
  return localeFromParam((await headers()).get(LOCALE_HEADER)) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
