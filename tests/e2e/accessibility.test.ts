// Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every respondent and analyst page, zero
// serious or critical violations; the whole survey completed with the keyboard alone.
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { testAdmin } from "../helpers/auth";
import { describeViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool, testPool } from "../helpers/db";

let browser: Browser | undefined;
afterEach(async () => {
  found = [];
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

/** Violations found so far in the current test; each test asserts the list is empty at its end,
 * so one run reports every page's problems rather than only the first page's. */
let found: string[] = [];

/** Runs axe and records a readable list of what is wrong and where. */
async function expectAccessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  const problems = await seriousViolations(page);
  if (problems.length) console.error(describeViolations(where, problems));
  found.push(...problems.map((p) => `${where}: ${p.id} (${p.impact}): ${p.targets.join("; ")}`));
}

function expectNoViolations() {
  expect(found).toEqual([]);
  found = [];
}

interface Focused {
  tag: string;
  type: string;
  name: string;
  id: string;
  text: string;
  question: string | null;
  /** A visible focus indicator on the element or the card (label) around it. */
  indicator: boolean;
}

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const shows = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      return outline || (style.boxShadow !== "none" && style.boxShadow !== "");
    };
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? "",
      name: el.getAttribute("name") ?? "",
      id: el.id,
      text: (el.textContent ?? "").trim(),
      question: el.closest("[data-question]")?.getAttribute("data-question") ?? null,
      indicator: shows(el) || shows(el.closest("label")),
    };
  });

