import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, countResponses, createTestSurvey, testPool } from "../helpers/db";
import { api, type ErrorBody } from "../helpers/http";

let slug: string;
let waveId: string;
const path = () => `/api/v1/surveys/${slug}/responses`;

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("api"));
});
afterAll(closeTestPool);

describe("GET /api/v1/surveys/{slug}", () => {
  it("publishes the open wave's questions, option ids and rules", async () => {
    const { status, body } = await api<{
      slug: string;
      wave: { code: string };
      sections: { questions: { id: string; type: string; options: unknown[]; rules: Record<string, unknown> }[] }[];
    }>(`/api/v1/surveys/${slug}`);
    expect(status).toBe(200);
    expect(body.slug).toBe(slug);
    expect(body.wave.code).toBe("2026-Q4");
    const questions = body.sections.flatMap((s) => s.questions);
    expect(questions.find((q) => q.id === "concerns_top3")?.rules).toMatchObject({ optionsFrom: "concerns", maxItems: 3 });
    expect(questions.find((q) => q.id === "dim_data")?.rules).toMatchObject({ minimum: 1, maximum: 5 });
    expect(questions.find((q) => q.id === "industry")?.options).toHaveLength(12);
  });

  it("answers 404 for an unknown or malformed slug", async () => {
    expect((await api("/api/v1/surveys/no-such-survey")).status).toBe(404);
    expect((await api("/api/v1/surveys/%27%3B%20DROP%20TABLE%20response")).status).toBe(404);
  });
});

