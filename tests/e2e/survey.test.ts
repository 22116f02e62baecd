import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { instrumentV1 } from "@/lib/survey/instrument";
import { describeViolations, ruleViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { testPool, closeTestPool } from "../helpers/db";

let browser: Browser | undefined;
afterEach(async () => {
  problems = [];
  await browser?.close();
  browser = undefined;
  await closeTestPool();
});

const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

async function chooseRadio(page: Page, id: string, label: string) {
  await question(page, id).getByRole("radio", { name: label, exact: true }).check();
}
async function rate(page: Page, id: string, score: number) {
  // Likert radios are visually hidden inside big tap targets; click the target like a person.
  await question(page, id)
    .locator("label")
    .nth(score - 1)
    .click();
}
async function tick(page: Page, id: string, labels: string[]) {
  for (const label of labels) await question(page, id).getByRole("checkbox", { name: label, exact: true }).check();
}
async function next(page: Page, expectStep: number | "result") {
  await page.getByRole("button", { name: /^(Next|Submit)$/ }).click();
  if (expectStep === "result") await page.waitForURL(/\/result$/);
  else await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe(`Step ${expectStep} of 6`);
}

/** Problems found on the way; each test asserts the list is empty at its end, so one run reports them all. */
let problems: string[] = [];

/** A page state: no serious axe violation, nothing scrolling sideways. */
async function checkPage(page: Page, where: string) {
  await page.mouse.move(0, 0);
  const found = await seriousViolations(page);
  if (found.length) console.error(describeViolations(where, found));
  problems.push(...found.map((p) => `${where}: ${p.id}: ${p.targets.join("; ")}`));
  const overflow = await sidewaysOverflow(page);
  if (overflow.document > 0 || overflow.scrollers.length) problems.push(`${where} scrolls sideways: ${JSON.stringify(overflow)}`);
}

/** Each step: one h1 naming the section, no serious axe violation, nothing scrolling sideways, in the URL. */
async function checkStep(page: Page, step: number) {
  await page.mouse.move(0, 0);
  const where = `step ${step} at ${page.viewportSize()?.width} px`;
  expect(await page.getByRole("heading", { level: 1 }).allTextContents(), where).toEqual([instrumentV1.sections[step - 1]!.title]);
  const found = [...(await seriousViolations(page)), ...(await ruleViolations(page, ["page-has-heading-one"]))];
  if (found.length) console.error(describeViolations(where, found));
  problems.push(...found.map((p) => `${where}: ${p.id}: ${p.targets.join("; ")}`));
  const overflow = await sidewaysOverflow(page);
  if (overflow.document > 0 || overflow.scrollers.length) problems.push(`${where} scrolls sideways: ${JSON.stringify(overflow)}`);
  expect(new URL(page.url()).searchParams.get("step"), where).toBe(String(step));
}

async function runSurvey(page: Page, group: string) {
  await page.goto("/");
  await screenshot(page, group, "00-home");
  await page.getByRole("link", { name: "Take the survey" }).first().click();
  await page.waitForURL(/\/survey\/ai-readiness$/);
  await page.getByRole("button", { name: "Start the survey" }).click();
  await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("tick the box");
  await screenshot(page, group, "01-intro-consent-error");
  await checkPage(page, `introduction with the consent error (${group})`);
  await page.getByRole("checkbox", { name: /I agree to take part/ }).check();
  await page.getByRole("button", { name: "Start the survey" }).click();

  // Step 1, with a validation error first: nothing answered yet.
  await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe("Step 1 of 6");
  await checkStep(page, 1);
  await page.getByRole("button", { name: "Next" }).click();
  await expect.poll(() => question(page, "industry").getByRole("alert").textContent()).toContain("Choose one option");
  expect(await question(page, "industry").getAttribute("aria-invalid")).toBe("true");
  await screenshot(page, group, "02-step1-validation-error");
  await checkPage(page, `step 1 with errors (${group})`);
  await chooseRadio(page, "industry", "Financial services");
  await chooseRadio(page, "region", "East Asia");
  await chooseRadio(page, "company_size", "10,000 – 49,999");
  await chooseRadio(page, "role", "Platform / infrastructure");
  expect(await question(page, "industry").getByRole("alert").count()).toBe(0);
  await screenshot(page, group, "03-step1-filled");
  await next(page, 2);
  await checkStep(page, 2);

  await rate(page, "ready_self", 4);
  await rate(page, "ready_team", 3);
  await rate(page, "ready_org", 2);
  await chooseRadio(page, "ai_stage", "Limited production A few use cases live");
  await screenshot(page, group, "04-step2");
  await next(page, 3);

  // Reload mid-way: the draft is resumed at the same step with earlier answers kept.
  await page.reload();
  await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe("Step 3 of 6");
  await expect.poll(() => page.getByRole("status").textContent()).toContain("Welcome back");
  await page.getByRole("button", { name: "Back" }).click();
  await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe("Step 2 of 6");
  expect(
    await question(page, "ai_stage")
      .getByRole("radio", { name: /Limited production/ })
      .isChecked(),
  ).toBe(true);
  await page.getByRole("button", { name: "Next" }).click();
  await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe("Step 3 of 6");
  await checkStep(page, 3);

  for (const [id, score] of [
    ["dim_strategy", 4],
    ["dim_compute", 3],
    ["dim_network", 2],
    ["dim_data", 3],
    ["dim_governance", 4],
    ["dim_talent", 2],
    ["dim_culture", 3],
  ] as const) {
    await rate(page, id, score);
  }
  await screenshot(page, group, "05-step3-dimensions");
  await next(page, 4);
  await checkStep(page, 4);

  await tick(page, "excitements", ["Productivity gains", "Automation with agents"]);
  await tick(page, "concerns", ["Latency", "Cost", "Data privacy & sovereignty", "Reliability"]);
  // Rank with the keyboard only: focus each select and press the arrow keys to choose. A concern
  // ranked in one place is unavailable in the others, so the arrow skips it.
  const ranks = question(page, "concerns_top3").getByRole("combobox");
  await ranks.nth(0).selectOption({ label: "Latency" });
  await ranks.nth(1).focus();
  await page.keyboard.press("ArrowDown"); // Cost: Latency (ranked 1st) is skipped
  await ranks.nth(2).selectOption({ label: "Data privacy & sovereignty" });
  expect(await ranks.nth(1).inputValue()).toBe("cost");
  expect(await ranks.nth(1).locator('option[value="latency"]').textContent()).toBe("Latency (ranked 1st)");
  await screenshot(page, group, "06-step4-concerns");
  await next(page, 5);
  await checkStep(page, 5);

  await tick(page, "workloads", ["Real-time chat / assistants", "Autonomous agents"]);
  await chooseRadio(page, "latency_budget", "100 – 250 ms");
  await chooseRadio(page, "user_geography", "Global");
  await chooseRadio(page, "traffic_shape", "Bursty");
  await tick(page, "model_sizes", ["Small domain-specific (under 10B)"]);
  await screenshot(page, group, "07-step5-workloads");
  await next(page, 6);
  await checkStep(page, 6);

  await tick(page, "infra_current", ["Centralized cloud region"]);
  await tick(page, "infra_planned", ["Hybrid (edge + central)", "Distributed edge"]);
  await question(page, "distributed_help").getByRole("textbox").fill("Agents close to traders in Tokyo <b>and</b> Singapore");
  await screenshot(page, group, "08-step6-infrastructure");
  await next(page, "result");

  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Where you stand");
  await page.getByTestId("dimension-chart").waitFor();
  expect(Number(await page.getByTestId("readiness-index").textContent())).toBe(50);
  expect(await page.getByTestId("readiness-stage").textContent()).toBe("Stage of readiness: Developing (3 of 5)");
  // Hundreds of seeded peers in the industry: a share of them, never "not enough peers".
  expect(await page.getByTestId("standing-industry").textContent()).toMatch(
    /^You score higher than (\d+%|less than 1%|more than 99%) of your [\d,]+ peers in Financial services\.$/,
  );
  // A recommendation for their own workload: real-time agents, global users, a 250 ms budget.
  const recommendation = page.getByTestId("recommendation");
  await recommendation.waitFor();
  expect(await recommendation.getByRole("heading", { level: 2 }).textContent()).toBeTruthy();
  expect(await recommendation.locator("table").first().locator("tbody tr").count()).toBe(8); // global users: every region
  expect(await page.getByTestId("latency-by-architecture").locator("tbody tr").count()).toBe(6); // every architecture
  await checkPage(page, `result (${group})`);
  await screenshot(page, group, "09-result");
}

describe("respondent flow in Chromium", () => {
  it("fills the whole survey on a laptop, with an error, a reload and a resume, and sees the result", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    await runSurvey(browser.page, "desktop");
    const { rows } = await testPool().query(
      `SELECT status::text, industry, region, stage, answers->'concerns_top3' AS top3, answers->>'distributed_help' AS text
       FROM response WHERE source = 'web' AND industry = 'financial_services' AND region = 'east_asia'
       ORDER BY submitted_at DESC NULLS LAST LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      status: "complete",
      industry: "financial_services",
      region: "east_asia",
      stage: "limited_production",
      top3: ["latency", "cost", "privacy_sovereignty"],
      text: "Agents close to traders in Tokyo <b>and</b> Singapore",
    });
    // Back on the survey, a finished respondent goes to their result rather than a second response.
    await browser.page.goto("/survey/ai-readiness");
    await browser.page.waitForURL(/\/result$/);
    expect(problems).toEqual([]);
  });

  it("works the same at 375 px wide, without sideways scrolling", async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    await runSurvey(browser.page, "mobile");
    const overflow = await browser.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