/** Presses Tab until the focused element matches; fails after a full cycle of the page. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean): Promise<Focused> {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now && match(now)) return now;
  }
  throw new Error(`Tab never reached ${what}`);
}

const stepLabel = (page: Page) => page.getByTestId("progress-label").textContent();

describe("accessibility in Chromium", () => {
  it("completes the whole survey with the keyboard alone, with visible focus and no serious axe violations on any step", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await page.goto("/survey/ai-readiness");
    await page.getByRole("button", { name: "Start the survey" }).waitFor();
    await expectAccessible(page, "survey intro");

    const indicators: Record<string, boolean> = {};
    const consent = await tabTo(page, "the consent checkbox", (f) => f.type === "checkbox");
    indicators.checkbox = consent.indicator;
    await page.keyboard.press("Space");
    const start = await tabTo(page, "Start the survey", (f) => f.tag === "button" && f.text === "Start the survey");
    indicators.button = start.indicator;
    await page.keyboard.press("Enter");
    await expect.poll(() => stepLabel(page)).toBe("Step 1 of 6");

    for (let step = 1; step <= instrumentV1.sections.length; step++) {
      await expectAccessible(page, `survey step ${step}`);
      const section = instrumentV1.sections[step - 1]!;
      for (const question of section.questions) {
        switch (question.type) {
          case "single":
          case "likert": {
            // Tab lands on the group's first radio; an arrow key moves to (and chooses) the next one.
            const f = await tabTo(page, question.id, (x) => x.type === "radio" && x.name === question.id);
            indicators[question.type] = f.indicator;
            await page.keyboard.press("ArrowRight");
            break;
          }
          case "multi": {
            const f = await tabTo(page, question.id, (x) => x.type === "checkbox" && x.name === question.id);
            indicators.multi = f.indicator;
            await page.keyboard.press("Space");
            break;
          }
          case "rank": {
            // One concern was ticked, so there is one slot to fill: the first option after "Choose…".
            const f = await tabTo(page, question.id, (x) => x.tag === "select" && x.question === question.id);
            indicators.select = f.indicator;
            await page.keyboard.press("ArrowDown");
            break;
          }
          case "text": {
            const f = await tabTo(page, question.id, (x) => x.tag === "textarea" && x.question === question.id);
            indicators.textarea = f.indicator;
            await page.keyboard.type("Edge inference near our users, typed with the keyboard");
            break;
          }
        }
      }
      const last = step === instrumentV1.sections.length;
      await tabTo(page, last ? "Submit" : "Next", (f) => f.tag === "button" && f.text === (last ? "Submit" : "Next"));
      await page.keyboard.press("Enter");
      if (last) await page.waitForURL(/\/result$/);
      else await expect.poll(() => stepLabel(page)).toBe(`Step ${step + 1} of 6`);
    }

    await page.getByTestId("readiness-index").waitFor();
    await page.getByTestId("dimension-chart").waitFor();
    await expectAccessible(page, "result page");
    expect(indicators).toEqual({ checkbox: true, button: true, single: true, likert: true, multi: true, select: true, textarea: true });

    const { rows } = await testPool().query(
      `SELECT status::text, answers->>'distributed_help' AS text FROM response WHERE source = 'web' AND ` +
        `answers->>'distributed_help' LIKE '%typed with the keyboard' ORDER BY submitted_at DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({ status: "complete", text: "Edge inference near our users, typed with the keyboard" });

    // The delete control is reachable and opens its confirmation with the keyboard too.
    await tabTo(page, "Delete my response", (f) => f.tag === "button" && f.text === "Delete my response");
    await page.keyboard.press("Enter");
    await page.getByRole("group", { name: "Delete your response for good?" }).waitFor();
    await expectAccessible(page, "result page, delete confirmation");
    await screenshot(page, "privacy", "result-delete-confirm-laptop");
    await tabTo(page, "Cancel", (f) => f.tag === "button" && f.text === "Cancel");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Delete my response", exact: true }).waitFor();
    await screenshot(page, "privacy", "result-laptop");
    expectNoViolations();
  });

  it("on a phone, a respondent deletes their own response from the result page after confirming", async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    const { page, context } = browser;
    let id = "";
    for (let i = 0; i < instrumentV1.sections.length; i++) {
      const all = validAnswers();
      const answers = Object.fromEntries(instrumentV1.sections[i]!.questions.map((q) => [q.id, all[q.id] ?? null]));
      const saved = await context.request.put("/api/v1/surveys/ai-readiness/draft", { data: { step: i + 1, answers } });
      expect(saved.status()).toBe(200);
      id = ((await saved.json()) as { draft: { id: string } }).draft.id;
    }
    expect(
      (await context.request.post("/api/v1/surveys/ai-readiness/draft/submit", { data: { submissionId: randomUUID() } })).status(),
    ).toBe(201);

    await page.goto("/survey/ai-readiness/result");
    await page.getByTestId("readiness-index").waitFor();
    await page.getByTestId("dimension-chart").waitFor();
    await expectAccessible(page, "result page (phone)");
    const control = page.getByTestId("delete-response");
    await control.scrollIntoViewIfNeeded();
    await screenshot(page, "privacy", "result-phone");
    await control.getByRole("button", { name: "Delete my response", exact: true }).click();
    await control.getByRole("button", { name: "Yes, delete my response", exact: true }).waitFor();
    await screenshot(page, "privacy", "result-delete-confirm-phone", false);
    await expectAccessible(page, "result page, delete confirmation (phone)");
    expect(await sidewaysOverflow(page)).toEqual({ document: expect.any(Number), scrollers: [] });
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);

    // The connection fails: the page does not claim to know whether anything was deleted.
    await page.route("**/api/v1/surveys/ai-readiness/response", (route) => route.abort("connectionreset"));
    await control.getByRole("button", { name: "Yes, delete my response", exact: true }).click();
    await control.getByText("cannot tell whether your response was deleted", { exact: false }).waitFor();
    await page.unroute("**/api/v1/surveys/ai-readiness/response");

    await control.getByRole("button", { name: "Yes, delete my response", exact: true }).click();
    await page.waitForURL(/\/result\?deleted=1$/);
    await page.getByTestId("response-deleted").waitFor();
    await expectAccessible(page, "result page after deletion");
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM response WHERE id = $1`, [id]);
    expect(rows[0].n).toBe(0);
    // The cookie went with it: the survey starts afresh.
    await page.goto("/survey/ai-readiness");
    await page.getByRole("button", { name: "Start the survey" }).waitFor();
    expectNoViolations();
  });

  it("has no serious or critical axe violations on login and the analyst pages", async () => {
    browser = await openBrowser({ width: 1366, height: 900 });
    const { page } = browser;
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await expectAccessible(page, "login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("Enter your email address").count()).toBe(1);
    await expectAccessible(page, "login with errors");
    await page.getByLabel("Email").fill(testAdmin.email);
    await page.getByLabel("Password").fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));

    await page.getByTestId("heatmap").waitFor();
    await page.locator(".recharts-surface").first().waitFor();
    await expectAccessible(page, "dashboard overview");

    await page.goto("/dashboard/compare?a_industry=technology&b=rest");
    await page.getByTestId("comparison").waitFor();
    await expectAccessible(page, "compare");

    await page.goto("/dashboard/responses");
    const table = page.getByTestId("responses-table");
    await table.waitFor();
    await expectAccessible(page, "responses explorer");
    await page.getByTestId("columns-menu").locator("summary").click();
    await expectAccessible(page, "responses explorer, columns menu open");
    await page.keyboard.press("Escape");

    await table
      .getByRole("link", { name: /^Open response / })
      .first()
      .click();
    await page.waitForURL(/\/dashboard\/responses\/[0-9a-f-]{36}$/);
    await page.getByTestId("response-meta").waitFor();
    await expectAccessible(page, "response detail");

    await page.goto("/dashboard/findings");
    await page.getByTestId("findings").waitFor();
    await expectAccessible(page, "findings");

    await page.goto("/dashboard/findings/report");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(page, "findings report");
    expectNoViolations();
  });
});
