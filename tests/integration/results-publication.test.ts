// Publishing a wave's results (admin API, lib/results/): which panels, who, when; drafts refused;
// analysts and viewers refused (tests/integration/viewer-access.test.ts covers every admin route).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Publication } from "@/lib/results/schemas";
import { RESULT_PANELS } from "@/lib/results/panels";
import { instrumentV1 } from "@/lib/survey/instrument";
import { authHeaders, createAnalyst, signIn, testAdmin } from "../helpers/auth";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { actionForm, postAction } from "../helpers/actions";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";

const own = () => new URL(testEnv.baseUrl).origin;
let slug: string;
let admin: string;
let analyst: string;
const url = (code: string) => `/api/v1/surveys/${slug}/waves/${code}/publication`;
const put = (code: string, body: unknown, cookie = admin) =>
  api<Publication & ErrorBody>(url(code), { method: "PUT", body, cookie, headers: authHeaders() });

beforeAll(async () => {
  ({ slug } = await createTestSurvey("pub"));
  admin = await signIn();
  const account = await createAnalyst();
  analyst = await signIn(account.email, account.password);
});
afterAll(closeTestPool);

describe("results publication", () => {
  it("starts unpublished with every panel offered", async () => {
    const response = await api<Publication>(url("2026-Q4"), { cookie: admin, headers: authHeaders() });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      survey: slug,
      wave: "2026-Q4",
      published: false,
      panels: [...RESULT_PANELS],
      path: `/results/${slug}/2026-Q4`,
      publishedAt: null,
      publishedBy: null,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it("publishes chosen panels (in page order), records who and when, and keeps that when only panels change", async () => {
    const before = Date.now();
    const first = await put("2026-Q3", { published: true, panels: ["findings", "stage"] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      published: true,
      panels: ["stage", "findings"],
      publishedBy: testAdmin.email,
      updatedBy: testAdmin.email,
    });
    expect(Date.parse(first.body.publishedAt!)).toBeGreaterThanOrEqual(before - 1000);
    const second = await put("2026-Q3", { published: true, panels: ["top_concerns"] });
    expect(second.body).toMatchObject({ published: true, panels: ["top_concerns"], publishedAt: first.body.publishedAt });
    const { rows } = await testPool().query(
      `SELECT p.panels, p.published_by FROM results_publication p JOIN wave w ON w.id = p.wave_id JOIN survey s ON s.id = w.survey_id
        WHERE s.slug = $1 AND w.code = '2026-Q3'`,
      [slug],
    );
    expect(rows).toEqual([{ panels: ["top_concerns"], published_by: testAdmin.email }]);
  });

  it("unpublishes, keeping the panels for next time and who did it", async () => {
    await put("2026-Q2", { published: true });
    const off = await put("2026-Q2", { published: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({
      published: false,
      panels: [...RESULT_PANELS],
      publishedAt: null,
      publishedBy: null,
      updatedBy: testAdmin.email,
    });
    const again = await put("2026-Q2", { published: true });
    expect(again.body.published).toBe(true);
  });

  it("refuses drafts (409), unknown waves (404), unknown or repeated panels and extra fields (400)", async () => {
    const draft = await api(`/api/v1/surveys/${slug}/waves`, {
      method: "POST",
      body: { code: "pub-draft", title: "Draft", definition: instrumentV1, status: "draft" },
      cookie: admin,
      headers: authHeaders(),
    });
    expect(draft.status).toBe(201);
    expect((await put("pub-draft", { published: true })).body.error.code).toBe("wave_draft");
    expect((await put("no-such-wave", { published: true })).status).toBe(404);
    for (const body of [
      { published: true, panels: ["secret_rows"] },
      { published: true, panels: ["stage", "stage"] },
      { published: true, panels: [] },
      { published: "yes" },
      { published: true, by: "x" },
    ])
      expect((await put("2026-Q4", body)).status, JSON.stringify(body)).toBe(400);
  });

  it("is for admins only: an analyst is refused and nothing changes", async () => {
    expect((await api(url("2026-Q4"), { cookie: analyst, headers: authHeaders() })).status).toBe(403);
    expect((await put("2026-Q4", { published: true }, analyst)).status).toBe(403);
    expect((await api<Publication>(url("2026-Q4"), { cookie: admin, headers: authHeaders() })).body.published).toBe(false);
  });

  it("publishes and unpublishes from the waves dashboard's form, for admins only", async () => {
    const { slug: other } = await createTestSurvey("pubf");
    const page = `/dashboard/waves?survey=${other}`;
    const html = (await api<string>(page, { cookie: admin, headers: authHeaders() })).body;
    expect(html).toMatch(/Public results: (<!-- -->)?not public/);
    const fields = actionForm(html, 'data-publish="2026-Q3"');
    const state = async () =>
      (
        await testPool().query(
          `SELECT p.panels, p.published_at IS NOT NULL AS public FROM results_publication p JOIN wave w ON w.id = p.wave_id
            JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = '2026-Q3'`,
          [other],
        )
      ).rows;
    const publish: [string, string][] = [...fields, ["panels", "findings"], ["panels", "stage"], ["intent", "publish"]];
    await postAction(page, publish, analyst, { origin: own() });
    expect(await state()).toEqual([]); // an analyst's post changes nothing
    expect((await postAction(page, publish, admin, { origin: own() })).status).toBeLessThan(400);
    expect(await state()).toEqual([{ panels: ["stage", "findings"], public: true }]);
    const after = (await api<string>(page, { cookie: admin, headers: authHeaders() })).body;
    expect(after).toContain(`Published by ${testAdmin.email}`);
    expect((await postAction(page, [...fields, ["intent", "unpublish"]], admin, { origin: own() })).status).toBeLessThan(400);
    expect(await state()).toEqual([{ panels: ["stage", "findings"], public: false }]);
  });
});
