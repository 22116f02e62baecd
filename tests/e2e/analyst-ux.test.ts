// The analysts' walkthrough at 1280 and 375 px (issue 18, analyst items): axe on every page state,
// withheld figures marked in every chart, chart text contrast, the comparison's difference chart and
// question groups, filter menus, the explorer's sort, cue and way back, and the admin tables.
import type { Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createAnalyst, testAdmin } from "../helpers/auth";
import { describeViolations, ruleViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool, testPool } from "../helpers/db";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

const WIDTHS = [1280, 375] as const;
/** A view small enough that many figures are withheld (fewer than k respondents). */
const SMALL = "industry=technology&role=security";

async function logIn(b: Browser, path: string, email = testAdmin.email, password = testAdmin.password) {
  const { page } = b;
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));
}

/** WCAG relative luminance contrast of two CSS colours (rgb()/rgba() as computed styles give them). */
function contrast(foreground: string, background: string): number {
  const rgb = (css: string) => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) throw new Error(`not an rgb colour: ${css}`);
    return m[1].split(",").map((v) => Number(v.trim()));
  };
  const lum = (css: string) => {
    const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(foreground), lum(background)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour of every element matched, and the background it sits on (the nearest opaque one). */
const textColours = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      // SVG text paints with fill; HTML text with color.
      const colour = el instanceof SVGElement ? style.fill : style.color;
      let node: Element | null = el;
      let background = "rgb(255, 255, 255)";
      while (node) {
        const bg = getComputedStyle(node).backgroundColor;
        if (bg && bg !== "transparent" && !bg.startsWith("rgba(0, 0, 0, 0)")) {
          background = bg;
          break;
        }
        node = node.parentElement;
      }
      return { text: (el.textContent ?? "").trim().slice(0, 30), colour: colour.startsWith("rgb") ? colour : "rgb(0, 0, 0)", background };
    }),
  );

describe("analyst pages at 1280 and 375 px", () => {
  for (const width of WIDTHS) {
    it(`every analyst page and state has no serious axe violation, and nothing but tables scrolls sideways (${width} px)`, async () => {
      browser = await openBrowser({ width, height: width === 375 ? 812 : 900 });
      const { page } = browser;
      const found: string[] = [];
      const check = async (where: string, shot: string) => {
        await page.mouse.move(0, 0);
        const problems = await seriousViolations(page);
        if (problems.length) console.error(describeViolations(`${where} at ${width}`, problems));
        found.push(...problems.map((p) => `${where}: ${p.id}: ${p.targets.join("; ")}`));
        // Scrolling tables can take focus on phones too (its own check, whatever axe's tags say).
        found.push(
          ...(await ruleViolations(page, ["scrollable-region-focusable"])).map((p) => `${where}: ${p.id}: ${p.targets.join("; ")}`),
        );
        const overflow = await sidewaysOverflow(page);
        if (overflow.document > 0) found.push(`${where}: the page scrolls sideways by ${overflow.document}px`);
        await screenshot(page, "analyst-ux", `${width}-${shot}`);
      };

      await logIn(browser, "/dashboard");
      await page.getByTestId("heatmap").waitFor();
      await page.locator(".recharts-surface").first().waitFor();
      await check("overview", "01-overview");

      await page.goto(`/dashboard?${SMALL}`);
      await page.locator("[data-withheld]").first().waitFor();
      await check("overview with withheld figures", "02-overview-withheld");

      await page.locator('[data-filter="industry"] summary').click();
      await page.locator('[data-filter="industry"] fieldset').waitFor();
      await check("overview, filter menu open", "03-filter-menu-open");
      await page.keyboard.press("Escape");

      await page.goto("/dashboard/compare?a_industry=technology&b=rest");
      await page.getByTestId("difference-chart").waitFor();
      await check("compare", "04-compare");
      await page.getByRole("button", { name: "Expand all" }).click();
      await check("compare, all groups open", "05-compare-expanded");

      await page.goto("/dashboard/responses");
      await page.getByTestId("responses-table").waitFor();
      await check("responses", "06-responses");
      await page.getByTestId("columns-menu").locator("summary").click();
      await check("responses, columns menu open", "07-responses-columns");
      await page.keyboard.press("Escape");
      await page
        .getByTestId("responses-table")
        .getByRole("link", { name: /^Open response / })
        .first()
        .click();
      await page.getByTestId("response-meta").waitFor();
      await check("response detail", "08-response");

      await page.goto("/dashboard/findings");
      await page.getByTestId("findings").waitFor();
      await check("findings", "09-findings");
      await page.goto("/dashboard/findings/report");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await check("findings report", "10-report");

      for (const [path, testId, shot] of [
        ["/dashboard/tokens", "tokens", "11-tokens"],
        ["/dashboard/users", "accounts", "12-accounts"],
        ["/dashboard/audit", "audit", "13-audit"],
      ] as const) {
        await page.goto(path);
        await page.getByTestId(testId).waitFor();
        await check(path, shot);
      }
      expect(found).toEqual([]);
      // Fourteen page states, each through axe twice: more than the suite's two minutes on this machine.
    }, 300_000);
  }
});

