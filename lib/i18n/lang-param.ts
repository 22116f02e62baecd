// The query parameter that keeps the language in respondent URLs (shareable links per language).
// A module of its own: the survey form needs only this name, not the locale tables (./locales.ts).
export const LANG_PARAM = "lang";
