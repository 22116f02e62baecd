// The public results page in Chromium at 1280 and 375 px, signed out: the chosen panels render
// (charts drawn), no serious axe violation, nothing scrolls the page sideways, and printing leaves
// the "compare your organization" invitation off paper. Screenshots: tests/artifacts/public-results.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_WAVE, SURVEY_SLUG } from "@/lib/survey/instrument";
import { authHeaders, signIn } from "../helpers/auth";
import { describeViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool } from "../helpers/db";
import { api } from "../helpers/http";

const PATH = `/results/${SURVEY_SLUG}/${CURRENT_WAVE.code}`;
const publish = (cookie: string, published: boolean) =>
  api(`/api/v1/surveys/${SURVEY_SLUG}/waves/${CURRENT_WAVE.code}/publication`, {
    method: "PUT",
    body: { published },
    cookie,
    headers: authHeaders(),
  });

let admin = "";
let browser: Browser | undefined;
beforeAll(async () => {
  admin = await signIn();
  expect((await publish(admin, true)).status).toBe(200);
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await publish(admin, false);
  await closeTestPool();
});

describe("public results page", () => {
  for (const width of [1280, 375] as const) {
    it(`renders every panel signed out, axe clean, no sideways scroll, printable (${width} px)`, async () => {
      browser = await openBrowser({ width, height: width === 375 ? 812 : 900 });
      const { page } = browser;
      const response = await page.goto(PATH);
      expect(response?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: /Results/ }).waitFor();
      await page.getByTestId("heatmap").waitFor();
      await page.locator(".recharts-surface").first().waitFor();
      expect(await page.locator("[data-result-panel]").count()).toBe(7);
      await expect(page.getByTestId("protection-note").textContent()).resolves.toContain("Protected figures");
      await expect(page.getByRole("link", { name: "Compare your organization" }).getAttribute("href")).resolves.toBe(
        `/survey/${SURVEY_SLUG}`,
      );
      await page.mouse.move(0, 0);
      const problems = await seriousViolations(page);
      expect(problems, describeViolations(`public results at ${width}`, problems)).toEqual([]);
      const overflow = await sidewaysOverflow(page);
      expect(overflow.document, "the page scrolls sideways").toBeLessThanOrEqual(0);
      await screenshot(page, "public-results", `${width}-page`);
      await page.emulateMedia({ media: "print" });
      expect(await page.getByRole("link", { name: "Compare your organization" }).isVisible()).toBe(false);
      await screenshot(page, "public-results", `${width}-print`);
    });
  }
});
