// The architecture catalog in the respondent's language: English is ./catalog.ts itself, every
// other language a translation in ./catalog-i18n/<locale>.ts, validated by the catalog's own schema
// when this module loads. Server only: seven languages of prose must never reach a client bundle
// (the survey's first step has a 150 KB JavaScript budget, scripts/bench/weight.ts).
import "server-only";
import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { RTT_NOTE } from "./assumptions";
import { ARCHITECTURES, catalogSchema, type Architecture } from "./catalog";
import { ar } from "./catalog-i18n/ar";
import { de } from "./catalog-i18n/de";
import { es } from "./catalog-i18n/es";
import { fr } from "./catalog-i18n/fr";
import { ja } from "./catalog-i18n/ja";
import { ptBR } from "./catalog-i18n/pt-BR";
import type { CatalogTranslation } from "./catalog-i18n/types";
import { zhCN } from "./catalog-i18n/zh-CN";

export const localizedCatalogSchema = z.object({
  rttNote: z.string().trim().min(40).max(600),
  architectures: catalogSchema,
});

export interface LocalizedCatalog {
  locale: Locale;
  rttNote: string;
  architectures: readonly Architecture[];
}

export const TRANSLATIONS: Record<Exclude<Locale, "en">, CatalogTranslation> = {
  es,
  "pt-BR": ptBR,
  fr,
  de,
  ja,
  "zh-CN": zhCN,
  ar,
};

function load(locale: Locale): LocalizedCatalog {
  if (locale === "en") return { locale, rttNote: RTT_NOTE, architectures: ARCHITECTURES };
  return { locale, ...localizedCatalogSchema.parse(TRANSLATIONS[locale]) };
}

const CATALOGS = Object.fromEntries(LOCALES.map((locale) => [locale, Object.freeze(load(locale))])) as Record<Locale, LocalizedCatalog>;

/** The whole catalog and the round-trip note in a respondent language. */
export function localizedCatalog(locale: Locale): LocalizedCatalog {
  return CATALOGS[locale];
}

/** One architecture in a respondent language, or undefined for an unknown id. */
export function localizedArchitecture(id: string, locale: Locale): Architecture | undefined {
  return localizedCatalog(locale).architectures.find((architecture) => architecture.id === id);
}

/** An architecture's name in a respondent language (the id itself for an unknown id). */
export function architectureName(id: string, locale: Locale): string {
  return localizedArchitecture(id, locale)?.name ?? id;
}
