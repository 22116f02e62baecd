// Respondents in their own language (issue 19): the whole survey in Spanish and in Arabic
// (right to left) in Chromium, each locale's first step and result screenshotted and axe-checked,
// the language kept in the URL and stored with the response, the recommendation's reasons in the
// respondent's language and direction, and the first step's JavaScript
// within the page-weight target with only the active locale's messages.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import type { Page } from "playwright-core";
import ar from "@/messages/ar.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ja from "@/messages/ja.json";
import ptBR from "@/messages/pt-BR.json";
import zhCN from "@/messages/zh-CN.json";
import { benchWeight } from "@/scripts/bench/weight";
import { architectureName } from "@/lib/architecture/localized";
import { profileFromAnswers } from "@/lib/architecture/profile";
import { recommend } from "@/lib/architecture/recommend";
import { renderReason } from "@/lib/architecture/reasons";
import { LOCALE_NAMES } from "@/lib/i18n/locale-names";
import { dirOf, LOCALES as ALL_LOCALES, type Locale } from "@/lib/i18n/locales";
import { instrumentV1 } from "@/lib/survey/instrument";
import { localizeInstrument } from "@/lib/survey/translations";
import { describeViolations, ruleViolations, seriousViolations } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await closeTestPool();
});

const LOCALES: Record<Locale, typeof en> = { en, es, "pt-BR": ptBR, fr, de, ja, "zh-CN": zhCN, ar };
type TestLocale = keyof typeof LOCALES;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);
/** Options are chosen by their id (the value), so the steps read the same in every language. */
const choose = (page: Page, id: string, value: string) => question(page, id).locator(`input[value="${value}"]`).check();
const tick = async (page: Page, id: string, values: string[]) => {
  for (const value of values) await choose(page, id, value);
};
const rate = (page: Page, id: string, score: number) =>
  question(page, id)
    .locator("label")
    .nth(score - 1)
    .click();

async function checkPage(page: Page, where: string, problems: string[]) {
  await page.mouse.move(0, 0);
  const found = [...(await seriousViolations(page)), ...(await ruleViolations(page, ["page-has-heading-one"]))];
  if (found.length) console.error(describeViolations(where, found));
  problems.push(...found.map((p) => `${where}: ${p.id}: ${p.targets.join("; ")}`));
  const overflow = await sidewaysOverflow(page);
  if (overflow.document > 0 || overflow.scrollers.length) problems.push(`${where} scrolls sideways: ${JSON.stringify(overflow)}`);
}

/** The answers runSurvey gives that the recommender reads. */
const WORKLOAD_ANSWERS = {
  region: "latin_america",
  concerns: ["latency", "cost", "compliance"],
  workloads: ["autonomous_agents"],
  latency_budget: "250_500ms",
  user_geography: "several_regions",
  traffic_shape: "bursty",
  model_sizes: ["mid"],
  infra_current: ["central_cloud"],
  infra_planned: ["distributed_edge"],
};

/**
 * The recommendation's reasons are the recommender's, in this language (regions by the instrument's
 * names in it), in the page's lang and direction; the section fits a 375 px phone, screenshotted.
 */
