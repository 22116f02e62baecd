// The survey's step lives in the URL, so the browser's Back and Forward move between steps, and
// answers are saved whenever a step is left, not only on Next. Each test has a survey of its own.
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { AnswerValue } from "@/lib/survey/instrument-schema";
import { hashResumeToken, resumeCookieName } from "@/lib/survey/resume-token";
import { validAnswers } from "../helpers/answers";
import { describeViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";

let slug = "";
beforeAll(async () => {
  ({ slug } = await createTestSurvey("steps"));
});
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

const WIDTHS = [
  ["laptop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 812 }],
] as const;

const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);
const stepLabel = (page: Page) => page.getByTestId("progress-label").textContent();
const stepInUrl = (page: Page) => new URL(page.url()).searchParams.get("step");

/** Answers a question the way a person does: clicks the option's card, types the text. */
async function answer(page: Page, id: string, value: AnswerValue) {
  const q = question(page, id);
  if (typeof value === "string" && (await q.locator("textarea").count())) return q.locator("textarea").fill(value);
  if (Array.isArray(value) && (await q.locator("select").count())) {
    for (const [i, v] of value.entries()) await q.locator("select").nth(i).selectOption(v);
    return;
  }
  for (const v of Array.isArray(value) ? value : [value]) {
    const input = q.locator(`input[value="${v}"]`);
    if (!(await input.isChecked())) await q.locator(`label:has(input[value="${v}"])`).click();
  }
}

async function answerStep(page: Page, step: number) {
  const all = validAnswers();
  for (const q of instrumentV1.sections[step - 1]!.questions) if (all[q.id] !== undefined) await answer(page, q.id, all[q.id]!);
}

async function start(page: Page) {
  await page.goto(`/survey/${slug}`);
  await page.getByRole("checkbox", { name: /I agree to take part/ }).check();
  await page.getByRole("button", { name: "Start the survey" }).click();
  await expect.poll(() => stepLabel(page)).toBe("Step 1 of 6");
}

async function nextTo(page: Page, step: number) {
  await page.getByRole("button", { name: "Next" }).click();
  await expect.poll(() => stepLabel(page)).toBe(`Step ${step} of 6`);
}

/** The answers stored for this browser's draft (found by its resume cookie, as the server does). */
async function storedAnswers(browser: Browser): Promise<Record<string, unknown>> {
  const cookie = (await browser.context.cookies()).find((c) => c.name === resumeCookieName(slug));
  if (!cookie) return {};
  const { rows } = await testPool().query(`SELECT answers FROM response WHERE resume_token_hash = $1`, [hashResumeToken(cookie.value)]);
  return (rows[0]?.answers as Record<string, unknown>) ?? {};
}

describe("the survey step in the URL", () => {
  it.each(WIDTHS)(
    "on a %s, Back and Forward move between steps, a reload stays, step links go to steps reached",
    async (name, viewport) => {
      browser = await openBrowser(viewport);
      const { page } = browser;
      await start(page);
      expect(stepInUrl(page)).toBe("1");
      await answerStep(page, 1);
      await nextTo(page, 2);
      expect(stepInUrl(page)).toBe("2");
      await answerStep(page, 2);
      await nextTo(page, 3);
      expect(stepInUrl(page)).toBe("3");
      expect(await page.title()).toBe("Step 3 of 6: Readiness by dimension · Readiness Radar");

      // The browser's Back goes to the previous step, with its answers, not out of the survey.
      await page.goBack();
      await expect.poll(() => stepLabel(page)).toBe("Step 2 of 6");
      expect(stepInUrl(page)).toBe("2");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("How ready are you?");
      expect(await question(page, "ai_stage").locator('input[value="pilots"]').isChecked()).toBe(true);
      await page.goForward();
      await expect.poll(() => stepLabel(page)).toBe("Step 3 of 6");

      // A reload stays on the step.
      await page.reload();
      await expect.poll(() => stepLabel(page)).toBe("Step 3 of 6");
      expect(stepInUrl(page)).toBe("3");

      // Steps reached are links; later ones are not.
      const steps = page.getByRole("navigation", { name: "Survey steps" });
      expect(await steps.getByRole("link").allTextContents()).toEqual(["Step 1: About you", "Step 2: How ready are you?"]);
      await screenshot(page, "survey-steps", `step-links-${name}`, false);
      const problems = await seriousViolations(page);
      expect(problems, describeViolations(`step links (${name})`, problems)).toEqual([]);
      await steps.getByRole("link", { name: /^Step 1\b/ }).click();
      await expect.poll(() => stepLabel(page)).toBe("Step 1 of 6");
      expect(await question(page, "industry").locator('input[value="healthcare"]').isChecked()).toBe(true);
      await page.goBack();
      await expect.poll(() => stepLabel(page)).toBe("Step 3 of 6");

      // A step not reached yet cannot be opened by its URL: the furthest one reached opens instead.
      await page.goto(`/survey/${slug}?step=5`);
      await page.waitForURL((url) => url.searchParams.get("step") === "3");
      await expect.poll(() => stepLabel(page)).toBe("Step 3 of 6");
      expect(await sidewaysOverflow(page)).toEqual({ document: expect.any(Number), scrollers: [] });
      expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    },
  );
});

describe("saving on leaving a step", () => {
  it("saves what was typed when the respondent goes Back, follows a step link, uses the browser's Back, hides or leaves the page", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const b = browser;
    const { page } = b;
    const drafts = async () =>
      (
        await testPool().query(
          `SELECT count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1`,
          [slug],
        )
      ).rows[0].n as number;
    const before = await drafts();
    await start(page);
    await answerStep(page, 1);
    await nextTo(page, 2);
    await answerStep(page, 2);
    await nextTo(page, 3);
    const saved = (id: string) => expect.poll(async () => (await storedAnswers(b))[id], { timeout: 10_000 });

    // The page's Back button.
    await answer(page, "dim_strategy", 5);
    await page.getByRole("button", { name: "Back" }).click();
    await expect.poll(() => stepLabel(page)).toBe("Step 2 of 6");
    await saved("dim_strategy").toBe(5);

    // A step link.
    await answer(page, "ready_self", 2);
    await page.getByRole("link", { name: /^Step 3\b/ }).click();
    await expect.poll(() => stepLabel(page)).toBe("Step 3 of 6");
    await saved("ready_self").toBe(2);

    // The browser's Back.
    await answer(page, "dim_compute", 4);
    await page.goBack();
    await expect.poll(() => stepLabel(page)).toBe("Step 2 of 6");
    await saved("dim_compute").toBe(4);

    // The tab hidden (another tab, the phone's home screen): visibilitychange.
    await answer(page, "ready_team", 1);
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    });
    await saved("ready_team").toBe(1);

    // The page left for another site page (pagehide; a keepalive request outlives the page).
    await answer(page, "ready_org", 5);
    await page.goto("/architectures/regional-cloud");
    await saved("ready_org").toBe(5);

    // Back at the survey: it resumes at the furthest step reached, every answer restored.
    await page.goto(`/survey/${slug}`);
    await page.waitForURL((url) => url.searchParams.get("step") === "3");
    expect(await question(page, "dim_strategy").locator('input[value="5"]').isChecked()).toBe(true);
    expect(await question(page, "dim_compute").locator('input[value="4"]').isChecked()).toBe(true);
    expect(await drafts()).toBe(before + 1); // one draft, however many saves
  });
});

