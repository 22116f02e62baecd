// The recommender's reasons as messages: a key of the message catalogs' "reasons" namespace
// (messages/<locale>.json, ICU syntax) and typed values, so the respondent's result page renders
// them in the respondent's language while analysts' views, exports and tests read the English.
//
// A value is a number (formatted by the message, e.g. `{ms, number}`), an option code an ICU
// `select` picks wording by (never shown as such), a region or a list of regions (named by the
// caller, in the page's language), an architecture (named by the caller), or a nested message
// (a phrase such as the budget "under 250 ms", rendered first in the same language).
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import type { Messages } from "@/lib/i18n/messages";
import { boundedMemo } from "@/lib/memo";
import { REGION_NAMES, type RegionId } from "./assumptions";
import { getArchitecture, type ArchitectureId } from "./catalog";

export type ReasonKey = keyof Messages["reasons"];

export type ReasonValue =
  number | string | { region: RegionId } | { regions: readonly RegionId[] } | { architecture: ArchitectureId } | ReasonMessage;

export interface ReasonMessage {
  key: ReasonKey;
  values: Readonly<Record<string, ReasonValue>>;
}

export const reasonMessage = (key: ReasonKey, values: Readonly<Record<string, ReasonValue>> = {}): ReasonMessage => ({ key, values });

/** Formats one message of the "reasons" namespace with plain values (as next-intl's `t`). */
export type ReasonTranslator = (key: ReasonKey, values: Record<string, string | number>) => string;

export interface ReasonNames {
  region: (id: RegionId) => string;
  architecture: (id: ArchitectureId) => string;
}

/** A reason in one language: nested phrases first, regions and architectures by the caller's names. */
export function renderReason(message: ReasonMessage, t: ReasonTranslator, locale: string, names: ReasonNames): string {
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, renderValue(value, t, locale, names)]));
  return t(message.key, values);
}

function renderValue(value: ReasonValue, t: ReasonTranslator, locale: string, names: ReasonNames): string | number {
  if (typeof value === "number" || typeof value === "string") return value;
  if ("key" in value) return renderReason(value, t, locale, names);
  if ("region" in value) return names.region(value.region);
  if ("regions" in value) return new Intl.ListFormat(locale, { type: "conjunction" }).format(value.regions.map(names.region));
  return names.architecture(value.architecture);
}

// English from the English catalog itself, so each reason is written once. (In the Next.js build the
// catalog arrives precompiled and use-intl formats it without a parser; elsewhere it is parsed.)
export const ENGLISH_REASONS: Messages["reasons"] = en.reasons;
const englishT = createTranslator({ locale: "en", messages: { reasons: ENGLISH_REASONS }, namespace: "reasons" });
const english: ReasonTranslator = (key, values) => englishT(key, values);

const ENGLISH_NAMES: ReasonNames = {
  region: (id) => REGION_NAMES[id] ?? id,
  architecture: (id) => getArchitecture(id)?.name ?? id,
};

// English renderings by message: the findings ask for the same reasons for every finding (each
// rendering went through the message formatter's memoizer, which serializes the whole message).
const englishRendered = boundedMemo<string>(10_000);

/** The plain English rendering, for analysts' views, exports and tests. */
export function englishReason(message: ReasonMessage): string {
  return englishRendered(JSON.stringify(message), () => renderReason(message, english, "en", ENGLISH_NAMES));
}

/** One value in English words (a phrase, a region, a list of regions; numbers as digits). */
export function englishValue(value: ReasonValue): string {
  return String(renderValue(value, english, "en", ENGLISH_NAMES));
}
