// Text PostgreSQL can store: text and jsonb cannot hold NUL, and an unpaired UTF-16 surrogate is
// not Unicode text (22P05 / 22021 / 22P02 if it reached the database). Free of zod and imports so
// the instrument schema, the answer schemas and request schemas can all use it.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL or unpaired surrogate characters";