describe("POST /api/v1/surveys/{slug}/responses", () => {
  it("stores a complete response: 201 with its id, then 200 with the same id on a repeat", async () => {
    const key = randomUUID();
    const first = await api<{ id: string; status: string }>(path(), {
      method: "POST",
      body: { answers: validAnswers() },
      headers: { "Idempotency-Key": key },
    });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe("complete");
    const again = await api<{ id: string }>(path(), {
      method: "POST",
      body: { answers: validAnswers() },
      headers: { "Idempotency-Key": key },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const { rows } = await testPool().query(
      `SELECT status::text, source::text, industry, region, company_size, role, stage, readiness_index, answers FROM response WHERE id = $1`,
      [first.body.id],
    );
    expect(rows[0]).toMatchObject({
      status: "complete",
      source: "api",
      industry: "healthcare",
      region: "east_asia",
      company_size: "1000_9999",
      role: "data_ml",
      stage: "pilots",
      readiness_index: 42.9,
    });
    expect(rows[0].answers.concerns_top3).toEqual(["latency", "privacy_sovereignty", "cost"]);
  });

  it("stores the language the answers were given in: the body's, else Accept-Language's, else en", async () => {
    const submit = (body: object, headers: Record<string, string> = {}) =>
      api<ErrorBody & { id: string }>(path(), { method: "POST", body, headers: { "Idempotency-Key": randomUUID(), ...headers } });
    const languageOf = async (id: string) =>
      (await testPool().query<{ language: string }>(`SELECT language FROM response WHERE id = $1`, [id])).rows[0]?.language;
    const named = await submit({ answers: validAnswers(), language: "ja" }, { "Accept-Language": "de" });
    expect(named.status).toBe(201);
    expect(await languageOf(named.body.id)).toBe("ja");
    const negotiated = await submit({ answers: validAnswers() }, { "Accept-Language": "pt-BR,pt;q=0.9,en;q=0.5" });
    expect(await languageOf(negotiated.body.id)).toBe("pt-BR");
    const neither = await submit({ answers: validAnswers() }, { "Accept-Language": "ko" });
    expect(await languageOf(neither.body.id)).toBe("en");
    const unknown = await submit({ answers: validAnswers(), language: "klingon" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f) => f.path)).toEqual(["language"]);
  });

  it("turns 50 concurrent identical submissions into exactly one row", async () => {
    const key = `burst-${randomUUID()}`;
    const before = await countResponses(waveId);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api<{ id: string }>(path(), { method: "POST", body: { answers: validAnswers() }, headers: { "Idempotency-Key": key } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(49);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM response WHERE submission_key = $1`, [`api:${key}`]);
    expect(rows[0].n).toBe(1);
    expect((await countResponses(waveId)).complete).toBe(before.complete + 1);
  });

  it("refuses a reused Idempotency-Key with different answers (422) and writes nothing", async () => {
    const key = randomUUID();
    expect((await api(path(), { method: "POST", body: { answers: validAnswers() }, headers: { "Idempotency-Key": key } })).status).toBe(
      201,
    );
    const before = await countResponses(waveId);
    const reused = await api<ErrorBody>(path(), {
      method: "POST",
      body: { answers: validAnswers({ industry: "telecom" }) },
      headers: { "Idempotency-Key": key },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.fields[0]?.path).toBe("Idempotency-Key");
    expect(await countResponses(waveId)).toEqual(before);
  });

  const hostile: [string, () => { body?: unknown; headers?: Record<string, string> }, number, string][] = [
    ["missing Idempotency-Key", () => ({ body: { answers: validAnswers() }, headers: { "Idempotency-Key": "" } }), 400, "Idempotency-Key"],
    [
      "too short Idempotency-Key",
      () => ({ body: { answers: validAnswers() }, headers: { "Idempotency-Key": "abc" } }),
      400,
      "Idempotency-Key",
    ],
    [
      "unknown question id",
      () => ({ body: { answers: { ...validAnswers(), favourite_colour: "blue" } } }),
      400,
      "answers.favourite_colour",
    ],
    ["unknown option id", () => ({ body: { answers: validAnswers({ region: "atlantis" }) } }), 400, "answers.region"],
    ["wrong type", () => ({ body: { answers: validAnswers({ model_sizes: "frontier" }) } }), 400, "answers.model_sizes"],
    ["missing required answer", () => ({ body: { answers: { ...validAnswers(), industry: undefined } } }), 400, "answers.industry"],
    ["Likert out of range", () => ({ body: { answers: validAnswers({ dim_talent: 6 }) } }), 400, "answers.dim_talent"],
    [
      "duplicated ranks",
      () => ({ body: { answers: validAnswers({ concerns_top3: ["cost", "cost", "latency"] }) } }),
      400,
      "answers.concerns_top3",
    ],
    [
      "string over its limit",
      () => ({ body: { answers: validAnswers({ distributed_help: "é".repeat(2001) }) } }),
      400,
      "answers.distributed_help",
    ],
    ["extra top-level field", () => ({ body: { answers: validAnswers(), admin: true } }), 400, "admin"],
    ["answers not an object", () => ({ body: { answers: [1, 2] } }), 400, "answers"],
    ["malformed JSON", () => ({ body: '{"answers": {' }), 400, "body"],
    ["empty body", () => ({ body: "" }), 400, "body"],
    [
      "wrong content type",
      () => ({ body: "answers=1", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      415,
      "Content-Type",
    ],
    ["body over 64 KB", () => ({ body: { answers: validAnswers({ distributed_help: "x".repeat(70_000) }) } }), 413, "body"],
  ];

  it.each(hostile)("rejects %s with a named field and writes nothing", async (_name, make, status, field) => {
    const before = await countResponses(waveId);
    const request = make();
    const response = await api<ErrorBody>(path(), {
      method: "POST",
      body: request.body,
      headers: { "Idempotency-Key": randomUUID(), ...(request.headers ?? {}) },
    });
    expect(response.status).toBe(status);
    expect(response.body.error.fields.map((f) => f.path)).toContain(field);
    expect(response.body.error.message).not.toMatch(/prisma|SELECT|INSERT|at .*\.ts/i);
    expect(await countResponses(waveId)).toEqual(before);
  });
});