describe("charts", () => {
  it("draws withheld figures hatched with <k in every chart, says why on hover and keyboard focus, and has readable text", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await logIn(browser, `/dashboard?${SMALL}`);
    await page.locator(".recharts-surface").first().waitFor();

    // Every chart with a withheld figure marks it (hatched, "<5") and names it in its legend.
    const charts = await page.locator("figure[data-chart]").evaluateAll((figures) =>
      figures.map((f) => ({
        chart: f.getAttribute("data-chart"),
        withheld: f.querySelectorAll("[data-withheld]").length,
        hatched: [...f.querySelectorAll("[data-withheld] rect")].every((r) => (r.getAttribute("fill") ?? "").startsWith("url(#hatch")),
        labels: [...f.querySelectorAll("[data-withheld] text")].map((t) => t.textContent),
        legend: f.querySelector('[data-legend="withheld"]')?.textContent ?? null,
      })),
    );
    const marked = charts.filter((c) => c.withheld > 0);
    expect(marked.map((c) => c.chart)).toEqual(
      expect.arrayContaining(["timeline", "AI stage distribution", "Concerns ranked", "Current against planned inference infrastructure"]),
    );
    for (const c of marked) {
      expect(c.hatched, c.chart ?? "").toBe(true);
      expect(
        c.labels.every((l) => l?.startsWith("<5")),
        c.chart ?? "",
      ).toBe(true);
      expect(c.legend, c.chart ?? "").toBe("Withheld: fewer than 5 respondents (not zero)");
    }
    // The table view says the same.
    const stages = page.locator('[data-panel="stages"]');
    await stages.getByText("Show as a table").click();
    expect(await stages.locator("table").getByText("<5").count()).toBeGreaterThan(0);

    // Hover: the tooltip names the withheld figure and why.
    const stageChart = page.locator('figure[data-chart="AI stage distribution"]');
    await stageChart.locator("[data-withheld] rect").first().hover();
    const tooltip = stageChart.locator(".recharts-tooltip-wrapper [role=status]");
    const tooltipText = async () => (await tooltip.allTextContents()).join(" ");
    await expect.poll(tooltipText).toContain("withheld (fewer than 5 respondents)");
    await screenshot(page, "analyst-ux", "20-withheld-hover", false);

    // Keyboard: each withheld mark takes focus (Tab moves between them) and the chart states its reason.
    await page.mouse.move(0, 0);
    const marks = stageChart.locator("[data-withheld]");
    expect(await marks.count()).toBeGreaterThanOrEqual(2);
    expect(await marks.first().getAttribute("tabindex")).toBe("0");
    await marks.first().focus();
    const note = stageChart.getByTestId("withheld-focus-note");
    expect(await note.textContent()).toBe("Exploring, Share: withheld, fewer than 5 respondents (not zero)");
    await page.keyboard.press("Tab");
    await expect.poll(() => note.textContent()).toBe("Pilots, Share: withheld, fewer than 5 respondents (not zero)");
    await screenshot(page, "analyst-ux", "22-withheld-focus", false);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => note.textContent()).toBe("");

    // The heatmap: a colour key, and withheld cells hatched.
    const legend = page.getByTestId("heatmap-legend");
    expect(await legend.textContent()).toContain("Mean readiness index");
    expect(await legend.textContent()).toContain("≤20");
    expect(await legend.textContent()).toContain("≥70");
    expect(await page.locator('[data-testid="heatmap"] td.bg-hatch').count()).toBeGreaterThan(0);
    await legend.scrollIntoViewIfNeeded();
    await screenshot(page, "analyst-ux", "21-heatmap-legend", false);

    // Text contrast: legends, axis ticks and the heatmap key at least 4.5:1 on their background.
    const texts = [
      ...(await textColours(page, "[data-testid=chart-legend] li")),
      ...(await textColours(page, ".recharts-cartesian-axis-tick-value")),
      ...(await textColours(page, "[data-testid=heatmap-legend] p, [data-testid=heatmap-legend] span")),
    ];
    expect(texts.length).toBeGreaterThan(20);
    const low = texts.map((t) => ({ ...t, ratio: contrast(t.colour, t.background) })).filter((t) => t.ratio < 4.5);
    expect(low).toEqual([]);
  });
});

