// An instrument's translations: per locale, every text a respondent reads (title, intro, section
// titles and descriptions, question labels, help, placeholders, dimension names, scale labels,
// option labels and help), keyed by where it is ("questions.stage.options.pilot.label"). They live
// in the wave's definition (`translations`), so a wave's wording in every language is frozen with it.
// Pure and zod-free: the survey page localizes on the server; the schema checks completeness.
import type { Instrument, Question } from "./instrument-schema";

export type InstrumentTranslations = Partial<Record<string, Record<string, string>>>;

/** Every translatable text of an instrument, by key, in its own (English) wording. */
export function translatableTexts(instrument: Pick<Instrument, "title" | "intro" | "sections">): Map<string, string> {
  const texts = new Map<string, string>();
  const put = (key: string, value: string | undefined) => {
    if (value) texts.set(key, value);
  };
  put("title", instrument.title);
  put("intro", instrument.intro);
  for (const section of instrument.sections) {
    put(`sections.${section.id}.title`, section.title);
    put(`sections.${section.id}.description`, section.description);
    for (const question of section.questions) {
      const at = `questions.${question.id}`;
      put(`${at}.label`, question.label);
      put(`${at}.help`, question.help);
      put(`${at}.dimension`, question.dimension?.label);
      if (question.type === "text") put(`${at}.placeholder`, question.placeholder);
      if (question.type === "likert") question.scale.forEach((label, i) => put(`${at}.scale.${i + 1}`, label));
      if (question.type === "single" || question.type === "multi") {
        for (const option of question.options) {
          put(`${at}.options.${option.id}.label`, option.label);
          put(`${at}.options.${option.id}.help`, option.help);
        }
      }
    }
  }
  return texts;
}

/** Keys a locale's translations lack, and keys they have that name no text of the instrument. */
export function translationGaps(instrument: Instrument, locale: string): { missing: string[]; unknown: string[] } {
  const texts = translatableTexts(instrument);
  const own = instrument.translations?.[locale] ?? {};
  return {
    missing: [...texts.keys()].filter((key) => !own[key]),
    unknown: Object.keys(own).filter((key) => !texts.has(key)),
  };
}

/** The locales an instrument is translated into, its own (English) first. */
export function instrumentLocales(instrument: Instrument): string[] {
  return ["en", ...Object.keys(instrument.translations ?? {}).filter((locale) => locale !== "en")];
}

/**
 * The instrument as a respondent in `locale` reads it: every text replaced by its translation
 * (English where a translation is absent, as for a wave stored before translations existed), and
 * without the other locales' translations, so a page carries only its own language.
 */
export function localizeInstrument(instrument: Instrument, locale: string): Instrument {
  const own = locale === "en" ? undefined : instrument.translations?.[locale];
  const { translations: _others, ...rest } = instrument;
  void _others;
  if (!own) return rest;
  const tr = (key: string, fallback: string) => own[key] || fallback;
  const question = (q: Question): Question => {
    const at = `questions.${q.id}`;
    const base = {
      label: tr(`${at}.label`, q.label),
      ...(q.help === undefined ? {} : { help: tr(`${at}.help`, q.help) }),
      ...(q.dimension === undefined ? {} : { dimension: { ...q.dimension, label: tr(`${at}.dimension`, q.dimension.label) } }),
    };
    switch (q.type) {
      case "single":
      case "multi":
        return {
          ...q,
          ...base,
          options: q.options.map((o) => ({
            ...o,
            label: tr(`${at}.options.${o.id}.label`, o.label),
            ...(o.help === undefined ? {} : { help: tr(`${at}.options.${o.id}.help`, o.help) }),
          })),
        };
      case "likert":
        return { ...q, ...base, scale: q.scale.map((label, i) => tr(`${at}.scale.${i + 1}`, label)) };
      case "text":
        return { ...q, ...base, ...(q.placeholder === undefined ? {} : { placeholder: tr(`${at}.placeholder`, q.placeholder) }) };
      case "rank":
        return { ...q, ...base };
    }
  };
  return {
    ...rest,
    title: tr("title", instrument.title),
    intro: tr("intro", instrument.intro),
    sections: instrument.sections.map((s) => ({
      ...s,
      title: tr(`sections.${s.id}.title`, s.title),
      ...(s.description === undefined ? {} : { description: tr(`sections.${s.id}.description`, s.description) }),
      questions: s.questions.map(question),
    })),
  };
}
