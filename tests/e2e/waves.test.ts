// Publishing a wave from the dashboard in Chromium, on a survey of the test's own: a malformed
// definition shows every problem by its path; a valid one shows the diff against the open wave and
// a preview built from the respondent's components; publishing opens it (closing the previous
// wave), and a respondent then answers the new wave, its new question and option included.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundledV2 } from "@/lib/survey/instruments";
import type { AnswerValue } from "@/lib/survey/instrument-schema";
import { validAnswers } from "../helpers/answers";
import { expectAccessible } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { answer, check, logIn, malformed, question, v3 } from "../helpers/waves-ui";

let slug = "";
beforeAll(async () => {
  ({ slug } = await createTestSurvey("ui-wave"));
});
const browsers: Browser[] = [];
afterEach(async () => {
  for (const b of browsers.splice(0)) await b.close();
});
afterAll(closeTestPool);

describe("publishing a wave from the dashboard", () => {
  it("shows errors by path, the diff and a preview, publishes, and a respondent answers the new wave", async () => {
    const admin = await openBrowser({ width: 1280, height: 900 });
    browsers.push(admin);
    const { page } = admin;
    await logIn(admin, `/dashboard/waves/new?survey=${slug}`);
    await page.getByRole("heading", { name: "Publish a new wave" }).waitFor();

    // A malformed definition: every problem, each by its path.
    await check(page, malformed());
    await page.getByTestId("definition-errors").waitFor();
    const paths = await page.getByTestId("error-path").allTextContents();
    expect(paths).toEqual(
      expect.arrayContaining([
        "definition.title",
        "definition.sections[0].questions[0].options[0].id",
        "definition.sections[0].questions[0].options[1].id",
        "definition.sections[3].questions[2].slots",
      ]),
    );
    await expectAccessible(page, "definition errors");
    await screenshot(page, "waves", "01-errors-by-path");

    // A valid one: the diff against the open wave (2026-Q4), then the preview.
    await check(page, v3());
    await page.getByRole("status").filter({ hasText: "The definition is valid" }).waitFor();
    await page.getByTestId("wave-diff").waitFor();
    expect(await page.getByTestId("wave-diff").textContent()).toContain("Compared with wave 2026-Q4");
    expect(await page.getByTestId("diff-questions-added").textContent()).toContain("gpu_sourcing");
    expect(await page.getByTestId("diff-options-added").textContent()).toContain("ai_stage.agents_in_production");
    expect(await page.getByTestId("diff-comparable").textContent()).toMatch(/^(\d+) of \1 questions asked in both waves stay comparable/);
    expect(await page.getByTestId("diff-caveats").textContent()).toContain("agents_in_production has no earlier figures");
    await expectAccessible(page, "diff");
    await screenshot(page, "waves", "02-diff");

    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("survey-preview");
    await preview.getByRole("heading", { name: bundledV2.title }).waitFor();
    await preview.getByRole("checkbox", { name: /I agree to take part/ }).check();
    await preview.getByRole("button", { name: "Start the survey" }).click();
    await expect.poll(() => preview.getByTestId("progress-label").textContent()).toBe("Step 1 of 6");
    await preview.getByRole("link").filter({ hasText: "Your inference workloads" }).click();
    await question(page, "gpu_sourcing").waitFor();
    await answer(page, "gpu_sourcing", "own");
    expect(await question(page, "gpu_sourcing").locator('input[value="own"]').isChecked()).toBe(true);
    await expectAccessible(page, "preview");
    await screenshot(page, "waves", "03-preview");

    // Publish and open: the previous wave closes.
    await page.getByLabel("Wave code", { exact: true }).fill("2027-Q1");
    await page.getByLabel("Wave title", { exact: true }).fill("Q1 2027");
    expect(await page.getByText("Open now (wave 2026-Q4 closes)").count()).toBe(1);
    await page.getByRole("button", { name: "Publish and open" }).click();
    await page.getByRole("status").filter({ hasText: "Wave 2027-Q1 is open" }).waitFor();
    await page.getByRole("link", { name: "Back to the waves" }).click();
    await page.waitForURL(/\/dashboard\/waves\?survey=/);
    const status = (code: string) => page.locator(`[data-wave="${code}"] [data-testid="wave-status"]`).textContent();
    expect(await status("2027-Q1")).toBe("open");
    expect(await status("2026-Q4")).toBe("closed");
    expect(await status("2026-Q2")).toBe("closed");
    await expectAccessible(page, "waves list");
    await screenshot(page, "waves", "04-list");

    // On a phone: the list and the publish page fit the screen.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await sidewaysOverflow(page)).toEqual({ document: expect.any(Number), scrollers: [] });
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    await screenshot(page, "waves", "05-phone-list");
    await page.goto(`/dashboard/waves/new?survey=${slug}`);
    await check(page, v3());
    await page.getByTestId("wave-diff").waitFor();
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    await expectAccessible(page, "publish page on a phone");
    await screenshot(page, "waves", "06-phone-diff");

    // A respondent gets the new wave and answers it, new question and new option included.
    const respondent = await openBrowser({ width: 1280, height: 900 });
    browsers.push(respondent);
    const r = respondent.page;
    await r.goto(`/survey/${slug}`);
    await r.getByRole("checkbox", { name: /I agree to take part/ }).check();
    await r.getByRole("button", { name: "Start the survey" }).click();
    const answers: Record<string, AnswerValue> = { ...validAnswers({ ai_stage: "agents_in_production" }), gpu_sourcing: "neocloud" };
    const instrument = v3();
    for (const [i, section] of instrument.sections.entries()) {
      await expect.poll(() => r.getByTestId("progress-label").textContent()).toBe(`Step ${i + 1} of 6`);
      for (const q of section.questions) if (answers[q.id] !== undefined) await answer(r, q.id, answers[q.id]!);
      await r.getByRole("button", { name: i === instrument.sections.length - 1 ? "Submit" : "Next" }).click();
    }
    await r.waitForURL(new RegExp(`/survey/${slug}/result`));
    const { rows } = await testPool().query<{ code: string; answers: Record<string, unknown> }>(
      `SELECT w.code, r.answers FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
       WHERE s.slug = $1 AND r.status = 'complete'`,
      [slug],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      code: "2027-Q1",
      answers: expect.objectContaining({ gpu_sourcing: "neocloud", ai_stage: "agents_in_production" }),
    });

    // Closing asks first (Cancel changes nothing), then says what it did.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/dashboard/waves?survey=${slug}`);
    const open = page.locator('[data-wave="2027-Q1"]');
    await open.getByRole("button", { name: "Close 2027-Q1…" }).click();
    await open.getByText("Respondents can no longer answer 2027-Q1").waitFor();
    await open.getByRole("button", { name: "Cancel" }).click();
    expect(await status("2027-Q1")).toBe("open");
    await open.getByRole("button", { name: "Close 2027-Q1…" }).click();
    await expectAccessible(page, "close confirmation");
    await open.getByRole("button", { name: "Yes, close 2027-Q1" }).click();
    await open.getByRole("status").filter({ hasText: "2027-Q1 is closed." }).waitFor();
    await expect.poll(() => status("2027-Q1")).toBe("closed");
    await screenshot(page, "waves", "07-closed");
  });
});
