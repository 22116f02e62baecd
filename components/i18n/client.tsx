"use client";
// The respondent's messages in client components: this locale's catalog (only the namespaces the
// browser needs, precompiled at build time by next-intl's plugin) formatted by use-intl's
// precompiled-message formatter. It stands in for next-intl's client provider, whose runtime put
// the survey's first step over its 150 KB page-weight target; the server side keeps next-intl.
import formatMessage from "use-intl/format-message/format-only";
import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { ClientMessages } from "@/lib/i18n/messages";

interface Catalog {
  locale: Locale;
  messages: ClientMessages;
}

const CatalogContext = createContext<Catalog | null>(null);

export function ClientIntlProvider({ locale, messages, children }: Catalog & { children: ReactNode }) {
  return <CatalogContext value={{ locale, messages }}>{children}</CatalogContext>;
}

function useCatalog(): Catalog {
  const catalog = useContext(CatalogContext);
  if (!catalog) throw new Error("ClientIntlProvider is missing above this component (app/layout.tsx)");
  return catalog;
}

export function useLocale(): Locale {
  return useCatalog().locale;
}

const formatters = {
  getNumberFormat: (locale: string, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
  getPluralRules: (locale: string, options?: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, options),
  getDateTimeFormat: (locale: string, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
};

export type Values = Record<string, string | number>;

/** `t(key, values)` for one namespace of the client catalog, as next-intl's useTranslations. */
export function useTranslations<N extends keyof ClientMessages>(namespace: N) {
  const { locale, messages } = useCatalog();
  // One function per catalog and namespace, so hooks may list it as a dependency.
  return useCallback(
    (key: Extract<keyof ClientMessages[N], string>, values?: Values): string => {
      const message = messages[namespace][key];
      const options = { locale, formatters, timeZone: "UTC" };
      return String(formatMessage(`${String(namespace)}.${key}`, message as never, values, options as never));
    },
    [locale, messages, namespace],
  );
}
