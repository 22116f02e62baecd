// Property: no generated request to POST /api/v1/surveys/{slug}/responses gets a 5xx, only valid
// ones are stored (2xx), every refusal names the offending field, and afterwards every stored row
// re-validates with the shared schema and the row count equals the number of acknowledgements.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSchema, completeAnswersSchema } from "@/lib/survey/answers";
import { instrumentV1 } from "@/lib/survey/instrument";
import { allQuestions, optionsOf } from "@/lib/survey/instrument-schema";
import { apiSubmitRequestSchema, idempotencyKeySchema } from "@/lib/survey/requests";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, countResponses, createTestSurvey } from "../helpers/db";
import { api } from "../helpers/http";
import {
  PROTO_KEYS,
  parseOr,
  deepJson,
  describeInput,
  expectNamedError,
  fcOptions,
  hostileString,
  objectJson,
  randomIp,
  wrongValue,
} from "./arbitraries";
import { expectStoredRowsValid } from "./stored";

let slug: string;
let waveId: string;
let acknowledged = 0;
const usedKeys = new Map<string, string>();
const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("prop-submit"));
});
afterAll(closeTestPool);

const questions = allQuestions(instrumentV1);
const questionIds = questions.map((q) => q.id);
const optionIds = [...new Set(questions.flatMap((q) => optionsOf(instrumentV1, q).map((o) => o.id)))];

/** A plausible answer for any question: sometimes right, often wrong in a subtle way. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...optionIds),
  fc.uniqueArray(fc.constantFrom(...optionIds), { maxLength: 6 }),
  fc.integer({ min: -1, max: 7 }),
  fc.constantFrom(null, "", "3", [], [""]),
);

interface Case {
  label: string;
  body: string;
  contentType?: string;
  key?: string;
  /** Fields a refusal must name (each a prefix of one of the error paths), when known. */
  fields?: string[];
}

const answersText = (entries: [string, string][]) => `{"answers":${objectJson(entries)}}`;
const baseEntries = (): [string, string][] => Object.entries(validAnswers()).map(([k, v]) => [k, JSON.stringify(v)]);

/** One answer replaced (or added, or removed) with a hostile or plausible value. */
const mutatedAnswer: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constantFrom(...questionIds), weight: 4 },
      { arbitrary: fc.constantFrom(...PROTO_KEYS), weight: 2 },
      { arbitrary: hostileString, weight: 1 },
    ),
    fc.oneof(
      { arbitrary: wrongValue, weight: 3 },
      { arbitrary: plausibleValue, weight: 2 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
  )
  .map(([key, value]) => {
    const entries = baseEntries().filter(([k]) => k !== key);
    if (value !== undefined) entries.push([key, JSON.stringify(value)]);
    return {
      label: `answers.${key.slice(0, 40)} = ${describeInput(String(JSON.stringify(value)))}`,
      body: answersText(entries),
      fields: [`answers.${key}`],
    };
  });

/** Several answers wrong at once: every one must be named. */
const manyWrong: fc.Arbitrary<Case> = fc
  .uniqueArray(fc.constantFrom(...questionIds.filter((id) => id !== "concerns" && id !== "concerns_top3")), { minLength: 2, maxLength: 6 })
  .chain((keys) =>
    fc.tuple(
      fc.constant(keys),
      fc.array(fc.constantFrom(true, { x: 1 }, [[1]], -5, "<b>x</b>", "' OR 1=1 --"), { minLength: keys.length, maxLength: keys.length }),
    ),
  )
  .map(([keys, values]) => {
    const entries = baseEntries().filter(([k]) => !keys.includes(k));
    keys.forEach((k, i) => entries.push([k, JSON.stringify(values[i])]));
    // Each answer the question's own schema refuses must be named ("<b>x</b>" is fine free text).
    const wrong = keys.filter(
      (k, i) =>
        !answerSchema(
          instrumentV1,
          questions.find((q) => q.id === k)!,
        ).safeParse(values[i]).success,
    );
    return { label: `several wrong: ${keys.join(", ")}`, body: answersText(entries), fields: wrong.map((k) => `answers.${k}`) };
  });

/** The body itself is wrong: other JSON types, extra keys, nesting, broken or huge text. */
const wrongBody: fc.Arbitrary<Case> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ label: "any JSON", body: JSON.stringify(v) ?? "null" })),
  wrongValue.map((v) => ({ label: "answers of a wrong type", body: JSON.stringify({ answers: v }), fields: ["answers"] })),
  fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({
    label: `extra top-level key ${k.slice(0, 30)}`,
    body: objectJson([
      ["answers", JSON.stringify(validAnswers())],
      [k, JSON.stringify(v)],
    ]),
  })),
  fc
    .tuple(
      fc.integer({ min: 1_000, max: 30_000 }),
      fc.constantFrom("array" as const, "object" as const),
      fc.constantFrom("top", "answers", "text", "answer"),
    )
    .map(([depth, kind, where]) => {
      const deep = deepJson(depth, kind);
      const body =
        where === "top"
          ? deep
          : where === "answers"
            ? `{"answers":${deep}}`
            : answersText([
                ...baseEntries().filter(([k]) => k !== (where === "text" ? "distributed_help" : "industry")),
                [where === "text" ? "distributed_help" : "industry", deep],
              ]);
      return { label: `nested ${depth} deep (${kind}, ${where})`, body };
    }),
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom("", "}", "\u0000", "\\", '"', "\ud800")).map(([cut, junk]) => {
    const text = JSON.stringify({ answers: validAnswers() });
    return { label: "malformed JSON", body: text.slice(0, Math.min(cut, text.length - 1)) + junk, fields: ["body"] };
  }),
  fc.integer({ min: MAX_BODY - 100, max: MAX_BODY * 3 }).map((n) => ({
    label: `~${n} bytes of text answer`,
    body: JSON.stringify({ answers: validAnswers({ distributed_help: "y".repeat(n) }) }),
  })),
  fc
    .constantFrom("", " ", "\n", "[]", "{}", '{"answers":{}}', "true", '"answers"', '{"answers":null}')
    .map((body) => ({ label: `body ${JSON.stringify(body)}`, body })),
);

