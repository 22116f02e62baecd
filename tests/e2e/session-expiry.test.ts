// A server action after the analyst's session ended (expired, or signed out in another tab)
// answers 401 with a "sign in again" page that leads back to where they were, not a 500 or the
// respondents' error page; an action the role no longer allows answers 403.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { authHeaders, signIn, testAdmin } from "../helpers/auth";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

async function signInAs(b: Browser, path: string, email: string, password: string) {
  await b.page.goto(path);
  await b.page.waitForURL(/\/login\?next=/);
  await b.page.getByLabel("Email").fill(email);
  await b.page.getByLabel("Password").fill(password);
  await b.page.getByRole("button", { name: "Sign in" }).click();
  await b.page.waitForURL((url) => url.pathname === path);
}

/** Statuses of the POSTs (server actions) the page sends from now on. */
function postStatuses(b: Browser): number[] {
  const statuses: number[] = [];
  b.page.on("response", (response) => {
    if (response.request().method() === "POST") statuses.push(response.status());
  });
  return statuses;
}

describe("server actions after the session or the role changed", () => {
  it("answer 401 and send the analyst to sign in and back", async () => {
    browser = await openBrowser({ width: 1280, height: 800 });
    const { page } = browser;
    await signInAs(browser, "/dashboard/tokens", testAdmin.email, testAdmin.password);

    // The session ends on the server (as when it expires or is signed out elsewhere).
    const cookie = (await browser.context.cookies()).find((c) => c.name.endsWith("session_token"));
    expect(cookie).toBeDefined();
    const token = decodeURIComponent(cookie!.value).split(".")[0]!;
    const { rowCount } = await testPool().query(`DELETE FROM auth_session WHERE token = $1`, [token]);
    expect(rowCount).toBe(1);

    const statuses = postStatuses(browser);
    await page.getByLabel("Token name").fill("after expiry");
    await page.getByRole("button", { name: "Create token" }).click();
    // The router follows the refusal to the sign-in page, which comes back here.
    await page.waitForURL(/\/login\?next=%2Fdashboard%2Ftokens/);
    expect(statuses).toContain(401);
    await screenshot(page, "session-expiry", "01-signed-out");
    await page.getByLabel("Email").fill(testAdmin.email);
    await page.getByLabel("Password").fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard\/tokens/);
  });

  it("answer 403 when the role no longer allows the action", async () => {
    const email = `demoted-${randomBytes(4).toString("hex")}@radar.test`;
    const password = randomBytes(18).toString("base64url");
    const created = await api("/api/auth/admin/create-user", {
      method: "POST",
      cookie: await signIn(),
      headers: authHeaders(),
      body: { email, password, name: "Soon Demoted", role: "admin" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    browser = await openBrowser({ width: 1280, height: 800 });
    const { page } = browser;
    await signInAs(browser, "/dashboard/users", email, password);
    await testPool().query(`UPDATE auth_user SET role = 'analyst' WHERE email = $1`, [email]);

    const statuses = postStatuses(browser);
    await page.getByLabel("Email").fill(`new-${randomBytes(3).toString("hex")}@radar.test`);
    await page.getByLabel("Name", { exact: true }).fill("Never Created");
    await page.getByLabel("Initial password (12+ characters)").fill(randomBytes(18).toString("base64url"));
    await page.getByRole("button", { name: /create/i }).click();
    // The router follows the refusal back to a page the role may see; nothing was created.
    await page.waitForURL((url) => url.pathname === "/dashboard");
    expect(statuses).toContain(403);
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM auth_user WHERE name = 'Never Created'`);
    expect(rows[0].n).toBe(0);
    await screenshot(page, "session-expiry", "02-forbidden");
  });
});