describe("comparison", () => {
  for (const width of WIDTHS) {
    it(`shows A − B with intervals above the rows, significant ones marked, rows grouped by question (${width} px)`, async () => {
      browser = await openBrowser({ width, height: 900 });
      const { page } = browser;
      await logIn(browser, "/dashboard/compare?a_industry=technology&b=rest");
      const chart = page.getByTestId("difference-chart");
      await chart.waitFor();
      const rows = chart.locator("[data-difference-row]");
      expect(await rows.count()).toBeGreaterThanOrEqual(8);
      // Significant rows are filled and starred, and each row states its interval.
      expect(await chart.locator("[data-significant]").count()).toBeGreaterThan(0);
      expect(await chart.locator("[data-significant]").first().textContent()).toContain("★");
      expect(await rows.first().textContent()).toMatch(/[+−]\d+\.\d.*[+−]?\d+\.\d to [+−]?\d+\.\d/);
      // The chart sits above the rows.
      const chartBox = await chart.boundingBox();
      const groupsBox = await page.getByTestId("comparison").boundingBox();
      expect(chartBox!.y).toBeLessThan(groupsBox!.y);

      // Groups start collapsed: one summary line per question.
      const groups = page.locator("details[data-group]");
      const count = await groups.count();
      expect(count).toBeGreaterThan(5);
      expect(await page.locator("details[data-group][open]").count()).toBe(0);
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(pageHeight).toBeLessThan(width === 375 ? 9000 : 4500);
      // Opening one shows its chart and its table.
      const first = groups.first();
      await first.locator("summary").click();
      expect(await first.getAttribute("open")).not.toBeNull();
      await first.locator("table tr[data-row]").first().waitFor();
      expect(await first.locator("[data-difference-row]").count()).toBe(await first.locator("tr[data-row]").count());
      await screenshot(page, "analyst-ux", `${width}-30-compare-group-open`, false);
      await page.getByRole("button", { name: "Expand all" }).click();
      expect(await page.locator("details[data-group][open]").count()).toBe(count);
      await page.getByRole("button", { name: "Collapse all" }).click();
      expect(await page.locator("details[data-group][open]").count()).toBe(0);
      expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);

      // A small segment: withheld rows are marked in the chart, not drawn as a difference of 0.
      await page.goto("/dashboard/compare?a_industry=technology&a_role=security&b=rest");
      await page.getByTestId("difference-chart").waitFor();
      await page.getByRole("button", { name: "Expand all" }).click();
      const withheld = page.locator("[data-difference-row][data-withheld]");
      expect(await withheld.count()).toBeGreaterThan(0);
      expect(await withheld.first().textContent()).toContain("<5 withheld");
      await withheld.first().scrollIntoViewIfNeeded();
      await screenshot(page, "analyst-ux", `${width}-31-compare-withheld`, false);
    });
  }
});

