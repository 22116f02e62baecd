// The wave lifecycle through the admin API and `npm run wave:publish`, on surveys of the test's own:
// malformed definitions refused with every path named, one open wave at a time (opening one closes
// the previous), close dates, respondents always getting the open wave, and the freeze.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { WaveSummary } from "@/lib/waves/schemas";
import { validAnswers } from "../helpers/answers";
import { authHeaders, createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";
import { englishOnly } from "../helpers/english-only";

let cookie = "";
const admin = (body?: unknown, method = body === undefined ? "GET" : "POST") => ({ method, body, cookie, headers: authHeaders() });

beforeAll(async () => {
  cookie = await signIn();
});
afterAll(closeTestPool);

/** A valid next version: one more question and one more option. */
function nextInstrument() {
  const next = structuredClone(englishOnly(instrumentV1)) as unknown as {
    version: number;
    sections: { questions: Record<string, unknown>[] }[];
  };
  next.version = 2;
  const stage = next.sections[1]!.questions.find((q) => q.id === "ai_stage") as { options: { id: string; label: string }[] };
  stage.options.push({ id: "agents_in_production", label: "Agents in production" });
  next.sections[4]!.questions.push({
    id: "gpu_sourcing",
    type: "single",
    label: "How do you get GPU capacity?",
    options: [
      { id: "cloud", label: "Cloud" },
      { id: "own", label: "Our own" },
    ],
  });
  return next;
}

/** A definition with three problems in different places. */
function malformed() {
  const bad = structuredClone(englishOnly(instrumentV1)) as unknown as Record<string, unknown> & {
    sections: { questions: Record<string, unknown>[] }[];
  };
  delete bad.intro;
  bad.sections[0]!.questions[1]!.options = [{ id: "Bad Id", label: "x" }, { label: "no id" }];
  bad.sections[3]!.questions[2]!.slots = 0;
  return bad;
}
const MALFORMED_PATHS = [
  "definition.intro",
  "definition.sections[0].questions[1].options[0].id",
  "definition.sections[0].questions[1].options[1].id",
  "definition.sections[3].questions[2].slots",
];

const openCode = async (slug: string) => {
  const response = await api<{ waves: WaveSummary[] }>(`/api/v1/surveys/${slug}/waves`, admin());
  expect(response.status).toBe(200);
  return response.body.waves.filter((w) => w.status === "open").map((w) => w.code);
};

describe("the waves API", () => {
  it("refuses a malformed definition with every path named, in check and publish alike", async () => {
    const { slug } = await createTestSurvey("wv");
    for (const [url, body] of [
      [`/api/v1/surveys/${slug}/waves/check`, { definition: malformed() }],
      [`/api/v1/surveys/${slug}/waves/check`, { definition: JSON.stringify(malformed()) }],
      [`/api/v1/surveys/${slug}/waves`, { code: "2027-Q1", title: "Q1 2027", definition: malformed() }],
    ] as const) {
      const response = await api<ErrorBody>(url, admin(body));
      expect(response.status, url).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
      expect(response.body.error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(MALFORMED_PATHS));
    }
    const broken = await api<ErrorBody>(`/api/v1/surveys/${slug}/waves/check`, admin({ definition: '{"id": "x",\n oops}' }));
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields[0]).toMatchObject({ path: "definition", message: expect.stringMatching(/not valid JSON \(line 2/) });
    expect(await openCode(slug)).toHaveLength(1);
  });

  it("is for admins only", async () => {
    const { slug } = await createTestSurvey("wv");
    expect((await api(`/api/v1/surveys/${slug}/waves`)).status).toBe(401);
    const analyst = await createAnalyst();
    const analystCookie = await signIn(analyst.email, analyst.password);
    const refused = await api(`/api/v1/surveys/${slug}/waves`, { method: "POST", cookie: analystCookie, headers: authHeaders(), body: {} });
    expect(refused.status).toBe(403);
  });

  it("checks and diffs against the open wave, publishes, and respondents get the new open wave at once", async () => {
    const { slug } = await createTestSurvey("wv");
    const [previous] = await openCode(slug);
    const check = await api<{
      valid: true;
      previous: { code: string };
      diff: { questionsAdded: { id: string }[]; optionsAdded: { optionId: string }[] };
    }>(`/api/v1/surveys/${slug}/waves/check`, admin({ definition: nextInstrument() }));
    expect(check.status).toBe(200);
    expect(check.body.previous.code).toBe(previous);
    expect(check.body.diff.questionsAdded.map((q) => q.id)).toEqual(["gpu_sourcing"]);
    expect(check.body.diff.optionsAdded.map((o) => o.optionId)).toEqual(["agents_in_production"]);

    const published = await api<WaveSummary>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "2027-Q1", title: "Q1 2027", definition: nextInstrument() }),
    );
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ code: "2027-Q1", status: "open", instrumentVersion: 2, questions: 27 });
    // One open wave: the previous one closed in the same transaction.
    expect(await openCode(slug)).toEqual(["2027-Q1"]);
    const definition = await api<{ wave: { code: string }; sections: { questions: { id: string }[] }[] }>(`/api/v1/surveys/${slug}`);
    expect(definition.body.wave.code).toBe("2027-Q1");
    expect(definition.body.sections.flatMap((s) => s.questions.map((q) => q.id))).toContain("gpu_sourcing");

    // A respondent answers the new wave, new question and new option included.
    const answered = await api<{ wave: string }>(`/api/v1/surveys/${slug}/responses`, {
      method: "POST",
      headers: { "idempotency-key": `wv-${Date.now()}-${Math.random()}` },
      body: { answers: { ...validAnswers({ ai_stage: "agents_in_production" }), gpu_sourcing: "own" } },
    });
    expect(answered.status).toBe(201);
    expect(answered.body.wave).toBe("2027-Q1");

    const again = await api<ErrorBody>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "2027-Q1", title: "again", definition: nextInstrument() }),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("wave_exists");
  });

  it("keeps a draft from respondents until it is opened; a closed wave stays closed", async () => {
    const { slug } = await createTestSurvey("wv");
    const [previous] = await openCode(slug);
    const draft = await api<WaveSummary>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "draft-1", title: "Draft", definition: nextInstrument(), status: "draft" }),
    );
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe("draft");
    expect((await api<{ wave: { code: string } }>(`/api/v1/surveys/${slug}`)).body.wave.code).toBe(previous);

    const opened = await api<WaveSummary>(`/api/v1/surveys/${slug}/waves/draft-1/open`, admin({}));
    expect(opened.status).toBe(200);
    expect(await openCode(slug)).toEqual(["draft-1"]);
    expect((await api<{ wave: { code: string } }>(`/api/v1/surveys/${slug}`)).body.wave.code).toBe("draft-1");

    const reopen = await api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${previous}/open`, admin({}));
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe("wave_not_draft");

    const closed = await api<WaveSummary>(`/api/v1/surveys/${slug}/waves/draft-1/close`, admin({}));
    expect(closed.body.status).toBe("closed");
    expect((await api(`/api/v1/surveys/${slug}`)).status).toBe(404);
    expect((await api(`/api/v1/surveys/${slug}/waves/nope/close`, admin({}))).status).toBe(404);
  });

  it("closes a wave by itself at its close date, and refuses a close date in the past", async () => {
    const { slug } = await createTestSurvey("wv");
    const past = await api<ErrorBody>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "past", title: "Past", definition: nextInstrument(), closesAt: "2020-01-01T00:00:00Z" }),
    );
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual([{ path: "closesAt", message: "must be in the future" }]);

    const closesAt = new Date(Date.now() + 1500).toISOString();
    const soon = await api<WaveSummary>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "soon", title: "Soon", definition: nextInstrument(), closesAt }),
    );
    expect(soon.status).toBe(201);
    expect(soon.body).toMatchObject({ status: "open", closesAt });
    expect((await api<{ wave: { code: string } }>(`/api/v1/surveys/${slug}`)).body.wave.code).toBe("soon");
    await expect.poll(async () => (await api(`/api/v1/surveys/${slug}`)).status, { timeout: 6000, interval: 250 }).toBe(404);
    const listed = await api<{ waves: WaveSummary[] }>(`/api/v1/surveys/${slug}/waves`, admin());
    expect(listed.body.waves.find((w) => w.code === "soon")?.status).toBe("closed");
    // The wave past its date no longer blocks a new one.
    const next = await api<WaveSummary>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "after", title: "After", definition: nextInstrument() }),
    );
    expect(next.body.status).toBe("open");
    expect(await openCode(slug)).toEqual(["after"]);
  });

  it("schedules a close on the open wave", async () => {
    const { slug } = await createTestSurvey("wv");
    const [open] = await openCode(slug);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await api<WaveSummary>(`/api/v1/surveys/${slug}/waves/${open}/close`, admin({ at }));
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: "open", closesAt: at });
  });

  it("never rewrites what was answered: a definition is replaceable only while the wave has no responses", async () => {
    const { slug, waveId } = await createTestSurvey("wv");
    const draft = await api<WaveSummary>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "d", title: "D", definition: instrumentV1, status: "draft" }),
    );
    expect(draft.status).toBe(201);
    const replaced = await api<WaveSummary>(`/api/v1/surveys/${slug}/waves/d/definition`, admin({ definition: nextInstrument() }, "PUT"));
    expect(replaced.status).toBe(200);
    expect(replaced.body.instrumentVersion).toBe(2);

    const [open] = await openCode(slug);
    await api(`/api/v1/surveys/${slug}/responses`, {
      method: "POST",
      headers: { "idempotency-key": `wv-frozen-${Date.now()}` },
      body: { answers: validAnswers() },
    });
    const before = await testPool().query<{ definition_hash: string }>(`SELECT definition_hash FROM wave WHERE id = $1`, [waveId]);
    const frozen = await api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${open}/definition`, admin({ definition: nextInstrument() }, "PUT"));
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe("wave_frozen");
    const after = await testPool().query<{ definition_hash: string }>(`SELECT definition_hash FROM wave WHERE id = $1`, [waveId]);
    expect(after.rows[0]!.definition_hash).toBe(before.rows[0]!.definition_hash);
  });

  it("allows one open wave per survey in the database itself", async () => {
    const { slug, waveId } = await createTestSurvey("wv");
    await expect(
      testPool().query(
        `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash)
         SELECT survey_id, 'second', 'Second', 'open', definition, definition_hash FROM wave WHERE id = $1`,
        [waveId],
      ),
    ).rejects.toThrow(/wave_one_open_per_survey/);
    expect(await openCode(slug)).toHaveLength(1);
  });
});