async function checkReasons(page: Page, locale: TestLocale, problems: string[]) {
  const top = recommend(profileFromAnswers(instrumentV1, WORKLOAD_ANSWERS)).ranked[0]!;
  const localized = localizeInstrument(instrumentV1, locale).sections[0]!.questions.find((q) => q.id === "region");
  const regions = Object.fromEntries(localized?.type === "single" ? localized.options.map((o) => [o.id, o.label]) : []);
  const t = createTranslator({ locale, messages: LOCALES[locale], namespace: "reasons" });
  const render = (message: (typeof top.reasonMessages)[number]) =>
    renderReason(message, (key, values) => t(key, values), locale, {
      region: (id) => regions[id] ?? id,
      architecture: (id) => architectureName(id, locale),
    });
  const expected = top.reasonMessages.map(render);
  expect(expected.length).toBeGreaterThan(4);
  const lists = page.getByTestId("recommendation").getByTestId("reasons");
  expect(await lists.locator("li").allTextContents()).toEqual(expected);
  if (locale !== "en") expect(expected.some((text, i) => text === top.reasons[i])).toBe(false);
  // The trade-off under the reasons too.
  const tradeoff = render(top.tradeoffMessage);
  expect(await page.getByTestId("tradeoff").textContent()).toContain(tradeoff);
  if (locale !== "en") expect(tradeoff).not.toBe(top.tradeoff);
  for (const list of await lists.all()) {
    expect(
      await list.evaluate((el) => [el.closest("[lang]")?.getAttribute("lang"), el.getAttribute("dir"), getComputedStyle(el).direction]),
    ).toEqual([locale, null, dirOf(locale)]);
  }
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 740 });
  const recommendation = page.getByTestId("recommendation");
  const closed = recommendation.locator("details:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
  await recommendation.screenshot({ path: path.join(testEnv.artifactsDir, `i18n-${locale}`, "04-recommendation-phone.png") });
  const overflow = await sidewaysOverflow(page);
  if (overflow.document > 0) problems.push(`recommendation (${locale}, phone) scrolls sideways: ${JSON.stringify(overflow)}`);
  if (viewport) await page.setViewportSize(viewport);
}