describe("filter menus", () => {
  for (const width of WIDTHS) {
    it(`close on Escape and outside clicks, open one at a time, and stay on screen (${width} px)`, async () => {
      browser = await openBrowser({ width, height: 812 });
      const { page } = browser;
      await logIn(browser, "/dashboard/compare?a_industry=technology&b=custom&b_industry=financial_services");
      await page.getByTestId("difference-chart").waitFor();
      const menu = (bar: string, key: string) => page.getByRole("form", { name: bar }).locator(`[data-filter="${key}"]`);
      const isOpen = (bar: string, key: string) => menu(bar, key).evaluate((d) => (d as HTMLDetailsElement).open);

      // Escape closes and gives focus back to the menu's button.
      await menu("Segment A filters", "industry").locator("summary").click();
      expect(await isOpen("Segment A filters", "industry")).toBe(true);
      await page.keyboard.press("Escape");
      expect(await isOpen("Segment A filters", "industry")).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.closest("[data-filter]")?.getAttribute("data-filter"))).toBe("industry");

      // One at a time, across both filter bars.
      await menu("Segment A filters", "industry").locator("summary").click();
      await menu("Segment A filters", "region").locator("summary").click();
      expect(await isOpen("Segment A filters", "industry")).toBe(false);
      expect(await isOpen("Segment A filters", "region")).toBe(true);
      // (The open menu covers the other bar here, so this one opens from the keyboard.)
      await menu("Segment B filters", "role").locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await isOpen("Segment A filters", "region")).toBe(false);
      expect(await isOpen("Segment B filters", "role")).toBe(true);

      // A click outside closes it; a click inside (a checkbox) does not.
      await page.getByRole("heading", { name: "Compare segments" }).click();
      expect(await isOpen("Segment B filters", "role")).toBe(false);

      // Every menu fits on the screen.
      for (const bar of ["Segment A filters", "Segment B filters"]) {
        for (const key of ["industry", "region", "size", "role", "stage"]) {
          await menu(bar, key).locator("summary").click();
          const box = await menu(bar, key).locator("fieldset").boundingBox();
          expect(box, `${bar} ${key}`).not.toBeNull();
          expect(box!.x, `${bar} ${key}`).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, `${bar} ${key}`).toBeLessThanOrEqual(width);
          if (bar === "Segment B filters" && key === "stage") await screenshot(page, "analyst-ux", `${width}-40-filter-menu-right`, false);
          await page.keyboard.press("Escape");
        }
      }
      await menu("Segment A filters", "industry").locator("summary").click();
      await menu("Segment A filters", "industry").getByRole("checkbox", { name: "Manufacturing" }).check();
      await page.waitForURL(/a_industry=manufacturing/);
      expect(await isOpen("Segment A filters", "industry")).toBe(true);
    });
  }
});

