// Generators of hostile input for the property tests, and the checks every answer must pass.
import fc from "fast-check";
import { expect } from "vitest";
import type { ErrorBody } from "../helpers/http";

/** One seed for every property (override with FC_SEED=…); fast-check prints seed and path on failure. */
export const SEED = Number(process.env.FC_SEED ?? 20261129);
export const runs = (n: number) => Number(process.env.FC_RUNS_SCALE ?? 1) * n;
export const fcOptions = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: runs(numRuns),
  endOnFailure: true,
  verbose: 1,
});

/** A documentation-range client address per property run, so the per-client limits never interfere. */
export const randomIp = () => `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"] as const;

const sqlFragments = [
  "' OR '1'='1",
  "'; DROP TABLE response; --",
  '" OR 1=1 --',
  "1; SELECT pg_sleep(5)",
  "$1",
  "%' AND 1=1 --",
  '\') UNION SELECT * FROM "user" --',
  "\\x00",
  "E'\\\\'",
  "::uuid",
  "$$;DELETE FROM response;$$",
  "NULL",
  "null",
  "undefined",
];
const htmlFragments = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "{{7*7}}",
  "${7*7}",
  "<!--",
  "]]>",
];
const unicodeEdges = [
  "\u0000",
  "\u0000abc",
  "a\u0000b",
  "\ufeff",
  "\u200b",
  "\u202e",
  "\ud83d\ude00",
  "e\u0301",
  "\uffff",
  "\ufffe",
  "\u2028\u2029",
  "\r\n",
  "\t",
  "\u001b[31m",
  "İ",
  "ß",
  "𝕏",
  "👩‍👩‍👧‍👦",
  "ﷺ",
  "\u0085",
];

/** A lone (unpaired) UTF-16 surrogate, alone or inside other text. */
export const loneSurrogate = fc
  .tuple(fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))
  .map(([code, before, after]) => `${before}${String.fromCharCode(code)}${after}`);

/** Strings a hostile client might send: SQL, HTML, formula, unicode edge cases, long and huge text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlFragments, ...htmlFragments, ...unicodeEdges, ...PROTO_KEYS, "", " ", ","),
  loneSurrogate,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.tuple(fc.constantFrom(...sqlFragments, ...htmlFragments), fc.string({ unit: "binary", maxLength: 10 })).map(([a, b]) => a + b),
  fc.integer({ min: 1_000, max: 5_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 70_000, max: 200_000 }).map((n) => "é".repeat(n)),
);

/** Deeply nested arrays/objects (JSON text, too deep for a naive recursive walk). */
/** The parsed body, or `fallback` when it is not JSON (such bodies must be refused). */
export function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function deepJson(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Any JSON-ish value of the wrong shape: numbers of every kind, booleans, null, arrays, objects. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 3.5, 6, -1)), weight: 2 },
  { arbitrary: fc.constantFrom(true, false, null), weight: 1 },
  { arbitrary: fc.array(fc.oneof(hostileString, fc.integer(), fc.constant(null)), { maxLength: 8 }), weight: 2 },
  {
    arbitrary: fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...PROTO_KEYS)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    weight: 1,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
);

/** JSON text of an object, where keys may be __proto__ and friends (kept as own keys, as a parser sees them). */
export function objectJson(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
}

/** Every error answer: JSON of the documented shape, with at least one field path. */
export function expectNamedError(status: number, body: unknown, context: string): ErrorBody {
  expect(status, context).toBeGreaterThanOrEqual(400);
  expect(status, context).toBeLessThan(500);
  expect(body, context).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), fields: expect.any(Array) } });
  const error = (body as ErrorBody).error;
  expect(error.fields.length, `${context}: the error names no field`).toBeGreaterThan(0);
  for (const field of error.fields) expect(typeof field.path === "string" && field.path.length > 0, context).toBe(true);
  return body as ErrorBody;
}

/** Short description of a request for assertion messages (huge bodies shortened). */
export function describeInput(value: string): string {
  return value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value;
}
