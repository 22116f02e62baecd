// The Trends view in Chromium at desktop and phone widths: it renders the waves oldest first, the
// note on a changed option, charts and tables; axe finds no serious or critical violation; nothing
// makes the page scroll sideways. Screenshots: <artifacts>/trends/*.png.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testAdmin } from "../helpers/auth";
import { describeViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool } from "../helpers/db";
import { TREND_WAVES, ensureWaves, trendWaveSpecs } from "../helpers/waves";

let browser: Browser | undefined;
beforeAll(async () => {
  await ensureWaves(trendWaveSpecs());
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

const PATH = `/dashboard/trends?waves=${TREND_WAVES.join(",")}`;

async function logIn(b: Browser, path: string) {
  const { page } = b;
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(testAdmin.email);
  await page.getByLabel("Password").fill(testAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard/trends"));
}

describe("Trends view in Chromium", () => {
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 375, height: 812 }],
  ] as const) {
    it(`shows the waves in order, the changed-option note, charts and tables, accessibly (${name})`, async () => {
      browser = await openBrowser(viewport);
      const { page } = browser;
      await logIn(browser, PATH);
      await page.getByTestId("trends").waitFor();
      const waves = await page.locator("[data-wave]").evaluateAll((els) => els.map((el) => el.getAttribute("data-wave")));
      expect(waves).toEqual([...TREND_WAVES]);
      expect(await page.getByTestId("trend-notes").textContent()).toContain("Sovereign cloud");
      // recharts draws each measure's lines once the container has a size.
      await expect.poll(() => page.locator(".recharts-line").count()).toBeGreaterThan(3);
      expect(await page.locator('tr[data-series="index"] td').count()).toBe(TREND_WAVES.length * 2 - 1);
      await page.mouse.move(0, 0);
      await screenshot(page, "trends", `${name}-trends`);
      const problems = await seriousViolations(page);
      expect(problems, describeViolations(`trends (${name})`, problems)).toEqual([]);
      // What sticks out past the right edge, if anything: the outermost elements that do.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => {
            const out = (e: Element | null) => (e ? e.getBoundingClientRect().right > window.innerWidth + 1 : false);
            return out(el) && !out(el.parentElement);
          })
          .slice(0, 20)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`),
      );
      expect((await sidewaysOverflow(page)).document, wide.join("; ")).toBeLessThanOrEqual(0);

      // The form's choices land in the URL: one industry across the same waves.
      await page.locator('[data-filter="industry"] summary').click();
      await page.getByRole("checkbox", { name: "Technology & software" }).check();
      await page.locator('[data-filter="industry"] summary').click(); // closes the list, which may cover Apply on a phone
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/industry=technology/);
      await page.getByTestId("trends").waitFor();
      expect(new URL(page.url()).searchParams.getAll("waves").sort()).toEqual([...TREND_WAVES]);
    });
  }

  it("shows the demo's three waves, the newest on a newer questionnaire (1280 px)", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await logIn(browser, "/dashboard/trends?waves=2026-Q2,2026-Q3,2026-Q4");
    await page.getByTestId("trends").waitFor();
    expect(await page.locator("[data-wave]").evaluateAll((els) => els.map((el) => el.getAttribute("data-wave")))).toEqual([
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    await expect.poll(() => page.locator(".recharts-line").count()).toBeGreaterThan(3);
    await page.mouse.move(0, 0);
    await screenshot(page, "trends", "demo-waves");
    const problems = await seriousViolations(page);
    expect(problems, describeViolations("trends (demo waves)", problems)).toEqual([]);
  });
});