async function runSurvey(page: Page, locale: TestLocale): Promise<string[]> {
  const problems: string[] = [];
  const m = LOCALES[locale];
  const instrument = localizeInstrument(instrumentV1, locale);
  const title = (step: number) => instrument.sections[step - 1]!.title;
  const progress = (step: number) => fill(m.survey.stepOf, { step, total: 6 });
  const next = async (step: number) => {
    await page.getByRole("button", { name: m.survey.next, exact: true }).click();
    // Each Next saves the step first; on a busy machine that can take a few seconds.
    await expect.poll(() => page.getByTestId("progress-label").textContent(), { timeout: 15_000 }).toBe(progress(step));
    expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual([title(step)]);
    expect(new URL(page.url()).searchParams.get("lang"), `step ${step} keeps the language`).toBe(locale);
  };

  await page.goto(`/survey/ai-readiness?lang=${locale}`);
  expect(await page.locator("html").getAttribute("lang")).toBe(locale);
  expect(await page.locator("html").getAttribute("dir")).toBe(dirOf(locale));
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(instrument.title);
  // The switcher names every language in that language and marks this one.
  const switcher = page.getByRole("navigation", { name: m.switcher.label });
  expect(await switcher.locator('[aria-current="true"]').getAttribute("hreflang")).toBe(locale);
  await page.getByRole("button", { name: m.survey.start }).click();
  await expect.poll(() => page.getByRole("alert").first().textContent()).toBe(m.survey.consentError);
  await page.getByRole("checkbox", { name: m.survey.consent }).check();
  await page.getByRole("button", { name: m.survey.start }).click();

  // Step 1: a validation message in the respondent's language first.
  await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe(progress(1));
  expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual([title(1)]);
  await page.getByRole("button", { name: m.survey.next, exact: true }).click();
  await expect.poll(() => question(page, "industry").getByRole("alert").textContent()).toContain(m.validation.chooseOne);
  expect(await page.getByRole("alert").first().textContent()).toBe(m.survey.answerHighlighted);
  await screenshot(page, `i18n-${locale}`, "01-step1-validation");
  await checkPage(page, `step 1 with errors (${locale})`, problems);
  await choose(page, "industry", "financial_services");
  await choose(page, "region", "latin_america");
  await choose(page, "company_size", "1000_9999");
  await choose(page, "role", "platform_infra");
  // Option labels are the instrument's translations.
  const industryOption = instrument.sections[0]!.questions[0]!;
  if (industryOption.type !== "single") throw new Error("industry is a single choice");
  expect(await question(page, "industry").getByRole("radio", { name: industryOption.options[0]!.label, exact: true }).isChecked()).toBe(
    true,
  );
  await screenshot(page, `i18n-${locale}`, "02-step1");
  await checkPage(page, `step 1 (${locale})`, problems);
  await next(2);

  await rate(page, "ready_self", 4);
  await rate(page, "ready_team", 3);
  await rate(page, "ready_org", 3);
  await choose(page, "ai_stage", "pilots");
  await next(3);
  for (const id of ["dim_strategy", "dim_compute", "dim_network", "dim_data", "dim_governance", "dim_talent", "dim_culture"]) {
    await rate(page, id, 3);
  }
  await next(4);
  await tick(page, "excitements", ["productivity"]);
  await tick(page, "concerns", ["latency", "cost", "compliance"]);
  const ranks = question(page, "concerns_top3").getByRole("combobox");
  await ranks.nth(0).selectOption("latency");
  await ranks.nth(1).selectOption("cost");
  // A concern ranked elsewhere is named with its place, in the locale's words.
  const concerns = instrument.sections[3]!.questions.find((q) => q.id === "concerns");
  const latency = concerns?.type === "multi" ? concerns.options.find((o) => o.id === "latency")?.label : undefined;
  expect(await ranks.nth(1).locator('option[value="latency"]').textContent()).toBe(
    createTranslator({ locale, messages: m })("survey.rankedElsewhere", { label: latency ?? "", place: 1 }),
  );
  await ranks.nth(2).selectOption("compliance");
  await checkPage(page, `step 4 (${locale})`, problems);
  await next(5);
  await tick(page, "workloads", ["autonomous_agents"]);
  await choose(page, "latency_budget", "250_500ms");
  await choose(page, "user_geography", "several_regions");
  await choose(page, "traffic_shape", "bursty");
  await tick(page, "model_sizes", ["mid"]);
  await next(6);
  await tick(page, "infra_current", ["central_cloud"]);
  await tick(page, "infra_planned", ["distributed_edge"]);
  await page.getByRole("button", { name: m.survey.submit, exact: true }).click();
  await page.waitForURL(/\/result\?lang=/);

  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(m.result.heading);
  expect(await page.locator("html").getAttribute("dir")).toBe(dirOf(locale));
  await page.getByTestId("dimension-chart").waitFor();
  expect(await page.getByRole("heading", { name: m.result.indexHeading }).count()).toBe(1);
  // Stage of readiness is the translated scale label.
  const dimension = instrument.sections[2]!.questions[0]!;
  if (dimension.type !== "likert") throw new Error("dimensions are Likert questions");
  expect(await page.getByTestId("readiness-stage").textContent()).toContain(dimension.scale[2]!);
  expect(await page.getByTestId("delete-response").getByRole("heading", { level: 2 }).textContent()).toBe(m.deletion.heading);
  await screenshot(page, `i18n-${locale}`, "03-result");
  await checkPage(page, `result (${locale})`, problems);
  await checkReasons(page, locale, problems);
  return problems;
}