describe("npm run wave:publish", () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(path.join(tmpdir(), "rr-wave-publish-"));
  const cli = (args: string[]) =>
    run(path.resolve("node_modules/.bin/tsx"), ["scripts/wave-publish.ts", ...args], {
      env: { ...process.env, DATABASE_URL: testEnv.databaseUrl },
      timeout: 60_000,
    });

  it("refuses a malformed file, naming every path, and changes nothing", { timeout: 90_000 }, async () => {
    const { slug } = await createTestSurvey("wv");
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(malformed(), null, 2));
    const failed = await cli([file, "--code", "2027-Q1", "--survey", slug]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    for (const p of MALFORMED_PATHS) expect(failed?.stderr).toContain(`  ${p.replace(/^definition\./, "")}: `);
    expect(failed?.stderr).toMatch(/the definition has 4 problems/);
    const { rows } = await testPool().query(
      `SELECT 1 FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = '2027-Q1'`,
      [slug],
    );
    expect(rows).toHaveLength(0);
  });

  it("publishes and opens a valid file, printing the diff", { timeout: 90_000 }, async () => {
    const { slug } = await createTestSurvey("wv");
    const file = path.join(dir, "v2.json");
    writeFileSync(file, JSON.stringify(nextInstrument(), null, 2));
    const { stdout } = await cli([file, "--code", "2027-Q1", "--title", "Q1 2027", "--closes", "2099-03-31", "--survey", slug]);
    expect(stdout).toContain("Questions added:");
    expect(stdout).toContain("gpu_sourcing");
    expect(stdout).toContain("ai_stage.agents_in_production");
    expect(stdout).toMatch(/Wave 2027-Q1 \(Q1 2027\) is open, closing 2099-03-31T23:59:59.000Z/);
    expect(await openCode(slug)).toEqual(["2027-Q1"]);
  });
});

