// Property: the save-and-resume endpoints (PUT/GET draft, POST draft/submit) survive generated
// hostile bodies and cookies: no 5xx, 2xx only for valid input, refusals name the field, and every
// stored draft re-validates with the shared schema.
import { randomBytes, randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftAnswersSchema } from "@/lib/survey/answers";
import { instrumentV1 } from "@/lib/survey/instrument";
import { allQuestions } from "@/lib/survey/instrument-schema";
import { saveDraftRequestSchema, submitDraftRequestSchema } from "@/lib/survey/requests";
import { resumeCookieName } from "@/lib/survey/resume-token";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, countResponses, createTestSurvey } from "../helpers/db";
import { api, cookieFrom } from "../helpers/http";
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
let createdDrafts = 0;
const MAX_BODY = 64 * 1024;
const draftPath = () => `/api/v1/surveys/${slug}/draft`;

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("prop-draft"));
});
afterAll(closeTestPool);

const questionIds = allQuestions(instrumentV1).map((q) => q.id);
const valid = validAnswers() as Record<string, unknown>;

/** A step's answers: a few real ones, some replaced by hostile values or hostile keys. */
const stepAnswers: fc.Arbitrary<{ text: string; keys: string[] }> = fc
  .tuple(
    fc.subarray(questionIds, { maxLength: 6 }),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...questionIds), fc.constantFrom(...PROTO_KEYS), hostileString),
        fc.oneof(wrongValue, fc.constant(null)),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([good, bad]) => {
    const entries: [string, string][] = good.map((id) => [id, JSON.stringify(valid[id])]);
    for (const [key, value] of bad) entries.push([key, JSON.stringify(value) ?? "null"]);
    return { text: objectJson(entries), keys: bad.map(([k]) => k) };
  });

const stepValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 9 }).map(String), weight: 4 },
  { arbitrary: wrongValue.map((v) => JSON.stringify(v) ?? "null"), weight: 2 },
  { arbitrary: fc.constantFrom("-1", "51", "1.5", "1e400", '"2"', "null", "[1]", "{}"), weight: 1 },
);

interface DraftCase {
  label: string;
  body: string;
}

const draftCase: fc.Arbitrary<DraftCase> = fc.oneof(
  {
    arbitrary: fc.tuple(stepValue, stepAnswers).map(([step, a]) => ({
      label: `step ${describeInput(step)}, answers ${describeInput(a.text)}`,
      body: `{"step":${step},"answers":${a.text}}`,
    })),
    weight: 6,
  },
  {
    arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({
      label: `extra key ${k.slice(0, 30)}`,
      body: objectJson([
        ["step", "1"],
        ["answers", "{}"],
        [k, JSON.stringify(v)],
      ]),
    })),
    weight: 1,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ label: "any JSON", body: JSON.stringify(v) ?? "null" })), weight: 1 },
  // Free text is where hostile strings can reach the database (NUL and lone surrogates cannot be stored).
  {
    arbitrary: hostileString.map((text) => ({
      label: `free text ${describeInput(JSON.stringify(text))}`,
      body: JSON.stringify({ step: 1, answers: { distributed_help: text } }),
    })),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 30_000 }), fc.constantFrom("array" as const, "object" as const), fc.boolean())
      .map(([d, kind, inAnswer]) => ({
        label: `nested ${d} (${kind})`,
        body: inAnswer ? `{"step":1,"answers":{"industry":${deepJson(d, kind)}}}` : `{"step":1,"answers":${deepJson(d, kind)}}`,
      })),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: MAX_BODY - 50, max: MAX_BODY * 2 })
      .map((n) => ({ label: `${n} bytes`, body: JSON.stringify({ step: 1, answers: { distributed_help: "z".repeat(n) } }) })),
    weight: 1,
  },
  {
    arbitrary: fc
      .constantFrom("", "{", '{"step":1,"answers":{}', "\u0000", '{"step":1,"answers":{"industry":"\\ud800"}}')
      .map((body) => ({ label: `body ${JSON.stringify(body)}`, body })),
    weight: 1,
  },
);

/** What the shared schemas say (same code as the browser form), for a request without a cookie. */
function expectedValid(body: string): boolean {
  const request = saveDraftRequestSchema.safeParse(parseOr(body, undefined));
  return (
    request.success &&
    request.data.step <= instrumentV1.sections.length &&
    draftAnswersSchema(instrumentV1).safeParse(request.data.answers).success
  );
}

function topLevelKeys(body: string): string[] {
  const parsed = parseOr(body, undefined);
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? Object.keys(parsed) : [];
}

const hostileCookie: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "binary-ascii", maxLength: 60 }).map((v) => v.replace(/[^\x21-\x7e]|[;,]/g, "x")),
  fc.constantFrom("' OR 1=1 --", "%00", "a".repeat(5000), "__proto__"),
  // Well-formed but unknown resume tokens (fresh each time: each has its own save allowance).
  fc.constant(null).map(() => randomBytes(32).toString("base64url")),
);

