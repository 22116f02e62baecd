// A bundled instrument without its translations, for tests that edit its questions: an edited
// English text has no translation yet, which checkDefinition rightly refuses (tests/unit/i18n.test.ts).
export function englishOnly<T extends object>(instrument: T): T {
  const copy = { ...instrument } as T & { translations?: unknown };
  delete copy.translations;
  return copy;
}