describe("the waves API, hardened", () => {
  it("refuses text PostgreSQL cannot store, naming the field, in check and publish alike (400, not 500)", async () => {
    const { slug } = await createTestSurvey("wv");
    const withNul = structuredClone(englishOnly(instrumentV1)) as unknown as {
      sections: { title: string; questions: { label: string }[] }[];
    };
    withNul.sections[0]!.questions[0]!.label = "Industry\u0000";
    withNul.sections[2]!.title = "Dimensions \ud800";
    const fields = ["definition.sections[0].questions[0].label", "definition.sections[2].title"];
    for (const [url, body] of [
      [`/api/v1/surveys/${slug}/waves/check`, { definition: withNul }],
      [`/api/v1/surveys/${slug}/waves/check`, { definition: JSON.stringify(withNul) }],
      [`/api/v1/surveys/${slug}/waves`, { code: "nul-1", title: "NUL", definition: withNul }],
    ] as const) {
      const response = await api<ErrorBody>(url, admin(body));
      expect(response.status, url).toBe(400);
      expect(response.body.error.fields.map((f) => f.path)).toEqual(fields);
    }
    for (const title of ["Q1\u0000", "Q1 \udc00"]) {
      const response = await api<ErrorBody>(`/api/v1/surveys/${slug}/waves`, admin({ code: "nul-2", title, definition: nextInstrument() }));
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([{ path: "title", message: "must not contain NUL or unpaired surrogate characters" }]);
    }
    const waves = await api<{ waves: WaveSummary[] }>(`/api/v1/surveys/${slug}/waves`, admin());
    expect(waves.body.waves.map((w) => w.code).filter((code) => code.startsWith("nul-"))).toEqual([]);
  });

  it("refuses a close date on a draft, naming closesAt (it gets one when opened)", async () => {
    const { slug } = await createTestSurvey("wv");
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const refused = await api<ErrorBody>(
      `/api/v1/surveys/${slug}/waves`,
      admin({ code: "d-close", title: "D", definition: nextInstrument(), status: "draft", closesAt }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      { path: "closesAt", message: "applies when the wave opens; a draft gets its close date when opened" },
    ]);
    const listed = await api<{ waves: WaveSummary[] }>(`/api/v1/surveys/${slug}/waves`, admin());
    expect(listed.body.waves.map((w) => w.code)).not.toContain("d-close");
  });

  it("replaces only a draft's definition: an open wave is frozen even before its first response", async () => {
    const { slug } = await createTestSurvey("wv");
    const [open] = await openCode(slug);
    const hash = () =>
      testPool().query<{ definition_hash: string }>(
        `SELECT w.definition_hash FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = $2`,
        [slug, open],
      );
    const before = (await hash()).rows[0]?.definition_hash;
    await testPool().query(`DELETE FROM response r USING wave w, survey s WHERE r.wave_id = w.id AND w.survey_id = s.id AND s.slug = $1`, [
      slug,
    ]);
    const changed = { ...nextInstrument(), title: "Changed while open" };
    const frozen = await api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${open}/definition`, admin({ definition: changed }, "PUT"));
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe("wave_frozen");
    expect((await hash()).rows[0]?.definition_hash).toBe(before);
  });

  it("of two concurrent opens or closes of one wave exactly one succeeds, and a closed wave never reopens", async () => {
    const { slug } = await createTestSurvey("wv");
    for (let round = 0; round < 3; round++) {
      const code = `race-${round}`;
      const draft = await api(`/api/v1/surveys/${slug}/waves`, admin({ code, title: code, definition: nextInstrument(), status: "draft" }));
      expect(draft.status).toBe(201);
      const opens = await Promise.all([1, 2].map(() => api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${code}/open`, admin({}))));
      expect(opens.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(opens.find((r) => r.status === 409)?.body.error.code).toBe("wave_not_draft");
      expect(await openCode(slug)).toEqual([code]);

      const closes = await Promise.all([1, 2].map(() => api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${code}/close`, admin({}))));
      expect(closes.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(closes.find((r) => r.status === 409)?.body.error.code).toBe("wave_not_open");

      const [reopen, close] = await Promise.all([
        api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${code}/open`, admin({})),
        api<ErrorBody>(`/api/v1/surveys/${slug}/waves/${code}/close`, admin({})),
      ]);
      expect([reopen.status, close.status]).toEqual([409, 409]);
      expect(await openCode(slug)).toEqual([]);
      const { rows } = await testPool().query<{ status: string }>(
        `SELECT w.status FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = $2`,
        [slug, code],
      );
      expect(rows[0]?.status).toBe("closed");
    }
  });
});