describe("responses explorer", () => {
  it("sorts responses without an index last, cues hidden columns, and returns to the same list from a response", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await logIn(browser, "/dashboard/responses?status=all&sort=readiness_index&dir=asc&limit=25");
    const table = page.getByTestId("responses-table");
    await table.waitFor();
    const indexes = () =>
      table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.querySelector("td:last-child")?.textContent?.trim() ?? ""));
    // Ascending: the lowest indexes first, partial responses (no index) not at the top.
    const asc = await indexes();
    expect(asc.every((v) => /^\d+\.\d$/.test(v))).toBe(true);
    expect(asc.map(Number)).toEqual([...asc.map(Number)].sort((a, b) => a - b));
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM response WHERE status = 'partial'`);
    expect(rows[0].n).toBeGreaterThan(0);

    // Columns out of view at 1280 px: a visible cue, gone once scrolled to the end.
    const cue = page.getByTestId("more-columns-cue");
    await cue.waitFor();
    expect(await page.getByTestId("more-columns-hint").textContent()).toContain("More columns to the right");
    await screenshot(page, "analyst-ux", "50-explorer-cue", false);
    await page.getByRole("region", { name: "Responses table" }).evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => cue.count()).toBe(0);

    // Filters, sort and page survive a visit to a response.
    await page.locator('[data-filter="region"] summary').click();
    await page.getByRole("checkbox", { name: "East Asia", exact: true }).check();
    await page.waitForURL(/region=east_asia/);
    await page.keyboard.press("Escape");
    await page.getByTestId("next-page").click();
    await page.waitForURL(/cursor=/);
    const listUrl = page.url();
    const summary = await page.getByTestId("rows-summary").textContent();
    const firstId = await table.locator("tbody tr").first().getAttribute("data-row-id");
    await table
      .getByRole("link", { name: /^Open response / })
      .first()
      .click();
    await page.getByTestId("response-meta").waitFor();
    await page.getByTestId("back-to-list").click();
    await page.waitForURL((url) => url.pathname === "/dashboard/responses");
    const back = new URL(page.url());
    const before = new URL(listUrl);
    for (const key of ["region", "sort", "dir", "status", "limit", "cursor"])
      expect(back.searchParams.get(key), key).toBe(before.searchParams.get(key));
    expect(await page.getByTestId("rows-summary").textContent()).toBe(summary);
    expect(await table.locator("tbody tr").first().getAttribute("data-row-id")).toBe(firstId);

    // Descending: partial responses last too (the first page has indexes only).
    await page.goto("/dashboard/responses?status=all&sort=readiness_index&dir=desc&limit=25");
    await table.waitFor();
    const desc = await indexes();
    expect(desc.every((v) => /^\d+\.\d$/.test(v))).toBe(true);
  });
});

describe("findings report", () => {
  it("reads as a report: summary, key charts, themes, each recommendation once, method; prints to a few pages", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await logIn(browser, "/dashboard/findings/report");
    const report = page.getByTestId("findings-report");
    await report.waitFor();
    // The sections, in reading order.
    const order = await report.locator("[data-testid^=report-]").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(order).toEqual(["report-summary", "report-charts", "report-themes", "report-recommendations", "report-method"]);
    expect(await page.getByTestId("report-summary").locator("ol li").count()).toBe(3);
    expect(await page.locator("[data-theme]").count()).toBeGreaterThanOrEqual(2);
    // Each architecture once, its description once on the whole page.
    const recs = page.locator("[data-recommendation]");
    const ids = await recs.evaluateAll((els) => els.map((e) => e.getAttribute("data-recommendation")));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const text = await page.evaluate(() => document.body.innerText);
    for (const rec of await recs.all()) {
      const description = (await rec.locator("p").first().textContent()) ?? "";
      expect(description.length).toBeGreaterThan(40);
      expect(text.split(description).length - 1).toBe(1);
    }
    // Every finding in the theme tables points to its recommendation instead of repeating it.
    expect(await page.locator("[data-theme] tr[data-finding]").count()).toBeGreaterThan(5);
    await page.getByTestId("save-pdf").waitFor();

    // On paper: a handful of pages, not fifty.
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "analyst-ux", "80-report-print");
    expect(await page.getByTestId("save-pdf").isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBeLessThanOrEqual(12);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 375, height: 812 });
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    await screenshot(page, "analyst-ux", "81-report-phone");
  });
});

describe("navigation", () => {
  it("marks the current page in the dashboard menu", async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    const { page } = browser;
    await logIn(browser, "/dashboard");
    const nav = page.getByRole("navigation", { name: "Dashboard" });
    const current = () => nav.locator('[aria-current="page"]').allTextContents();
    expect(await current()).toEqual(["Overview"]);
    for (const [path, name] of [
      ["/dashboard/compare", "Compare segments"],
      ["/dashboard/findings/report", "Findings"],
      ["/dashboard/responses", "Responses"],
      ["/dashboard/users", "Accounts"],
    ] as const) {
      await page.goto(path);
      expect(await current()).toEqual([name]);
    }
    // Visible, not only announced: the current entry has its own background.
    const styles = await nav
      .locator("a")
      .evaluateAll((links) =>
        links.map((a) => ({ current: a.getAttribute("aria-current") === "page", bg: getComputedStyle(a).backgroundColor })),
      );
    const currentBg = styles.find((s) => s.current)?.bg;
    expect(styles.filter((s) => !s.current).every((s) => s.bg !== currentBg)).toBe(true);
    await screenshot(page, "analyst-ux", "60-nav-current", false);
  });
});

describe("accounts", () => {
  it("lists a new account at once; disables, enables and removes accounts, audited; refuses yourself and non-admins", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page, context } = browser;
    await logIn(browser, "/dashboard/users");
    const email = `new-${Date.now()}@radar.test`;
    await page.getByLabel("Name").fill("Nora New");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Initial password (12+ characters)").fill("a long initial password");
    await page.getByRole("button", { name: "Create account" }).click();
    const row = page.locator(`tr[data-account="${email}"]`);
    // No reload: the table shows it as soon as the form answers.
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("active");

    // Disable: signed out everywhere, cannot sign in; enable again; then remove.
    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("disabled");
    expect(await page.getByTestId("account-change-message").textContent()).toBe(`Disabled ${email}.`);
    const login = await context.request.post("/api/auth/sign-in/email", {
      data: { email, password: "a long initial password" },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(login.status()).toBeGreaterThanOrEqual(400);
    await row.getByRole("button", { name: `Enable ${email}` }).click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("active");
    await screenshot(page, "analyst-ux", "70-accounts", false);
    await row.getByRole("button", { name: `Remove ${email}` }).click();
    await row.getByRole("button", { name: `Yes, remove ${email}` }).click();
    await expect.poll(() => row.count()).toBe(0);

    // Yourself: no controls, and a forged request for your own id is refused by the server.
    const self = page.locator(`tr[data-account="${testAdmin.email}"]`);
    expect(await self.textContent()).toContain("You");
    expect(await self.getByRole("button").count()).toBe(0);
    const analyst = await createAnalyst();
    await page.reload();
    const target = page.locator(`tr[data-account="${analyst.email}"]`);
    const { rows: ids } = await testPool().query(`SELECT id FROM auth_user WHERE email = $1`, [testAdmin.email]);
    await target
      .locator('input[name="id"]')
      .first()
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), ids[0].id as string);
    await target.getByRole("button", { name: `Disable ${analyst.email}` }).click();
    await expect.poll(() => page.getByTestId("account-change-message").textContent()).toBe("You cannot disable your own account.");
    const { rows: admin } = await testPool().query(`SELECT banned FROM auth_user WHERE email = $1`, [testAdmin.email]);
    expect(admin[0].banned).toBe(false);

    // Every change is in the audit log, in order.
    await page.goto("/dashboard/audit");
    const log = page.getByTestId("account-audit");
    await log.waitFor();
    const actions = await log.locator(`tr[data-target="${email}"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
    expect(actions).toEqual(["removed", "enabled", "disabled", "created"]);
    // Export filters read as words, not JSON.
    expect(await page.getByTestId("audit").locator("code").count()).toBe(0);

    // An analyst's session cannot use the control: the server refuses, nothing changes.
    await browser.close();
    browser = await openBrowser({ width: 1280, height: 900 });
    await logIn(browser, "/dashboard/users");
    const adminPage = browser.page;
    const victim = adminPage.locator(`tr[data-account="${analyst.email}"]`);
    await victim.waitFor();
    const spare = await createAnalyst();
    await browser.context.clearCookies();
    const analystLogin = await browser.context.request.post("/api/auth/sign-in/email", {
      data: spare,
      headers: { origin: new URL(adminPage.url()).origin },
    });
    expect(analystLogin.status()).toBe(200);
    await victim.getByRole("button", { name: `Disable ${analyst.email}` }).click();
    await adminPage.waitForURL((url) => !url.pathname.startsWith("/dashboard/users"));
    const { rows: after } = await testPool().query(`SELECT banned FROM auth_user WHERE email = $1`, [analyst.email]);
    expect(after[0].banned).toBe(false);
    const { rows: audit } = await testPool().query(`SELECT count(*)::int AS n FROM account_audit WHERE target_email = $1`, [analyst.email]);
    expect(audit[0].n).toBe(0);
  });

  it("on a phone the audit log's rows stay short and the tables scroll inside their region", async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    const { page } = browser;
    // An export with a comparison's filters (the widest kind) in the log.
    await testPool().query(
      `INSERT INTO export_audit (user_id, kind, filters, via, row_count, ended_at, outcome)
       SELECT id, 'compare.csv', $2::jsonb, 'session', 42, now(), 'completed' FROM auth_user WHERE email = $1`,
      [
        testAdmin.email,
        JSON.stringify({
          a: {
            wave: "2026-Q4",
            from: "2026-10-01",
            to: null,
            segments: { industry: ["technology", "financial_services"], region: [], size: [], role: ["security"], stage: [] },
          },
          b: "rest",
          within: {
            wave: "2026-Q4",
            from: null,
            to: null,
            segments: { industry: [], region: ["east_asia"], size: [], role: [], stage: [] },
          },
        }),
      ],
    );
    await logIn(browser, "/dashboard/audit");
    const audit = page.getByTestId("audit");
    await audit.waitFor();
    const heights = await audit.locator("tbody tr").evaluateAll((rows) => rows.slice(0, 10).map((r) => r.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.max(...heights)).toBeLessThan(200);
    const chips = await audit.locator("tbody tr").first().getByTestId("audit-filters").locator("li").allTextContents();
    expect(chips).toEqual([
      "A wave: 2026-Q4",
      "A from: 2026-10-01",
      "A industry: technology, financial_services",
      "A role: security",
      "B: rest",
      "B within wave: 2026-Q4",
      "B within region: east_asia",
    ]);
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    await screenshot(page, "analyst-ux", "71-audit-phone", false);
  });
});
