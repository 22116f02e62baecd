import { afterEach, describe, expect, it } from "vitest";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { testAdmin } from "../helpers/auth";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function logIn(b: Browser, path = "/dashboard") {
  const { page } = b;
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(testAdmin.email);
  await page.getByLabel("Password").fill(testAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));
}

describe("analyst dashboards in Chromium", () => {
  it("logs in, filters through the URL, goes Back, and opens a comparison with a significant difference", async () => {
    browser = await openBrowser({ width: 1366, height: 900 });
    const { page } = browser;
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("Enter your email address").count()).toBe(1);
    await screenshot(page, "dashboard", "00-login-validation");

    await logIn(browser);
    const total = await page.getByTestId("kpi-complete").textContent();
    expect(Number(total?.replace(/,/g, ""))).toBeGreaterThan(1000);
    await page.getByTestId("heatmap").waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "dashboard", "01-overview");

    // Filter: Industry = Technology & software. The URL changes and so do the figures.
    await page.locator('[data-filter="industry"] summary').click();
    await page.getByRole("checkbox", { name: "Technology & software" }).check();
    await page.waitForURL(/industry=technology/);
    await expect.poll(() => page.getByTestId("kpi-complete").textContent()).not.toBe(total);
    const filtered = await page.getByTestId("kpi-complete").textContent();
    await page.locator('[data-filter="industry"] summary').click();
    await page.mouse.move(0, 0);
    await screenshot(page, "dashboard", "02-filtered-technology");

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("industry="));
    await expect.poll(() => page.getByTestId("kpi-complete").textContent()).toBe(total);
    await page.goForward();
    await expect.poll(() => page.getByTestId("kpi-complete").textContent()).toBe(filtered);

    // Compare this segment with everyone else.
    await page.getByRole("link", { name: /Compare this segment with everyone else/ }).click();
    await page.waitForURL(/\/dashboard\/compare\?.*a_industry=technology/);
    await page.getByTestId("comparison").waitFor();
    const count = await page.getByTestId("significant-count").textContent();
    expect(Number(count?.split(" ")[0])).toBeGreaterThan(0);
    expect(await page.locator("tr[data-significant]").count()).toBeGreaterThan(0);
    await screenshot(page, "dashboard", "03-compare");
  });

  it("shows a notice for filters it cannot understand, and works on a phone", async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    await logIn(browser, "/dashboard?industry=banking&from=yesterday");
    const notice = browser.page.getByTestId("filter-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("industry");
    expect(await notice.textContent()).toContain("from");
    await browser.page.getByTestId("heatmap").waitFor();
    await screenshot(browser.page, "dashboard", "04-phone-overview");
    const overflow = await browser.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
