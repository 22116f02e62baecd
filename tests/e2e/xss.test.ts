// Hostile strings from respondents, analysts and the address bar are shown as text everywhere,
// never run. Each page is loaded in Chromium with payloads that set window.__xss or open a dialog.
import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { testAdmin } from "../helpers/auth";
import { openBrowser, type Browser } from "../helpers/browser";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";

const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "javascript:window.__xss=1",
  '\'><iframe srcdoc="<script>parent.__xss=1</script>">',
];
const FREE_TEXT = PAYLOADS.join(" | ");
const SHORT = '<img src=x onerror="window.__xss=1">';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

/** Whatever ran: the marker, dialogs, and any element or attribute a payload would have created. */
async function expectNothingRan(page: Page, dialogs: string[], where: string) {
  await page.waitForLoadState("load");
  await page.waitForTimeout(150); // onerror of a broken image fires after load
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown };
    const handlers = Array.from(document.querySelectorAll("*")).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name) && a.value.includes("__xss"))
        .map((a) => `${el.tagName}[${a.name}]`),
    );
    return {
      xss: w.__xss,
      handlers,
      injected: document.querySelectorAll('img[src="x"], svg[onload], iframe[srcdoc]').length,
      jsLinks: Array.from(document.querySelectorAll("a[href]")).filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
    };
  });
  expect(state, where).toEqual({ xss: undefined, handlers: [], injected: 0, jsLinks: 0 });
  expect(dialogs, where).toEqual([]);
}

describe("hostile text in Chromium", () => {
  it("shows respondents' free text, analysts' names and unknown URL values as text on every page", async () => {
    // A respondent through the API, with every payload in the free-text answer.
    const submitted = await api<{ id: string }>("/api/v1/surveys/ai-readiness/responses", {
      method: "POST",
      body: { answers: validAnswers({ distributed_help: FREE_TEXT }) },
      headers: { "Idempotency-Key": randomUUID() },
    });
    expect(submitted.status).toBe(201);
    const responseId = submitted.body.id;

    // Strings analysts control: an account name and an API token name.
    const { rows: admins } = await testPool().query<{ id: string }>(`SELECT id FROM auth_user WHERE email = $1`, [testAdmin.email]);
    const adminId = admins[0]!.id;
    const suffix = randomBytes(4).toString("hex");
    await testPool().query(
      `INSERT INTO auth_user (id, name, email, email_verified, created_at, updated_at, role) VALUES ($1, $2, $3, true, now(), now(), 'analyst')`,
      [`xss-${suffix}`, SHORT, `xss-${suffix}@radar.test`],
    );
    await testPool().query(`INSERT INTO api_token (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, 'rr_xss')`, [
      adminId,
      `"><svg onload=window.__xss=1>`,
      `hash-${suffix}`,
    ]);

    browser = await openBrowser({ width: 1280, height: 900 });
    const { page, context } = browser;
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // A respondent in this browser (the cookie jar is shared with context.request) whose answer is hostile too.
    for (let i = 0; i < instrumentV1.sections.length; i++) {
      const all = validAnswers({ distributed_help: FREE_TEXT });
      const answers = Object.fromEntries(instrumentV1.sections[i]!.questions.map((q) => [q.id, all[q.id] ?? null]));
      expect((await context.request.put("/api/v1/surveys/ai-readiness/draft", { data: { step: i + 1, answers } })).status()).toBe(200);
    }
    expect(
      (await context.request.post("/api/v1/surveys/ai-readiness/draft/submit", { data: { submissionId: randomUUID() } })).status(),
    ).toBe(201);
    await page.goto("/survey/ai-readiness/result");
    await page.getByTestId("readiness-index").waitFor();
    await expectNothingRan(page, dialogs, "result page");

    // Login page with a hostile next= and then sign in.
    await page.goto(`/login?next=${encodeURIComponent("javascript:window.__xss=1")}`);
    await expectNothingRan(page, dialogs, "login");
    await page.getByLabel("Email").fill(testAdmin.email);
    await page.getByLabel("Password").fill(testAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));
    await expectNothingRan(page, dialogs, "after sign-in");

    const hostile = encodeURIComponent(SHORT);
    const pages: [string, string][] = [
      ["dashboard overview", `/dashboard?industry=${hostile}&region=${encodeURIComponent(PAYLOADS[0]!)}`],
      ["compare", `/dashboard/compare?a_industry=${hostile}&b=rest`],
      ["explorer", `/dashboard/responses?role=${hostile}&status=all`],
      ["findings", `/dashboard/findings?stage=${hostile}`],
      ["findings report", `/dashboard/findings/report?industry=${hostile}`],
      ["accounts", "/dashboard/users"],
      ["API tokens", "/dashboard/tokens"],
      ["audit log", "/dashboard/audit"],
    ];
    for (const [where, path] of pages) {
      await page.goto(path);
      await expectNothingRan(page, dialogs, where);
    }

    // The unknown value is echoed in the filter notice, as text.
    await page.goto(`/dashboard?industry=${hostile}`);
    expect(await page.getByTestId("filter-notice").textContent()).toContain(`"${SHORT}`);
    await page.goto("/dashboard/users");
    expect(await page.getByText(SHORT, { exact: true }).count()).toBeGreaterThan(0);
    await page.goto("/dashboard/tokens");
    expect(await page.getByText(`"><svg onload=window.__xss=1>`, { exact: true }).count()).toBeGreaterThan(0);

    // The response in the explorer table and its detail page, where the free text is shown whole.
    await page.goto("/dashboard/responses?status=complete");
    await page.locator(`tr[data-row-id="${responseId}"], tr[data-row-id]`).first().waitFor();
    await expectNothingRan(page, dialogs, "explorer table");
    await page.goto(`/dashboard/responses/${responseId}`);
    const answer = page.locator('[data-answer="distributed_help"] dd');
    expect(await answer.textContent()).toBe(FREE_TEXT);
    await expectNothingRan(page, dialogs, "response detail");
  });
});
