// Each respondent language's own name. A module of its own, so the survey form, which needs the
// locale codes but not the names, does not download them (the switcher renders on the server).
import type { Locale } from "./locales";

/** Each language's own name, as the switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  fr: "Français",
  de: "Deutsch",
  ja: "日本語",
  "zh-CN": "简体中文",
  ar: "العربية",
};
