// The personal result in Chromium at 1280 and 375 px: honest wording of where the respondent
// stands, peer means with intervals, tables that fit a phone, the printable version, the share
// image, no link to published results while there are none and one once a wave is published. A survey of its own, with peers
// chosen so the respondent is in the lowest group of their region and alone in their industry.
import { randomUUID } from "node:crypto";
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { Answers } from "@/lib/survey/instrument-schema";
import { validAnswers } from "../helpers/answers";
import { expectAccessible } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { findKey, isExactKey, setRecordKeys } from "../helpers/record-keys";
import { closeTestPool, createTestSurvey, insertCompleteResponses, testPool } from "../helpers/db";
import { authHeaders, signIn } from "../helpers/auth";
import { api } from "../helpers/http";
import { testEnv } from "../helpers/env";
import { readinessDimensions } from "@/lib/survey/roles";

const dims = (rating: number) => Object.fromEntries(readinessDimensions(instrumentV1).map((d) => [d.question.id, rating]));
const WIDTHS = [
  ["laptop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 812 }],
] as const;

/**
 * A survey of its own for each test, with peers (yesterday: the result page compares with days that
 * are over) chosen so that a respondent scoring 25 (every dimension rated 2) is in the lowest group
 * of East Asia (2 of its 50 peers score 0, fewer than k = 5, and 48 score 50) and has only 2 peers
 * in Healthcare (fewer than the 50 a group needs for figures).
 */
async function surveyWithPeers(): Promise<string> {
  const { slug, waveId } = await createTestSurvey("result-e2e");
  const ids = await insertCompleteResponses(
    waveId,
    [
      ...Array.from({ length: 2 }, () => validAnswers({ industry: "telecom", region: "east_asia", ...dims(1) })),
      ...Array.from({ length: 48 }, () => validAnswers({ industry: "telecom", region: "east_asia", ...dims(3) })),
      ...Array.from({ length: 2 }, () => validAnswers({ industry: "healthcare", region: "north_america", ...dims(4) })),
    ],
    1,
  );
  // Peer figures are protected: with these record keys East Asia's 50 and its strategy mean come out exact.
  await setRecordKeys(ids, 0);
  await setRecordKeys(
    ids.slice(0, 1),
    findKey((key) => isExactKey(key, "dim_strategy")),
  );
  return slug;
}
const RESPONDENT = validAnswers({ industry: "healthcare", region: "east_asia", ...dims(2) });

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(closeTestPool);

/** Completes the survey in this browser (its cookie jar) through the form's own endpoints. */
async function respond(b: Browser, slug: string, answers: Answers) {
  for (let i = 0; i < instrumentV1.sections.length; i++) {
    const step = Object.fromEntries(instrumentV1.sections[i]!.questions.map((q) => [q.id, answers[q.id] ?? null]));
    expect((await b.context.request.put(`/api/v1/surveys/${slug}/draft`, { data: { step: i + 1, answers: step } })).status()).toBe(200);
  }
  const submitted = await b.context.request.post(`/api/v1/surveys/${slug}/draft/submit`, { data: { submissionId: randomUUID() } });
  expect(submitted.status()).toBe(201);
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const overflow = await sidewaysOverflow(page);
  expect(overflow.scrollers, where).toEqual([]);
  expect(overflow.document, where).toBeLessThanOrEqual(0);
}

/** Opens every collapsed section the way a person does: a click on its summary. */
async function openAllDetails(page: Page) {
  const closed = page.locator("main details:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** A fresh survey with peers, this browser's response to it, and its result page open. */
async function openResult(b: Browser): Promise<string> {
  const slug = await surveyWithPeers();
  await respond(b, slug, RESPONDENT);
  await b.page.goto(`/survey/${slug}/result`);
  await b.page.getByTestId("readiness-index").waitFor();
  return slug;
}

describe("personal result in Chromium", () => {
  it.each(WIDTHS)("on a %s, says truly where the respondent stands, whatever the suppression rule withholds", async (name, viewport) => {
    browser = await openBrowser(viewport);
    const { page } = browser;
    await openResult(browser);
    expect(await page.getByTestId("readiness-index").textContent()).toBe("25");
    // Fewer than k peers score lower: the true statement, not "not enough peers" for a group of 50.
    expect(await page.getByTestId("standing-region").textContent()).toBe(
      "You score in the lowest group of your 50 peers in East Asia: fewer than 5 of them score lower.",
    );
    expect(await page.getByTestId("standing-industry").textContent()).toBe(
      "Not enough peers in Healthcare & life sciences yet to compare: fewer than 50 peers so far.",
    );
    expect(await page.getByTestId("readiness-stage").textContent()).toBe("Stage of readiness: Ad hoc (2 of 5)");
    await page
      .locator("section[aria-labelledby=index-heading]")
      .screenshot({ path: path.join(testEnv.artifactsDir, "result", `standing-${name}.png`) });
  });

  it.each(WIDTHS)("on a %s, shows the peers' mean per dimension with its interval, the respondent marked", async (name, viewport) => {
    browser = await openBrowser(viewport);
    const { page } = browser;
    await openResult(browser);
    // Region: 2 peers rate 1 and 48 rate 3: mean 2.92, 95% t interval 2.81..3.03, shown to 0.1
    // (outwards). The industry's 2 peers are withheld. The respondent's 2 lies below it everywhere.
    const chart = page.getByTestId("dimension-chart");
    await chart.waitFor({ timeout: 5000 });
    expect(await chart.locator("[data-you]").count()).toBe(7);
    await page.getByText("Show as a table").click();
    const strategy = page.getByTestId("dimension-table").getByRole("row", { name: /^Strategy/ });
    // The interval also carries the perturbation of the sum of squares (exactly: 2.8–3.1).
    const cells = (await strategy.getByRole("cell").allTextContents()).map((t) => t.trim());
    expect(cells.slice(0, 2)).toEqual(["2", "—"]);
    expect(cells[2]).toMatch(/^2\.9\[2\.[6-8]–3\.[0-2]\]$/);
    expect(await page.getByTestId("dimension-differences").textContent()).toContain(
      "Behind peers in East Asia: Strategy, Compute, Network, Data, Governance & security, Talent, Culture",
    );
    await expectAccessible(page, `dimension chart and table (${name})`);
    await page
      .locator("section[aria-labelledby=dims-heading]")
      .screenshot({ path: path.join(testEnv.artifactsDir, "result", `dimensions-${name}.png`) });
  });

  it.each(WIDTHS)("on a %s, fits the screen with every section open, with no serious accessibility problem", async (name, viewport) => {
    browser = await openBrowser(viewport);
    const { page } = browser;
    await openResult(browser);
    // Every collapsed section open: the reasons, the latency of every architecture, the table.
    await openAllDetails(page);
    await expectNoSidewaysScroll(page, `result with everything open (${name})`);
    await expectAccessible(page, `result with everything open (${name})`);
    await screenshot(page, "result", `result-open-${name}`);
    await page
      .getByTestId("recommendation")
      .screenshot({ path: path.join(testEnv.artifactsDir, "result", `recommendation-open-${name}.png`) });
  });

  it.each(WIDTHS)(
    "on a %s, offers a share image of the result, and no link to published results while there are none",
    async (name, viewport) => {
      browser = await openBrowser(viewport);
      const { page } = browser;
      const slug = await openResult(browser);
      const image = page.getByTestId("keep-result").getByRole("img");
      await image.scrollIntoViewIfNeeded({ timeout: 5000 });
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
      expect(await image.getAttribute("alt")).toMatch(
        /^Share image: readiness index 25 of 100, stage of readiness Ad hoc, recommended architecture /,
      );
      expect(await page.getByRole("link", { name: /^Download share image/ }).count()).toBe(2);
      await page.getByTestId("keep-result").screenshot({ path: path.join(testEnv.artifactsDir, "result", `keep-${name}.png`) });
      const png = await page.request.get(`/survey/${slug}/result/share.png`);
      expect(png.status()).toBe(200);
      expect(png.headers()["content-type"]).toBe("image/png");
      expect(png.headers()["cache-control"]).toBe("private, no-store");
      expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });
      writeFileSync(path.join(testEnv.artifactsDir, "result", `share-${name}.png`), await png.body());
      // No wave of this survey is published: no link to a 404.
      expect(await page.getByRole("link", { name: "See how others compare" }).count()).toBe(0);
      await expectAccessible(page, `keep and share (${name})`);
    },
  );

  it("links to the wave's public results once an admin publishes them", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    const slug = await openResult(browser);
    const link = page.getByRole("link", { name: "See how others compare" });
    expect(await link.count()).toBe(0);
    const wave = await testPool().query<{ code: string }>(
      `SELECT w.code FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.status = 'open'`,
      [slug],
    );
    const code = wave.rows[0]?.code ?? "";
    const published = await api(`/api/v1/surveys/${slug}/waves/${encodeURIComponent(code)}/publication`, {
      method: "PUT",
      body: { published: true },
      cookie: await signIn(),
      headers: authHeaders(),
    });
    expect(published.status).toBe(200);
    await page.reload();
    // Beside the index and in "keep your result", like the share image's download.
    expect(await link.count()).toBe(2);
    for (const href of await link.evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      expect(href).toBe(`/results/${slug}/${encodeURIComponent(code)}`);
    await link.first().click();
    await page.getByRole("heading", { level: 1, name: /Results/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/results/${slug}/${encodeURIComponent(code)}`);
  });

  it("prints as a document: no buttons or site chrome, the sections worth printing shown, a few A4 pages", async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await openResult(browser);
    const collapsed = page.locator('main details[data-print="open"]:not([open])');
    const closedDetails = await collapsed.count();
    expect(closedDetails).toBeGreaterThanOrEqual(2); // more reasons, the dimension table

    await page.emulateMedia({ media: "print" });
    for (const hidden of [
      page.getByRole("button", { name: "Print or save as PDF" }),
      page.getByRole("button", { name: "Delete my response" }),
      page.getByTestId("keep-result"),
      page.getByTestId("latency-by-architecture"),
      page.getByRole("navigation", { name: "Main" }),
    ])
      expect(await hidden.isVisible()).toBe(false);
    expect(await page.getByText(/^Readiness Radar · AI Inference Readiness Survey, Q4 2026 · submitted \d+ \w+ \d{4}$/).isVisible()).toBe(
      true,
    );
    // Collapsed sections worth printing show their content in print by CSS alone (no script needed).
    expect(await collapsed.count()).toBe(closedDetails);
    expect(await page.getByTestId("dimension-table").isVisible()).toBe(true);
    expect(await page.getByText("Show as a table").isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await screenshot(page, "result", "print-a4");

    // Browsers without ::details-content: the page opens those sections on beforeprint (from its
    // button or the browser's menu) and closes them on afterprint. Polled: the listener is
    // registered once the page has hydrated.
    await expect
      .poll(() =>
        page.evaluate(
          () => (
            window.dispatchEvent(new Event("beforeprint")),
            document.querySelectorAll('main details[data-print="open"]:not([open])').length
          ),
        ),
      )
      .toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await collapsed.count()).toBe(closedDetails);

    const pdf = await page.pdf({ format: "A4", margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
    mkdirSync(path.join(testEnv.artifactsDir, "result"), { recursive: true });
    writeFileSync(path.join(testEnv.artifactsDir, "result", "result.pdf"), pdf);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    expect(await collapsed.count()).toBe(closedDetails); // closed again once printing is over
  });

  it("serves the share image only to the respondent it belongs to", async () => {
    const slug = await surveyWithPeers();
    const anonymous = await fetch(`${testEnv.baseUrl}/survey/${slug}/result/share.png`);
    expect(anonymous.status).toBe(404);
    expect(await anonymous.json()).toMatchObject({ error: { code: "not_found" } });
    const unknown = await fetch(`${testEnv.baseUrl}/survey/no-such-survey/result/share.png`);
    expect(unknown.status).toBe(404);
  });
});

describe("respondent pages on a phone and a laptop", () => {
  it.each(WIDTHS)("on a %s, no architecture page scrolls sideways or has a serious accessibility problem", async (name, viewport) => {
    browser = await openBrowser(viewport);
    const { page } = browser;
    for (const id of ARCHITECTURE_IDS) {
      await page.goto(`/architectures/${id}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await openAllDetails(page);
      await expectNoSidewaysScroll(page, `/architectures/${id} (${name})`);
      await expectAccessible(page, `/architectures/${id} (${name})`);
    }
    await screenshot(page, "result", `architecture-${name}`);
  });
});
