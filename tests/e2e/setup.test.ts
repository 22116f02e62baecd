// The first-admin journey on a database of its own: the one-time setup link creates the admin,
// the link then stops working, and the new admin signs in and creates an analyst, who can read
// dashboards but not manage accounts.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSetupToken } from "@/scripts/lib/admin";
import { ensureSurvey } from "@/scripts/lib/bootstrap";
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { insertDemoResponses } from "@/scripts/lib/seed-insert";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { startTestServer, type TestServer } from "../helpers/server";

let database: EmbeddedPostgres;
let dataDir: string;
let server: TestServer;
let baseUrl: string;
let token: string;
let browser: Browser | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "rr-setup-pg-"));
  database = await startEmbeddedPostgres(dataDir);
  await migrateDeploy(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { waveId } = await ensureSurvey(client);
  await insertDemoResponses(client, { waveId, responses: 300, seed: 3 });
  token = (await issueSetupToken(client)) ?? "";
  expect(await issueSetupToken(client)).not.toBeNull(); // still no admin: another link may be issued
  await client.end();
  server = await startTestServer({
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    DB_POOL_SIZE: EMBEDDED_POOL_SIZE,
  });
  baseUrl = server.baseUrl;
});

afterAll(async () => {
  await browser?.close();
  await server.stop();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("first admin and accounts", () => {
  it("creates the first admin from the setup link, which then stops working", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    const at = (p: string) => `${baseUrl}${p}`;
    await page.goto(at(`/setup?token=${token}`));
    await page.getByLabel("Password (12 characters or more)").fill("short");
    await page.getByLabel("Your name").fill("Ada Admin");
    await page.getByLabel("Email").fill("ada@radar.test");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect.poll(() => page.getByText("Use at least 12 characters").count()).toBe(1);
    // What was typed (except the password) is still there.
    expect(await page.getByLabel("Email").inputValue()).toBe("ada@radar.test");
    await screenshot(page, "accounts", "00-setup-validation");
    await page.getByLabel("Password (12 characters or more)").fill("correct horse battery");
    await page.getByRole("button", { name: "Create admin account" }).click();
    // Signed in at once: no second trip through the sign-in page.
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByTestId("signed-in-as").textContent()).toContain("ada@radar.test");

    // The link is spent.
    await page.goto(at(`/setup?token=${token}`));
    expect(await page.getByText("This setup link is not valid").count()).toBe(1);

    await page.goto(at("/dashboard/users"));
    await page.waitForURL(/\/dashboard\/users/);

    // The admin creates an analyst.
    await page.getByLabel("Name").fill("Alan Analyst");
    await page.getByLabel("Email").fill("alan@radar.test");
    await page.getByLabel("Initial password (12+ characters)").fill("analyst password 1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Created alan@radar.test as analyst");
    // The accounts table shows it without a reload.
    await expect.poll(() => page.getByRole("cell", { name: "alan@radar.test", exact: true }).count()).toBe(1);
    await screenshot(page, "accounts", "01-accounts");
    await browser.close();
    browser = undefined;

    // The analyst reads dashboards but cannot manage accounts.
    browser = await openBrowser({ width: 1280, height: 900 });
    const analystPage = browser.page;
    await analystPage.goto(at("/login"));
    await analystPage.getByLabel("Email").fill("alan@radar.test");
    await analystPage.getByLabel("Password").fill("analyst password 1");
    await analystPage.getByRole("button", { name: "Sign in" }).click();
    await analystPage.waitForURL(/\/dashboard$/);
    expect(await analystPage.getByTestId("signed-in-as").textContent()).toContain("analyst");
    expect(await analystPage.getByRole("link", { name: "Accounts" }).count()).toBe(0);
    await analystPage.goto(at("/dashboard/users"));
    await analystPage.waitForURL(/\/dashboard$/);
  });
});