describe("respondents in their own language", () => {
  for (const locale of ["es", "ar"] as const) {
    it(`completes the whole survey in ${locale}, stores the language, and the result speaks it`, async () => {
      browser = await openBrowser({ width: 1280, height: 900 });
      const problems = await runSurvey(browser.page, locale);
      const { rows } = await testPool().query<{ language: string }>(
        `SELECT language FROM response WHERE source = 'web' AND status = 'complete' AND region = 'latin_america'
         ORDER BY submitted_at DESC LIMIT 1`,
      );
      expect(rows[0]?.language).toBe(locale);
      expect(problems).toEqual([]);
    });
  }

  it("chooses the language from Accept-Language when the URL names none, and sends only that locale's words", async () => {
    const page = async (headers: Record<string, string>, search = "") =>
      (await fetch(`${testEnv.baseUrl}/survey/ai-readiness${search}`, { headers })).text();
    const spanish = await page({ "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" });
    expect(spanish).toContain('<html lang="es" dir="ltr"');
    expect(spanish).toContain(localizeInstrument(instrumentV1, "es").title);
    // Neither the Arabic catalog nor the Arabic instrument travels with a Spanish page.
    expect(spanish).not.toContain(ar.survey.start);
    expect(spanish).not.toContain(localizeInstrument(instrumentV1, "ar").title);
    const arabic = await page({ "Accept-Language": "en" }, "?lang=ar");
    expect(arabic).toContain('<html lang="ar" dir="rtl"');
    expect(arabic).not.toContain(es.survey.start);
    expect(await page({ "Accept-Language": "ko-KR, it;q=0.5" })).toContain('<html lang="en" dir="ltr"');
  });

  /** <html lang dir> follow the locale, and the switcher names every language, marking this one. */
  const checkLanguage = async (page: Page, locale: Locale) => {
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);
    expect(await page.locator("html").getAttribute("dir")).toBe(dirOf(locale));
    const switcher = page.getByRole("navigation", { name: LOCALES[locale].switcher.label });
    expect(await switcher.getByRole("link").allTextContents()).toEqual(ALL_LOCALES.map((l) => LOCALE_NAMES[l]));
    expect(await switcher.locator('[aria-current="true"]').getAttribute("hreflang")).toBe(locale);
  };
  const DEVICES = [
    ["laptop", { width: 1280, height: 900 }],
    ["phone", { width: 375, height: 740 }],
  ] as const;

  it("shows every language's first step on a laptop and a 375 px phone, axe clean, with the switcher", async () => {
    const problems: string[] = [];
    for (const locale of ALL_LOCALES) {
      // A browser of its own per language: a new respondent each time.
      browser = await openBrowser(DEVICES[0][1]);
      const { page } = browser;
      const m = LOCALES[locale];
      await page.goto(`/survey/ai-readiness?lang=${locale}`);
      await checkLanguage(page, locale);
      await page.getByRole("checkbox", { name: m.survey.consent }).check();
      await page.getByRole("button", { name: m.survey.start }).click();
      await expect.poll(() => page.getByTestId("progress-label").textContent()).toBe(fill(m.survey.stepOf, { step: 1, total: 6 }));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(localizeInstrument(instrumentV1, locale).sections[0]!.title);
      for (const [device, viewport] of DEVICES) {
        await page.setViewportSize(viewport);
        await screenshot(page, "i18n-locales", `${locale}-${device}-first-step`);
        await checkPage(page, `first step (${locale}, ${device})`, problems);
      }
      await browser.close();
      browser = undefined;
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it("shows one result in every language on a laptop and a 375 px phone, axe clean, with the switcher", async () => {
    browser = await openBrowser(DEVICES[0][1]);
    const { page } = browser;
    const problems = await runSurvey(page, "en");
    for (const locale of ALL_LOCALES) {
      await page.setViewportSize(DEVICES[0][1]);
      await page.goto(`/survey/ai-readiness/result?lang=${locale}`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(LOCALES[locale].result.heading);
      await page.getByTestId("dimension-chart").waitFor();
      await checkLanguage(page, locale);
      // The latency estimates name the users' regions in this language (the instrument's own names).
      const region = localizeInstrument(instrumentV1, locale).sections[0]!.questions.find((q) => q.id === "region");
      const latinAmerica = region?.type === "single" ? region.options.find((o) => o.id === "latin_america")?.label : undefined;
      expect(await page.getByTestId("latency-for-you").textContent()).toContain(latinAmerica);
      for (const [device, viewport] of DEVICES) {
        await page.setViewportSize(viewport);
        await screenshot(page, "i18n-locales", `${locale}-${device}-result`);
        await checkPage(page, `result (${locale}, ${device})`, problems);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it("keeps the first step's JavaScript within the page-weight target in every tested language", async () => {
    for (const search of ["", "?lang=es", "?lang=ar"]) {
      const [result] = await benchWeight(testEnv.baseUrl, "ai-readiness", search);
      expect(result?.pass, `${result?.metric}: ${result?.app} KB (${result?.note})`).toBe(true);
    }
  });
});
