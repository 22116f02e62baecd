// The architecture catalog in the respondent's language (issue 19), in Chromium: an architecture
// page in Arabic (right to left) and in Japanese shows that language's prose and round-trip note,
// marked by the page's own <html lang dir> rather than as English, axe clean and without sideways
// scrolling on a laptop and a 375 px phone; and the result page names the architectures in every
// respondent language, linking to their pages in that language.
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { localizedArchitecture, localizedCatalog } from "@/lib/architecture/localized";
import { dirOf, LOCALES, type Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { describeViolations, ruleViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool } from "../helpers/db";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await closeTestPool();
});

const DEVICES = [
  ["laptop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 740 }],
] as const;

const SCRIPT: Partial<Record<Locale, RegExp>> = { ar: /[\u0600-\u06ff]/, ja: /[\u3040-\u30ff\u4e00-\u9fff]/ };

async function checkPage(page: Page, where: string, problems: string[]) {
  await page.mouse.move(0, 0);
  const found = [...(await seriousViolations(page)), ...(await ruleViolations(page, ["page-has-heading-one"]))];
  if (found.length) console.error(describeViolations(where, found));
  problems.push(...found.map((p) => `${where}: ${p.id}: ${p.targets.join("; ")}`));
  const overflow = await sidewaysOverflow(page);
  if (overflow.document > 0 || overflow.scrollers.length) problems.push(`${where} scrolls sideways: ${JSON.stringify(overflow)}`);
}

/** The language an element's text is in: its nearest lang attribute (the page's own when none is set). */
const languageOf = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).evaluate((el) => el.closest("[lang]")?.getAttribute("lang") ?? null);

describe("the architecture catalog in the respondent's language", () => {
  for (const [locale, id] of [
    ["ar", "hybrid_split"],
    ["ja", "distributed_edge"],
  ] as const) {
    it(`shows an architecture page in ${locale}: its prose, the round-trip note, lang and dir; axe clean on a laptop and a phone`, async () => {
      const architecture = localizedArchitecture(id, locale)!;
      const { rttNote } = localizedCatalog(locale);
      const problems: string[] = [];
      browser = await openBrowser(DEVICES[0][1]);
      const { page } = browser;
      await page.goto(`/architectures/${id}?lang=${locale}`);
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      expect(await page.locator("html").getAttribute("dir")).toBe(dirOf(locale));
      expect(await page.title()).toContain(architecture.name);

      const heading = page.getByRole("heading", { level: 1 });
      expect(await heading.textContent()).toBe(architecture.name);
      expect(await heading.getAttribute("lang")).toBeNull();
      expect(architecture.description).toMatch(SCRIPT[locale]!);
      for (const text of [architecture.tagline, architecture.description, architecture.latency, architecture.cost]) {
        expect(await languageOf(page, text), text).toBe(locale);
      }
      for (const item of [...architecture.fitsWhen, ...architecture.avoidWhen, ...architecture.operations]) {
        expect(await page.getByRole("listitem").filter({ hasText: item }).count(), item).toBe(1);
        expect(await languageOf(page, item), item).toBe(locale);
      }
      // The other architectures by their names in this language, each page keeping the language.
      const others = localizedCatalog(locale).architectures.filter((a) => a.id !== id);
      const nav = page.getByRole("navigation", { name: (await loadMessages(locale)).architecture.others });
      expect(await nav.getByRole("link").allTextContents()).toEqual(others.map((a) => a.name));
      expect(await nav.getByRole("link").first().getAttribute("href")).toBe(`/architectures/${others[0]!.id}?lang=${locale}`);

      // The note on how estimates are made, in this language too.
      await page.locator("details summary").first().click();
      const details = page.locator("details").first();
      expect(await details.textContent()).toContain(rttNote);
      expect(await details.locator("p").evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe(locale);

      for (const [device, viewport] of DEVICES) {
        await page.setViewportSize(viewport);
        await screenshot(page, "i18n-architectures", `${locale}-${id}-${device}`);
        await checkPage(page, `/architectures/${id} (${locale}, ${device})`, problems);
      }
      expect(problems).toEqual([]);
    });
  }

  it("names the recommended and next-best architectures in every respondent language on the result page", async () => {
    browser = await openBrowser(DEVICES[1][1]);
    const { page, context } = browser;
    for (let i = 0; i < instrumentV1.sections.length; i++) {
      const all = validAnswers();
      const answers = Object.fromEntries(instrumentV1.sections[i]!.questions.map((q) => [q.id, all[q.id] ?? null]));
      expect((await context.request.put("/api/v1/surveys/ai-readiness/draft", { data: { step: i + 1, answers } })).status()).toBe(200);
    }
    const submitted = await context.request.post("/api/v1/surveys/ai-readiness/draft/submit", { data: { submissionId: randomUUID() } });
    expect(submitted.status()).toBe(201);

    const idOf = (href: string | null) => new URL(href ?? "", "http://x").pathname.split("/").pop() ?? "";
    for (const locale of LOCALES) {
      await page.goto(`/survey/ai-readiness/result?lang=${locale}`);
      const recommendation = page.getByTestId("recommendation");
      const top = recommendation.getByRole("heading", { level: 2 }).getByRole("link");
      const topId = idOf(await top.getAttribute("href"));
      expect(await top.textContent(), locale).toBe(localizedArchitecture(topId, locale)?.name);
      expect(await top.getAttribute("lang"), locale).toBeNull();
      // The next best, linked after the latency comparison.
      const nextBest = recommendation.locator("p").last().getByRole("link");
      expect(await nextBest.count(), locale).toBe(2);
      for (const link of await nextBest.all()) {
        const href = await link.getAttribute("href");
        expect(href, locale).toContain(`lang=${locale}`);
        expect(await link.textContent(), locale).toBe(localizedArchitecture(idOf(href), locale)?.name);
      }
      // Every ranked architecture's name in the latency comparison (the phone's list).
      const compared = await recommendation.getByTestId("latency-by-architecture-list").locator("li > p").allTextContents();
      expect(compared.sort(), locale).toEqual(
        localizedCatalog(locale)
          .architectures.map((a) => a.name)
          .sort(),
      );
      if (locale === "ar" || locale === "ja") {
        await recommendation.evaluate((el) => el.scrollIntoView({ block: "start" }));
        await screenshot(page, "i18n-architectures", `${locale}-result-recommendation-phone`, false);
      }
    }

    // Following the recommendation leads to its page in the same language.
    const top = page.getByTestId("recommendation").getByRole("heading", { level: 2 }).getByRole("link");
    const name = await top.textContent();
    await top.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    expect(await page.locator("html").getAttribute("lang")).toBe(LOCALES[LOCALES.length - 1]);
  });
});
