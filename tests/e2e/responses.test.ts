import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { afterEach, describe, expect, it } from "vitest";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { testAdmin } from "../helpers/auth";
import { testEnv } from "../helpers/env";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const summary = async (b: Browser) => (await b.page.getByTestId("rows-summary").textContent()) ?? "";
const totalOf = (text: string) => Number(text.match(/of ([\d,]+)/)?.[1]?.replace(/,/g, ""));

describe("responses explorer in Chromium", () => {
  it("sorts, filters, pages, hides a column, opens a response and downloads a CSV", async () => {
    browser = await openBrowser({ width: 1366, height: 900 });
    const { page } = browser;
    await page.goto("/dashboard/responses");
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(testAdmin.email);
    await page.getByLabel("Password").fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard\/responses/);
    const table = page.getByTestId("responses-table");
    await table.waitFor();
    const allTotal = totalOf(await summary(browser));
    expect(allTotal).toBeGreaterThan(1000);

    // Sort by readiness index (descending first), then ascending.
    await table.getByRole("button", { name: /Readiness index/ }).click();
    await page.waitForURL(/sort=readiness_index/);
    await table.getByRole("button", { name: /Readiness index/ }).click();
    await page.waitForURL(/sort=readiness_index.*dir=asc|dir=asc.*sort=readiness_index/);
    await expect.poll(async () => table.locator("th[aria-sort=ascending]").count()).toBe(1);

    // Filter: the total follows.
    await page.locator('[data-filter="region"] summary').click();
    await page.getByRole("checkbox", { name: "East Asia", exact: true }).click();
    await page.waitForURL(/region=east_asia/);
    await expect.poll(async () => totalOf(await summary(browser!))).toBeLessThan(allTotal);
    await page.locator('[data-filter="region"] summary').click();

    // Next page.
    const firstPageIds = await table.locator("tr[data-row-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id")));
    await page.getByTestId("next-page").click();
    await page.waitForURL(/cursor=/);
    await expect.poll(() => summary(browser!)).toMatch(/^Showing 51–100 of/);
    const secondPageIds = await table.locator("tr[data-row-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id")));
    expect(secondPageIds.some((id) => firstPageIds.includes(id))).toBe(false);

    // Hide a column.
    await page.getByTestId("columns-menu").locator("summary").click();
    await page.getByTestId("columns-menu").getByRole("checkbox", { name: "Role" }).uncheck();
    await page.keyboard.press("Escape");
    await expect.poll(() => table.getByRole("columnheader", { name: /^Role/ }).count()).toBe(0);
    await screenshot(page, "responses", "00-explorer", false);

    // Open a response.
    const firstLink = table.getByRole("link", { name: /^Open response / }).first();
    await firstLink.click();
    await page.waitForURL(/\/dashboard\/responses\/[0-9a-f-]{36}(\?|$)/);
    await page.getByTestId("response-meta").waitFor();
    expect(await page.locator('[data-answer="industry"] dd').textContent()).not.toBe("Not answered");
    await screenshot(page, "responses", "01-detail");
    await page.goBack();
    await table.waitFor();

    // Download the CSV of the current filters: header and row count.
    const filteredTotal = totalOf(await summary(browser));
    // The bundle beside it: the same rows in a ZIP with the loaders.
    const [bundle] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-bundle").click()]);
    expect(bundle.suggestedFilename()).toBe("responses-2026-Q4.zip");
    const zipped = await bundle.path();
    const members = execFileSync("unzip", ["-Z1", zipped], { encoding: "utf8" }).trim().split("\n");
    expect(members).toEqual([
      "responses-2026-Q4.csv",
      "responses-2026-Q4.sps",
      "responses-2026-Q4.R",
      "responses-2026-Q4.do",
      "datapackage.json",
    ]);
    const bundled = Papa.parse(execFileSync("unzip", ["-p", zipped, "responses-2026-Q4.csv"], { encoding: "utf8" }), {
      header: true,
      skipEmptyLines: true,
    });
    expect(bundled.data).toHaveLength(filteredTotal);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const file = await download.path();
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields?.slice(0, 8)).toEqual([
      "response_id",
      "wave",
      "status",
      "source",
      "language",
      "started_at",
      "submitted_at",
      "readiness_index",
    ]);
    expect(parsed.data.every((row) => row.wave === "2026-Q4")).toBe(true);
    expect(parsed.meta.fields).toContain("concerns__latency");
    expect(parsed.data).toHaveLength(filteredTotal);
    expect(parsed.data.every((row) => row.region === "east_asia")).toBe(true);

    // The export is in the audit log, for admins.
    await page.goto("/dashboard/audit");
    const audit = page.getByTestId("audit");
    await audit.waitFor();
    const latest = () => audit.locator("tbody tr").first();
    expect(await latest().textContent()).toContain("responses.csv");
    // Closed as completed once the download ended, with COPY's row count.
    await expect
      .poll(async () => {
        await page.reload();
        return latest().getAttribute("data-outcome");
      })
      .toBe("completed");
    expect(await latest().locator("td").nth(4).textContent()).toBe(String(filteredTotal));
    await screenshot(page, "responses", "03-audit-log", false);
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "responses", "03-audit-log-mobile", false);
    await page.setViewportSize({ width: 1366, height: 900 });

    // A personal API token: shown once, works from a script, stops working when revoked.
    await page.goto("/dashboard/tokens");
    await page.getByLabel("Token name").fill("e2e script");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent()) ?? "";
    expect(token).toMatch(/^rr_[A-Za-z0-9_-]{43}$/);
    const call = () => fetch(`${testEnv.baseUrl}/api/v1/responses?limit=25`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await screenshot(page, "responses", "02-tokens", false);
    await page.reload();
    expect(await page.getByText(token).count()).toBe(0); // never shown again
    await page.getByTestId("tokens").locator("tr", { hasText: "e2e script" }).getByRole("button", { name: "Revoke" }).click();
    await expect.poll(async () => (await call()).status).toBe(401);
  });
});
