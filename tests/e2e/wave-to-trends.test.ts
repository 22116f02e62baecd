// From publishing to trends, in Chromium, on an app of its own (its own database: publishing opens
// a new wave of the dashboards' survey, which the suite's other tests must not see): an admin
// publishes a wave in the dashboard, a respondent answers it, and Trends covers it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue } from "@/lib/survey/instrument-schema";
import { ensureAdmin } from "@/scripts/lib/admin";
import { ensureSurvey } from "@/scripts/lib/bootstrap";
import { withClient } from "@/scripts/lib/database";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { insertDemoWaves } from "@/scripts/lib/seed-insert";
import { validAnswers } from "../helpers/answers";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { closeTestPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { createOwnDatabase, type OwnDatabase } from "../helpers/own-database";
import { startTestServer, type TestServer } from "../helpers/server";
import { answer, check, logIn, v3 } from "../helpers/waves-ui";

let database: OwnDatabase | undefined;
let server: TestServer | undefined;
const account = { email: `trends-${randomBytes(4).toString("hex")}@radar.test`, password: randomBytes(18).toString("base64url") };
const browsers: Browser[] = [];

beforeAll(async () => {
  database = await createOwnDatabase("wave_trends");
  const url = database.url;
  await migrateDeploy(url);
  await withClient(url, async (client) => {
    const survey = await ensureSurvey(client);
    await insertDemoWaves(client, survey.demoWaves, {
      responses: 120,
      olderResponses: 120,
      seed: 11,
      method: testEnv.embeddedDatabase ? "insert" : "copy",
    });
  });
  server = await startTestServer({ DATABASE_URL: url });
  await ensureAdmin(url, testEnv.authSecret, server.baseUrl, account.email, account.password, "Wave to trends");
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
  await database?.drop();
  await closeTestPool();
});

describe("a wave from publishing to trends", () => {
  it("is published in the dashboard, answered by a respondent, and covered by Trends", async () => {
    const baseUrl = server!.baseUrl;
    const admin = await openBrowser({ width: 1280, height: 900 }, { baseUrl });
    browsers.push(admin);
    const { page } = admin;
    await logIn(admin, "/dashboard/waves/new", account);
    await check(page, v3());
    await page.getByTestId("wave-diff").waitFor();
    await page.getByLabel("Wave code", { exact: true }).fill("2027-Q1");
    await page.getByLabel("Wave title", { exact: true }).fill("Q1 2027");
    await page.getByRole("button", { name: "Publish and open" }).click();
    await page.getByRole("status").filter({ hasText: "Wave 2027-Q1 is open" }).waitFor();

    const respondent = await openBrowser({ width: 375, height: 812 }, { baseUrl });
    browsers.push(respondent);
    const r = respondent.page;
    await r.goto("/survey/ai-readiness");
    await r.getByRole("checkbox", { name: /I agree to take part/ }).check();
    await r.getByRole("button", { name: "Start the survey" }).click();
    const answers: Record<string, AnswerValue> = { ...validAnswers({ ai_stage: "agents_in_production" }), gpu_sourcing: "own" };
    const instrument = v3();
    for (const [i, section] of instrument.sections.entries()) {
      await expect.poll(() => r.getByTestId("progress-label").textContent()).toBe(`Step ${i + 1} of ${instrument.sections.length}`);
      for (const q of section.questions) if (answers[q.id] !== undefined) await answer(r, q.id, answers[q.id]!);
      await r.getByRole("button", { name: i === instrument.sections.length - 1 ? "Submit" : "Next" }).click();
    }
    await r.waitForURL(/\/survey\/ai-readiness\/result/);

    await page.goto("/dashboard/trends");
    const covered = page.getByRole("list", { name: "Waves covered" });
    await covered.locator('[data-wave="2027-Q1"]').waitFor();
    expect(await covered.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-wave")))).toEqual([
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
    // One response so far: fewer than k, so withheld, and said so rather than shown as 0.
    const newest = (await covered.locator('[data-wave="2027-Q1"]').textContent()) ?? "";
    expect(newest).toContain("Q1 2027");
    expect(newest).not.toMatch(/:\s*[01] responses/);
    await screenshot(page, "trends", "after-publishing");
  }, 180_000);
});
