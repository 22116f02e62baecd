// The Content-Security-Policy in a real browser: every page a respondent or an analyst visits
// loads and hydrates (a client interaction works) without a single CSP violation, and the policy
// really blocks what it should (an injected inline script, eval).
import { deadDatabaseServerForSuite } from "../helpers/server";
import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { testAdmin } from "../helpers/auth";
import { openBrowser, screenshot, type Browser } from "../helpers/browser";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

interface Violation {
  page: string;
  directive: string;
  blocked: string;
}

/** Opens Chromium and records every CSP violation (DOM event and console message) of every page. */
async function openWatched(): Promise<{ b: Browser; violations: Violation[]; consoleErrors: string[] }> {
  const b = await openBrowser({ width: 1280, height: 900 });
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];
  // A binding is called through the DevTools protocol, so the page's own CSP cannot block it.
  await b.context.exposeBinding("__reportCsp", (_source, v: Violation) => {
    violations.push(v);
  });
  await b.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: unknown) => void }).__reportCsp({
        page: location.pathname,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
      });
    });
  });
  b.page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  return { b, violations, consoleErrors };
}

const sectionAnswers = (index: number) => {
  const all = validAnswers();
  return Object.fromEntries(instrumentV1.sections[index]!.questions.map((q) => [q.id, all[q.id] ?? null]));
};

async function logIn(page: Page) {
  await page.goto("/login?next=/dashboard");
  // Client-side validation only works once the form has hydrated.
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect.poll(() => page.getByText("Enter your email address").count()).toBe(1);
  await page.getByLabel("Email").fill(testAdmin.email);
  await page.getByLabel("Password").fill(testAdmin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
}

describe("Content-Security-Policy in Chromium", () => {
  it("lets every respondent page run and hydrate with no violation", async () => {
    const { b, violations, consoleErrors } = await openWatched();
    browser = b;
    const { page, context } = b;

    await page.goto("/");
    await page.getByRole("link", { name: "Take the survey" }).first().click();
    await page.waitForURL(/\/survey\/ai-readiness$/);
    // Hydrated: the consent check is client-side.
    await page.getByRole("button", { name: "Start the survey" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("tick the box");
    await page.getByRole("checkbox", { name: /I agree to take part/ }).check();
    await page.getByRole("button", { name: "Start the survey" }).click();
    await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe("Step 1 of 6");

    // Finish the survey through the same API the form uses (sharing the browser's cookie jar).
    for (let i = 0; i < instrumentV1.sections.length; i++) {
      const saved = await context.request.put("/api/v1/surveys/ai-readiness/draft", { data: { step: i + 1, answers: sectionAnswers(i) } });
      expect(saved.status()).toBe(200);
    }
    const submitted = await context.request.post("/api/v1/surveys/ai-readiness/draft/submit", {
      data: { submissionId: crypto.randomUUID() },
    });
    expect(submitted.status()).toBe(201);
    await page.goto("/survey/ai-readiness/result");
    await page.getByTestId("dimension-chart").waitFor();
    // The share image (a route of its own) loads under the page's policy.
    const shareImage = page.getByTestId("keep-result").getByRole("img");
    await shareImage.scrollIntoViewIfNeeded();
    await expect.poll(() => shareImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
    await screenshot(page, "csp", "01-result");

    // The recommendation links to the architecture catalog (client-side navigation).
    await page.locator('a[href^="/architectures/"]').first().click();
    await page.waitForURL(/\/architectures\//);
    await page.getByRole("heading", { level: 1 }).waitFor();

    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("lets the analyst pages run and hydrate with no violation", async () => {
    const { b, violations, consoleErrors } = await openWatched();
    browser = b;
    const { page } = b;
    await logIn(page);

    await page.getByTestId("heatmap").waitFor();
    await page.locator('[data-filter="industry"] summary').click();
    await page.getByRole("checkbox", { name: "Technology & software" }).check();
    await page.waitForURL(/industry=technology/); // the filter bar is a client component
    await page.locator("svg.recharts-surface").first().waitFor();
    await screenshot(page, "csp", "02-dashboard");

    await page.goto("/dashboard/responses");
    const table = page.getByTestId("responses-table");
    await table.waitFor();
    await table.getByRole("button", { name: /Readiness index/ }).click();
    await page.waitForURL(/sort=readiness_index/);
    await screenshot(page, "csp", "03-explorer");

    await page.goto("/dashboard/findings");
    await page.getByTestId("findings").waitFor();
    await page.goto("/dashboard/compare?a_industry=technology");
    await page.getByTestId("comparison").waitFor();
    await page.goto("/dashboard/tokens");
    await page.getByLabel("Token name").fill("csp probe");
    await page.getByRole("button", { name: "Create token" }).click(); // a server action
    await page.getByTestId("new-token").waitFor();

    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("blocks scripts injected into a page's HTML (the policy is enforced, and the detector works)", async () => {
    const { b, violations } = await openWatched();
    browser = b;
    const { page } = b;
    // Simulate a stored XSS: the real response from the server, headers (CSP) included, with
    // markup an attacker managed to get into the HTML.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.injected = "inline"</script><img src="/no-such-image.png" onerror="window.injected = \'handler\'"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/login");
    // The page's own (nonce-carrying) scripts still run: client-side validation works.
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => page.getByText("Enter your email address").count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected ?? null)).toBeNull();

    await expect.poll(() => new Set(violations.map((v) => v.directive))).toEqual(new Set(["script-src-elem", "script-src-attr"]));
  });

  it("refuses eval and new Function", async () => {
    const { b, violations } = await openWatched();
    browser = b;
    await b.page.goto("/");
    // Run from a timer, like page code: DevTools' own evaluation is exempt from the page's CSP.
    const evaluated = await b.page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          setTimeout(() => {
            try {
              resolve(new Function("return true")() as boolean);
            } catch {
              resolve(false);
            }
          }, 0),
        ),
    );
    expect(evaluated).toBe(false);
    await expect.poll(() => violations.map((v) => v.directive)).toEqual(["script-src"]);
  });
});

describe("the error page under the CSP", () => {
  const dead = deadDatabaseServerForSuite();

  it("shows the generic 'Something went wrong' page, without details and without violations", async () => {
    const { b, violations, consoleErrors } = await openWatched();
    browser = b;
    const { page } = b;
    await page.goto(`${dead.baseUrl}/survey/ai-readiness`);
    await page.getByRole("heading", { name: "Something went wrong" }).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/ECONNREFUSED|prisma|\bat \w|\.ts:\d|nobody@/i);
    await page.getByRole("button", { name: "Try again" }).waitFor();
    await screenshot(page, "csp", "04-error-page");
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
