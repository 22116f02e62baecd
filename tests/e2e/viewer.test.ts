// A viewer end to end in Chromium: an admin creates one under Dashboard → Accounts (role choice),
// the viewer signs in and sees a menu of aggregate views only, and an analyst page typed into
// the address bar sends them back to the overview.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { testAdmin } from "../helpers/auth";

const browsers: Browser[] = [];
afterEach(async () => {
  while (browsers.length) await browsers.pop()!.close();
});

async function signInAs(b: Browser, email: string, password: string, path: string) {
  const { page } = b;
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));
}

const menuLabels = (b: Browser) => b.page.getByRole("navigation", { name: "Dashboard" }).getByRole("link").allTextContents();

describe("viewer role in Chromium", () => {
  it("an admin creates a viewer, who sees only the aggregate views", async () => {
    const admin = await openBrowser({ width: 1280, height: 900 });
    browsers.push(admin);
    await signInAs(admin, testAdmin.email, testAdmin.password, "/dashboard/users");
    expect(await menuLabels(admin)).toEqual([
      "Overview",
      "Compare segments",
      "Trends",
      "Findings",
      "Responses",
      "API tokens",
      "Accounts",
      "Waves",
      "Audit log",
    ]);
    const email = `viewer-${randomBytes(4).toString("hex")}@radar.test`;
    const password = `viewer-${randomBytes(9).toString("base64url")}`;
    await admin.page.getByLabel("Name", { exact: true }).fill("E2E Viewer");
    await admin.page.getByLabel("Email").fill(email);
    await admin.page.getByLabel(/Initial password/).fill(password);
    await admin.page.getByLabel("Role").selectOption("viewer");
    await admin.page.getByRole("button", { name: "Create account" }).click();
    await admin.page
      .getByRole("status")
      .filter({ hasText: `Created ${email} as viewer` })
      .waitFor();
    await screenshot(admin.page, "viewer", "01-admin-created-viewer");

    const viewer = await openBrowser({ width: 1280, height: 900 });
    browsers.push(viewer);
    await signInAs(viewer, email, password, "/dashboard");
    expect(await menuLabels(viewer)).toEqual(["Overview", "Compare segments", "Trends", "Findings"]);
    await expect.poll(() => viewer.page.getByTestId("signed-in-as").textContent()).toContain("viewer");
    expect(await viewer.page.getByRole("link", { name: "See these responses" }).count()).toBe(0);
    expect(await viewer.page.getByRole("link", { name: "Download tables (CSV)" }).count()).toBe(1);
    await viewer.page.getByTestId("heatmap").waitFor();
    await screenshot(viewer.page, "viewer", "02-viewer-overview");

    for (const path of ["/dashboard/responses", "/dashboard/tokens", "/dashboard/users"]) {
      await viewer.page.goto(path);
      await viewer.page.waitForURL((url) => url.pathname === "/dashboard");
    }
    const menu = viewer.page.getByRole("navigation", { name: "Dashboard" });
    await menu.getByRole("link", { name: "Findings" }).click();
    await viewer.page.waitForURL((url) => url.pathname === "/dashboard/findings");
    await expect.poll(() => menu.getByRole("link", { name: "Findings" }).getAttribute("aria-current")).toBe("page");
  });
});
