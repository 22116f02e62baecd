import { afterEach, describe, expect, it } from "vitest";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { testAdmin } from "../helpers/auth";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe("findings in Chromium", () => {
  it("lists findings, follows one to its evidence and to its architecture, and prints a report", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await page.goto("/dashboard/findings");
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(testAdmin.email);
    await page.getByLabel("Password").fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard\/findings/);
    const findings = page.getByTestId("findings");
    await findings.waitFor();
    expect(await findings.locator("li[data-finding]").count()).toBeGreaterThan(3);
    await screenshot(page, "findings", "00-findings", false);

    // Evidence: the comparison view for the finding's segment, with a significant row.
    const stage = page.locator('li[data-finding="stage.production.technology.any.any"]');
    await stage.locator("[data-evidence]").click();
    await page.waitForURL(/\/dashboard\/compare\?.*a_industry=technology.*b=rest/);
    await page.getByTestId("comparison").waitFor();
    expect(await page.locator("tr[data-significant]").count()).toBeGreaterThan(0);
    await page.goBack();
    await findings.waitFor();

    // Architecture page of the first finding's recommendation.
    const first = findings.locator("li[data-finding]").first();
    const architecture = first.locator('a[href^="/architectures/"]').first();
    const name = await architecture.textContent();
    await architecture.click();
    await page.waitForURL(/\/architectures\/[a-z_]+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    expect(await page.getByRole("heading", { name: "When it fits" }).count()).toBe(1);
    await screenshot(page, "findings", "01-architecture");

    await page.goto("/dashboard/findings/report");
    await page.getByRole("heading", { name: "AI inference readiness: findings" }).waitFor();
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "findings", "02-printable-report");
  });
});