/** Headers: a missing, short, long, spaced or non-ASCII Idempotency-Key; wrong content types. */
const wrongHeaders: fc.Arbitrary<Case> = fc.oneof(
  fc
    .oneof(
      fc.constant(""),
      fc.string({ maxLength: 7, unit: "binary-ascii" }),
      fc.string({ minLength: 201, maxLength: 400 }),
      fc.constantFrom("with space 123", "tab\there-123", "ÿÿÿÿÿÿÿÿÿ", "' OR 1=1 --", "<script>x</script>"),
    )
    .map((key) => ({
      label: `Idempotency-Key ${JSON.stringify(key.slice(0, 40))}`,
      body: JSON.stringify({ answers: validAnswers() }),
      key: key.replace(/[^\x20-\x7e\x80-\xff]/g, "").trim() === "" ? "" : key.replace(/[^\x20-\x7e\x80-\xff]/g, "?"),
      fields: ["Idempotency-Key"],
    })),
  fc
    .constantFrom(
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "json",
      "text/html",
      "application/xml",
    )
    .map((contentType) => ({
      label: `Content-Type ${contentType}`,
      body: JSON.stringify({ answers: validAnswers() }),
      contentType,
      fields: ["Content-Type"],
    })),
);

/** What the shared schemas say about a body (the same code the browser form runs). */
function expectedValid(body: string): boolean {
  const request = apiSubmitRequestSchema.safeParse(parseOr(body, undefined));
  return request.success && completeAnswersSchema(instrumentV1).safeParse(request.data.answers).success;
}

describe("POST /api/v1/surveys/{slug}/responses under generated hostile input", () => {
  it("never answers 5xx, stores only valid answers and names the field it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: mutatedAnswer, weight: 5 },
          { arbitrary: manyWrong, weight: 1 },
          { arbitrary: wrongBody, weight: 3 },
          { arbitrary: wrongHeaders, weight: 1 },
        ),
        async (c) => {
          const key = c.key ?? randomUUID();
          const response = await api(`/api/v1/surveys/${slug}/responses`, {
            method: "POST",
            body: c.body,
            headers: { "content-type": c.contentType ?? "application/json", "Idempotency-Key": key, "x-forwarded-for": randomIp() },
          });
          const context = `${c.label} -> ${response.status} ${describeInput(JSON.stringify(response.body))}`;
          expect(response.status, context).toBeLessThan(500);
          const bytes = Buffer.byteLength(c.body);
          const keyValid = c.key === undefined || idempotencyKeySchema.safeParse(c.key.trim() || undefined).success;
          const valid = c.contentType === undefined && keyValid && bytes <= MAX_BODY && expectedValid(c.body);
          if (valid) {
            // A fixed key sent again with the same body is a replay: 200 with the stored id.
            const replay = c.key !== undefined && usedKeys.get(c.key) === c.body;
            expect(response.status, context).toBe(replay ? 200 : 201);
            if (!replay) acknowledged++;
            if (c.key !== undefined) usedKeys.set(c.key, c.body);
            return;
          }
          const error = expectNamedError(response.status, response.body, context);
          if (bytes > MAX_BODY) {
            expect(response.status, context).toBe(413);
            return;
          }
          if (c.fields) {
            for (const field of c.fields) {
              const named = error.error.fields.some(
                (f) =>
                  f.path === field ||
                  f.path.startsWith(`${field}.`) ||
                  (field === "answers.concerns" && f.path.startsWith("answers.concerns_top3")),
              );
              expect(named, `${context}: expected the error to name ${field}`).toBe(true);
            }
          }
        },
      ),
      fcOptions(1000),
    );
  });

  it("stored nothing but valid rows, one per acknowledgement", async () => {
    // The generators reach the valid side too, or "2xx only for valid input" would prove little.
    expect(acknowledged).toBeGreaterThan(20);
    const counts = await countResponses(waveId);
    expect(counts.partial).toBe(0);
    expect(counts.complete).toBe(acknowledged);
    await expectStoredRowsValid(waveId);
  });
});