describe("ranking", () => {
  it.each(WIDTHS)(
    "on a %s, offers each concern once: a concern ranked in one place is unavailable in the others",
    async (name, viewport) => {
      browser = await openBrowser(viewport);
      const { page } = browser;
      await start(page);
      for (const step of [1, 2, 3]) {
        await answerStep(page, step);
        await nextTo(page, step + 1);
      }
      await answer(page, "excitements", ["productivity"]);
      await answer(page, "concerns", ["latency", "cost", "security"]);
      const ranks = question(page, "concerns_top3").locator("select");
      await ranks.nth(0).selectOption("latency");
      for (const slot of [1, 2]) {
        const option = ranks.nth(slot).locator('option[value="latency"]');
        expect(await option.isDisabled()).toBe(true);
        expect(await option.textContent()).toBe("Latency (ranked 1st)");
      }
      // The keyboard skips it too.
      await ranks.nth(1).focus();
      await page.keyboard.press("ArrowDown");
      expect(await ranks.nth(1).inputValue()).toBe("cost");
      expect(await ranks.nth(0).locator('option[value="cost"]').isDisabled()).toBe(true);
      // Changing the first place frees Latency for the others.
      await ranks.nth(0).selectOption("security");
      expect(await ranks.nth(1).locator('option[value="latency"]').isDisabled()).toBe(false);
      expect(await ranks.nth(1).locator('option[value="security"]').textContent()).toBe("Security (ranked 1st)");
      await question(page, "concerns_top3").scrollIntoViewIfNeeded();
      await screenshot(page, "survey-steps", `ranking-${name}`, false);
      const problems = await seriousViolations(page);
      expect(problems, describeViolations(`ranking (${name})`, problems)).toEqual([]);
      await ranks.nth(2).selectOption("latency");
      expect(await question(page, "concerns_top3").getByRole("alert").count()).toBe(0);
      await nextTo(page, 5); // a complete ranking passes Next
    },
  );
});
