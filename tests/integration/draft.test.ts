import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, countResponses, createTestSurvey, testPool } from "../helpers/db";
import { api, cookieFrom, type ErrorBody } from "../helpers/http";

let slug: string;
let waveId: string;
const draftPath = () => `/api/v1/surveys/${slug}/draft`;
const submitPath = () => `/api/v1/surveys/${slug}/draft/submit`;
const sectionAnswers = (index: number) => {
  const all = validAnswers();
  return Object.fromEntries(instrumentV1.sections[index]!.questions.map((q) => [q.id, all[q.id] ?? null]));
};

interface DraftBody {
  draft: { id: string; status: string; currentStep: number; answers: Record<string, unknown> } | null;
}

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("draft"));
});
afterAll(closeTestPool);

/** Saves every section as the form does; returns the resume cookie. */
async function fillAll(): Promise<string> {
  let cookie: string | undefined;
  for (let i = 0; i < instrumentV1.sections.length; i++) {
    const saved = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: i + 1, answers: sectionAnswers(i) }, cookie });
    expect(saved.status).toBe(200);
    cookie ??= cookieFrom(saved.headers);
  }
  return cookie!;
}

describe("save and resume", () => {
  it("creates a draft keyed by an httpOnly resume cookie and resumes it at the saved step", async () => {
    const first = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: 1, answers: sectionAnswers(0) } });
    expect(first.status).toBe(200);
    const setCookie = first.headers.getSetCookie()[0] ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const cookie = cookieFrom(first.headers)!;

    const second = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: 2, answers: sectionAnswers(1) }, cookie });
    expect(second.headers.getSetCookie()).toEqual([]); // same token, not rotated per step

    const resumed = await api<DraftBody>(draftPath(), { cookie });
    expect(resumed.body.draft).toMatchObject({ status: "partial", currentStep: 2 });
    expect(resumed.body.draft?.answers).toMatchObject({ industry: "healthcare", ready_self: 4, ai_stage: "pilots" });

    // The token is stored only as a hash.
    const token = cookie.split("=")[1]!;
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM response WHERE resume_token_hash = $1`, [token]);
    expect(rows[0].n).toBe(0);
  });

  it("keeps partial responses apart: indexed profile columns filled as answered, no score yet", async () => {
    const saved = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: 1, answers: sectionAnswers(0) } });
    const { rows } = await testPool().query(`SELECT status::text, industry, readiness_index, submitted_at FROM response WHERE id = $1`, [
      saved.body.draft!.id,
    ]);
    expect(rows[0]).toEqual({ status: "partial", industry: "healthcare", readiness_index: null, submitted_at: null });
  });

  it("null clears an answer", async () => {
    const saved = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: 5, answers: { distributed_help: "temp" } } });
    const cookie = cookieFrom(saved.headers)!;
    const cleared = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: 5, answers: { distributed_help: null } }, cookie });
    expect(cleared.body.draft?.answers).not.toHaveProperty("distributed_help");
  });

  it("a missing or forged cookie sees no draft", async () => {
    expect((await api<DraftBody>(draftPath())).body.draft).toBeNull();
    const forged = `rr_resume_${slug.replace(/-/g, "_")}=${"A".repeat(43)}`;
    expect((await api<DraftBody>(draftPath(), { cookie: forged })).body.draft).toBeNull();
  });

  it.each([
    ["unknown question", { step: 1, answers: { nope: 1 } }, "answers.nope"],
    ["bad option", { step: 1, answers: { industry: "banking" } }, "answers.industry"],
    ["step out of range", { step: 99, answers: {} }, "step"],
    ["step not a number", { step: "2", answers: {} }, "step"],
    ["missing answers", { step: 1 }, "answers"],
    ["rank of an unchosen concern", { step: 4, answers: { concerns: ["cost"], concerns_top3: ["latency"] } }, "answers.concerns_top3.0"],
  ])("refuses a draft with %s and writes nothing", async (_name, body, field) => {
    const before = await countResponses(waveId);
    const response = await api<ErrorBody>(draftPath(), { method: "PUT", body });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((f) => f.path)).toContain(field);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await countResponses(waveId)).toEqual(before);
  });
});

describe("submit", () => {
  it("refuses to submit an incomplete draft, naming what is missing", async () => {
    const saved = await api<DraftBody>(draftPath(), { method: "PUT", body: { step: 1, answers: sectionAnswers(0) } });
    const cookie = cookieFrom(saved.headers)!;
    const response = await api<ErrorBody>(submitPath(), { method: "POST", body: { submissionId: randomUUID() }, cookie });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(["answers.ready_self", "answers.dim_culture", "answers.infra_planned"]),
    );
    const { rows } = await testPool().query(`SELECT status::text FROM response WHERE id = $1`, [saved.body.draft!.id]);
    expect(rows[0].status).toBe("partial");
  });

  it("completes the draft once: double clicks and retries return the same id", async () => {
    const cookie = await fillAll();
    const before = await countResponses(waveId);
    const submissionId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api<{ id: string; resultUrl: string }>(submitPath(), { method: "POST", body: { submissionId }, cookie }),
      ),
    );
    const statuses = JSON.stringify(results.map((r) => [r.status, r.body]));
    expect(
      results.filter((r) => r.status === 201),
      statuses,
    ).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 200),
      statuses,
    ).toHaveLength(9);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results[0]!.body.resultUrl).toBe(`/survey/${slug}/result`);
    const after = await countResponses(waveId);
    expect(after).toEqual({ partial: before.partial - 1, complete: before.complete + 1 });

    // Resubmitting from an old tab (new submission id) still returns the same response.
    const resubmit = await api<{ id: string }>(submitPath(), { method: "POST", body: { submissionId: randomUUID() }, cookie });
    expect(resubmit.status).toBe(200);
    expect(resubmit.body.id).toBe(results[0]!.body.id);
    // And the completed response can no longer be edited.
    const edit = await api<ErrorBody>(draftPath(), { method: "PUT", body: { step: 1, answers: { industry: "telecom" } }, cookie });
    expect(edit.status).toBe(409);
    const { rows } = await testPool().query(`SELECT industry, status::text, readiness_index FROM response WHERE id = $1`, [
      results[0]!.body.id,
    ]);
    expect(rows[0]).toEqual({ industry: "healthcare", status: "complete", readiness_index: 42.9 });
  });

  it("refuses a submit without a survey in progress, or with a malformed submission id", async () => {
    const noCookie = await api<ErrorBody>(submitPath(), { method: "POST", body: { submissionId: randomUUID() } });
    expect(noCookie.status).toBe(400);
    expect(noCookie.body.error.fields[0]?.path).toBe("cookie");
    const cookie = await fillAll();
    const bad = await api<ErrorBody>(submitPath(), { method: "POST", body: { submissionId: "1; DROP TABLE response" }, cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]?.path).toBe("submissionId");
  });
});
