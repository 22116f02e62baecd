// The message catalogs (messages/<locale>.json): one file per locale, loaded one at a time, so a
// page ships only its own language's strings.
import type { Locale } from "./locales";
import type en from "@/messages/en.json";

export type Messages = typeof en;

const CATALOGS: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("@/messages/en.json"),
  es: () => import("@/messages/es.json"),
  "pt-BR": () => import("@/messages/pt-BR.json"),
  fr: () => import("@/messages/fr.json"),
  de: () => import("@/messages/de.json"),
  ja: () => import("@/messages/ja.json"),
  "zh-CN": () => import("@/messages/zh-CN.json"),
  ar: () => import("@/messages/ar.json"),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await CATALOGS[locale]()).default;
}

/** The namespaces client components use: the only part of the catalog sent to the browser. */
export const CLIENT_NAMESPACES = ["survey", "validation", "deletion", "keep", "errors"] as const;

export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;

export function clientMessages(messages: Messages): ClientMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as ClientMessages;
}