describe("PUT /api/v1/surveys/{slug}/draft under generated hostile input", () => {
  it("never answers 5xx; saves only valid drafts; refusals name the field", async () => {
    await fc.assert(
      fc.asyncProperty(draftCase, hostileCookie, async (c, cookieValue) => {
        // A garbage resume cookie is no resume token: the save starts a new draft.
        const cookie = cookieValue ? `${resumeCookieName(slug)}=${cookieValue}` : undefined;
        const response = await api(draftPath(), {
          method: "PUT",
          body: c.body,
          headers: { "content-type": "application/json", "x-forwarded-for": randomIp() },
          cookie,
        });
        const context = `${c.label} (cookie ${describeInput(cookieValue)}) -> ${response.status} ${describeInput(JSON.stringify(response.body))}`;
        expect(response.status, context).toBeLessThan(500);
        const bytes = Buffer.byteLength(c.body);
        if (bytes <= MAX_BODY && expectedValid(c.body)) {
          expect(response.status, context).toBe(200);
          expect(cookieFrom(response.headers), context).toMatch(new RegExp(`^${resumeCookieName(slug)}=[A-Za-z0-9_-]{43}$`));
          createdDrafts++;
          return;
        }
        const error = expectNamedError(response.status, response.body, context);
        if (bytes > MAX_BODY) expect(response.status, context).toBe(413);
        else expect(response.status, context).toBe(400);
        // Every refusal points into the request: the body, the step, an answer, or an unknown top-level key.
        const topKeys = topLevelKeys(c.body);
        for (const f of error.error.fields)
          expect(/^(body|step|answers)(\.|$)/.test(f.path) || topKeys.includes(f.path), `${context}: ${f.path}`).toBe(true);
      }),
      fcOptions(500),
    );
  });

  it("GET with any cookie answers 200 (a draft or none), never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(hostileCookie, async (value) => {
        const response = await api<{ draft: unknown }>(draftPath(), { cookie: value ? `${resumeCookieName(slug)}=${value}` : undefined });
        expect(response.status, value).toBe(200);
        expect(response.body.draft, value).toBeNull();
      }),
      fcOptions(150),
    );
  });

  it("POST draft/submit refuses hostile bodies by name and submits a valid draft exactly once", async () => {
    // A complete draft, then hostile submits with its cookie: only a UUID submissionId is accepted.
    const saved = await api(draftPath(), {
      method: "PUT",
      body: { step: instrumentV1.sections.length, answers: validAnswers() },
      headers: { "x-forwarded-for": randomIp() },
    });
    expect(saved.status).toBe(200);
    createdDrafts++;
    const cookie = cookieFrom(saved.headers);
    let submittedId: string | null = null;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: fc.constant(null).map(() => JSON.stringify({ submissionId: randomUUID() })), weight: 1 },
          { arbitrary: wrongValue.map((v) => JSON.stringify({ submissionId: v })), weight: 4 },
          { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "null"), weight: 2 },
          {
            arbitrary: fc.constantFrom(...PROTO_KEYS).map((k) =>
              objectJson([
                ["submissionId", JSON.stringify(randomUUID())],
                [k, "{}"],
              ]),
            ),
            weight: 1,
          },
          { arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((d) => `{"submissionId":${deepJson(d, "array")}}`), weight: 1 },
        ),
        fc.boolean(),
        async (body, withCookie) => {
          const response = await api<{ id: string }>(`${draftPath()}/submit`, {
            method: "POST",
            body,
            headers: { "content-type": "application/json", "x-forwarded-for": randomIp() },
            cookie: withCookie ? cookie : undefined,
          });
          const context = `${describeInput(body)} cookie=${withCookie} -> ${response.status} ${describeInput(JSON.stringify(response.body))}`;
          expect(response.status, context).toBeLessThan(500);
          const validBody = submitDraftRequestSchema.safeParse(parseOr(body, undefined)).success;
          if (validBody && withCookie) {
            expect([200, 201], context).toContain(response.status);
            submittedId ??= response.body.id;
            expect(response.body.id, context).toBe(submittedId);
          } else {
            const error = expectNamedError(response.status, response.body, context);
            expect(
              error.error.fields.some((f) => f.path === (validBody ? "cookie" : f.path)),
              context,
            ).toBe(true);
          }
        },
      ),
      fcOptions(300),
    );
  });

  it("stored only valid drafts, one per new-draft acknowledgement", async () => {
    expect(createdDrafts).toBeGreaterThan(20);
    const counts = await countResponses(waveId);
    expect(counts.partial + counts.complete).toBe(createdDrafts);
    expect(counts.complete).toBeLessThanOrEqual(1);
    await expectStoredRowsValid(waveId);
  });
});
