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
    // The header counts the architectures the findings point to: several, not one for all.
    const distribution = page.getByTestId("architecture-distribution");
    expect(await distribution.locator('li[data-architecture]:not([data-architecture="none"])').count()).toBeGreaterThanOrEqual(3);
    const counted = await distribution
      .locator("li[data-architecture]")
      .evaluateAll((items) => items.map((i) => Number(i.getAttribute("data-count"))));
    const total = Number((await page.getByTestId("findings-count").textContent())?.split(" ")[0]);
    expect(counted.reduce((s, n) => s + n, 0)).toBe(total);
    await screenshot(page, "findings", "00-findings", false);

    // Evidence: the comparison view for the finding's segment, with a significant row.
    const stage = page.locator('li[data-finding="stage.production.technology.any.any"]');
    await stage.locator("[data-evidence]").click();
    await page.waitForURL(/\/dashboard\/compare\?.*a_industry=technology.*b=rest/);
    await page.getByTestId("comparison").waitFor();
    expect(await page.locator("tr[data-significant]").count()).toBeGreaterThan(0);
    await page.goBack();
    await findings.waitFor();

    // Architecture page of the first finding that points to one.
    const first = findings
      .locator("li[data-finding]")
      .filter({ has: page.locator('a[href^="/architectures/"]') })
      .first();
    const architecture = first.locator('a[href^="/architectures/"]').first();
    const name = await architecture.textContent();
    await architecture.click();
    await page.waitForURL(/\/architectures\/[a-z_]+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    expect(await page.getByRole("heading", { name: "When it fits" }).count()).toBe(1);
    await screenshot(page, "findings", "01-architecture");

    await page.goto("/dashboard/findings/report?industry=technology");
    await page.getByRole("heading", { name: "AI inference readiness: findings" }).waitFor();
    // The generated PDF of the same report, filters included, downloaded with the browser's session.
    const pdfLink = page.getByRole("link", { name: "Download PDF" });
    await screenshot(page, "findings", "02-report-downloads", false);
    expect(await pdfLink.getAttribute("href")).toBe("/api/v1/findings/report.pdf?wave=2026-Q4&industry=technology");
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe("findings-2026-Q4.pdf");
    const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "findings", "02-printable-report");
  });
});

describe("findings and comparison on a phone", () => {
  it("fit 375 px: the architecture counts wrap, the comparison's tables scroll inside their boxes", async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    const { page } = browser;
    await page.goto("/dashboard/findings");
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(testAdmin.email);
    await page.getByLabel("Password").fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard\/findings/);
    await page.getByTestId("architecture-distribution").waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, "findings", "03-phone-findings", false);
    await page.goto("/dashboard/compare?a_industry=technology&b=rest");
    await page.getByTestId("question-tests").waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, "findings", "04-phone-compare", false);
  });
});
