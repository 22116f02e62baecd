// The weighting form of a wave in Chromium, on a survey of the test's own (60 complete responses,
// skewed by industry and region): from the waves page to the wave's weighting page, the sample's
// shares beside the target inputs, problems named beside their fields (a share that is not a
// number, a dimension not summing to 100%), saving (the report turns weighted, with n_eff), a CSV
// upload refused by line then accepted with trimming caps, and the history with who and when; on
// a 375 px phone the page does not scroll sideways.
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { idOfRole } from "@/lib/survey/roles";
import { dimensionCategories } from "@/lib/weighting/instrument";
import { validAnswers } from "../helpers/answers";
import { CURRENT_WAVE, SURVEY_SLUG } from "@/lib/survey/instrument";
import { signIn, testAdmin } from "../helpers/auth";
import { putWeightingTargets } from "../helpers/weighting";
import { expectAccessible } from "../helpers/axe";
import { openBrowser, screenshot, sidewaysOverflow, type Browser } from "../helpers/browser";
import { closeTestPool, createTestSurvey, insertCompleteResponses, testPool } from "../helpers/db";
import { logIn } from "../helpers/waves-ui";

let slug = "";
let code = "";
const categories = dimensionCategories(instrumentV1);
const [industryA, industryB] = categories.industry as [string, string];
const [regionX, regionY] = categories.region as [string, string];

beforeAll(async () => {
  const survey = await createTestSurvey("ui-weight");
  slug = survey.slug;
  code = (await testPool().query<{ code: string }>(`SELECT code FROM wave WHERE id = $1`, [survey.waveId])).rows[0]!.code;
  const answers = (industry: string, region: string, count: number) =>
    Array.from({ length: count }, () =>
      validAnswers({ [idOfRole(instrumentV1, "industry")]: industry, [idOfRole(instrumentV1, "region")]: region }),
    );
  await insertCompleteResponses(
    survey.waveId,
    [
      ...answers(industryA, regionX, 30),
      ...answers(industryA, regionY, 10),
      ...answers(industryB, regionX, 5),
      ...answers(industryB, regionY, 15),
    ],
    1,
  );
});
const browsers: Browser[] = [];
afterEach(async () => {
  for (const b of browsers.splice(0)) await b.close();
});
afterAll(closeTestPool);

const input = (page: Page, dimension: string, category: string) => page.locator(`#target-${dimension}-${category}`);

async function fill(page: Page, dimension: "industry" | "region", shares: Record<string, string>) {
  for (const category of categories[dimension]) await input(page, dimension, category).fill(shares[category] ?? "0");
}

describe("the weighting form", () => {
  it("shows the sample's shares, names problems by field, saves, takes a CSV and keeps the history", async () => {
    const admin = await openBrowser({ width: 1280, height: 900 });
    browsers.push(admin);
    const { page } = admin;
    await logIn(admin, `/dashboard/waves?survey=${slug}`);
    await page
      .locator(`[data-wave="${code}"]`)
      .getByRole("link", { name: `Weighting of ${code}` })
      .click();
    await page.waitForURL(/\/dashboard\/waves\/weighting\?/);
    await page.getByRole("heading", { name: `Weighting · ${code}` }).waitFor();
    expect(await page.getByTestId("weighting-status").textContent()).toBe("Unweighted (no targets)");

    // The sample's current shares beside the inputs: industry A is 40 of 60.
    const rowA = page.locator(`[data-dimension="industry"] [data-category="${industryA}"]`);
    expect(await rowA.getByTestId("sample-share").textContent()).toBe("66.7% of sample (n = 40)");
    expect(await input(page, "industry", industryA).isDisabled()).toBe(true);

    // Problems named beside their fields: a share that is not a number (the schema's check, as the
    // API's), then a dimension not summing to 100% (the checks against the wave's categories).
    await page.getByTestId("target-industry").check();
    await page.getByTestId("target-region").check();
    await fill(page, "industry", { [industryA]: "50", [industryB]: "50" });
    await fill(page, "region", { [regionX]: "thirty", [regionY]: "70" });
    await page.getByRole("button", { name: "Save targets" }).click();
    await page.getByTestId("targets-errors").waitFor();
    const xIndex = categories.industry.length + categories.region.indexOf(regionX);
    expect(await page.getByTestId("error-path").allTextContents()).toEqual([`margins[${xIndex}].share`]);
    expect(await page.locator(`[data-field="target-region-${regionX}"]`).count()).toBe(1);
    expect(await input(page, "region", regionX).getAttribute("aria-invalid")).toBe("true");
    await fill(page, "industry", { [industryA]: "50", [industryB]: "40" });
    await fill(page, "region", { [regionX]: "30", [regionY]: "70" });
    await page.getByRole("button", { name: "Save targets" }).click();
    await expect.poll(() => page.getByTestId("error-path").allTextContents()).toEqual(["margins.industry"]);
    expect(await page.locator('[data-field="group-industry"]').textContent()).toMatch(/shares sum to 0\.9/);
    expect(await input(page, "region", regionX).getAttribute("aria-invalid")).toBeNull();
    await expectAccessible(page, "weighting form with errors");
    await screenshot(page, "weighting", "01-errors-by-field");

    // Corrected: saved, weighted, with n_eff below n.
    await fill(page, "industry", { [industryA]: "50", [industryB]: "50" });
    await fill(page, "region", { [regionX]: "30", [regionY]: "70" });
    await page.getByRole("button", { name: "Save targets" }).click();
    await page.getByRole("status").filter({ hasText: "Saved as revision 1" }).waitFor();
    await expect.poll(() => page.getByTestId("weighting-status").textContent()).toBe("Weighted");
    const nEff = Number(await page.getByTestId("report-effective-n-n_eff-").textContent());
    expect(nEff).toBeGreaterThan(0);
    expect(nEff).toBeLessThan(60);
    expect(await rowA.getByTestId("sample-share").textContent()).toBe("66.7% of sample (n = 40) · weighted 50.0%");
    await screenshot(page, "weighting", "02-weighted");

    // A CSV upload: refused by line and column, then accepted with trimming caps.
    const upload = async (text: string) => {
      await page.locator("#targets-csv").setInputFiles({ name: "targets.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      await page.getByRole("button", { name: "Upload CSV" }).click();
    };
    await upload(`dimension,category,share\nindustry,${industryA},half\n`);
    await page.locator('[data-field="upload"]').waitFor();
    expect(await page.locator('[data-field="upload"]').textContent()).toMatch(/line 2: share/);
    const rows = [
      ...categories.industry.map((c) => `industry,${c},${c === industryA || c === industryB ? 0.5 : 0}`),
      ...categories.region.map((c) => `region,${c},${c === regionX ? 0.4 : c === regionY ? 0.6 : 0}`),
    ];
    await page.getByTestId("trim-on").check();
    await page.locator("#trim-lower").fill("0.5");
    await page.locator("#trim-upper").fill("2");
    await upload(["dimension,category,share", ...rows].join("\n"));
    await page.getByRole("status").filter({ hasText: "Saved from the CSV as revision 2" }).waitFor();
    // The inputs now show the uploaded targets (they kept the form's old ones before).
    await expect.poll(() => input(page, "region", regionX).inputValue()).toBe("40");
    expect(await input(page, "region", regionY).inputValue()).toBe("60");
    expect(await input(page, "industry", industryA).inputValue()).toBe("50");
    expect(await page.locator("#trim-upper").inputValue()).toBe("2");

    // The history: newest first, who and from where.
    const history = page.getByTestId("target-history");
    await expect.poll(() => history.locator("li").count()).toBe(2);
    expect(await history.locator("li").first().textContent()).toMatch(
      new RegExp(
        `Revision 2 · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC · ${testAdmin.email.replace(/\./g, "\\.")}` +
          "CSV upload · industry, region · trimmed to 0\\.5–2 × mean",
      ),
    );
    expect(await history.locator("li").nth(1).textContent()).toMatch(/^Revision 1 .*form or API · industry, region$/);
    const stored = await testPool().query<{ revision: number; source: string; actor_email: string }>(
      `SELECT revision, source, actor_email FROM weighting_target_set t JOIN wave w ON w.id = t.wave_id WHERE w.code = $1
        AND w.survey_id = (SELECT id FROM survey WHERE slug = $2) ORDER BY revision`,
      [code, slug],
    );
    expect(stored.rows).toEqual([
      { revision: 1, source: "json", actor_email: testAdmin.email },
      { revision: 2, source: "csv", actor_email: testAdmin.email },
    ]);
    await screenshot(page, "weighting", "03-history");

    // On a phone: nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByTestId("targets-form").waitFor();
    expect(await sidewaysOverflow(page)).toEqual({ document: expect.any(Number), scrollers: [] });
    expect((await sidewaysOverflow(page)).document).toBeLessThanOrEqual(0);
    await expectAccessible(page, "weighting form on a phone");
    await screenshot(page, "weighting", "04-phone");
  }, 120_000);

  it("weights the overview and the findings once the wave has targets: the switch, n and n_eff near the title, on a laptop and a phone", async () => {
    // The analysts' current wave, raked to uniform shares over the industries and regions it has.
    const present = async (column: "industry" | "region") =>
      (
        await testPool().query<{ v: string }>(
          `SELECT DISTINCT r.${column} AS v FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
            WHERE s.slug = $1 AND w.code = $2 AND r.status = 'complete'`,
          [SURVEY_SLUG, CURRENT_WAVE.code],
        )
      ).rows.map((r) => r.v);
    const margins = [];
    for (const dimension of ["industry", "region"] as const) {
      const have = new Set(await present(dimension));
      for (const category of categories[dimension]) margins.push({ dimension, category, share: have.has(category) ? 1 / have.size : 0 });
    }
    const saved = await putWeightingTargets(CURRENT_WAVE.code, margins, await signIn());
    expect(saved.status).toBe(200);

    const laptop = await openBrowser({ width: 1280, height: 900 });
    browsers.push(laptop);
    const { page } = laptop;
    await logIn(laptop, "/dashboard");
    const badge = page.getByTestId("weighting-badge");
    await badge.waitFor();
    expect(await badge.getAttribute("data-state")).toBe("weighted");
    const n = Number((await page.getByTestId("view-n").textContent())?.replace(/,/g, ""));
    const nEff = Number((await page.getByTestId("view-n-eff").textContent())?.replace(/,/g, ""));
    expect(n).toBeGreaterThan(0);
    expect(nEff).toBeGreaterThan(0);
    expect(nEff).toBeLessThan(n);
    expect(
      await page
        .getByRole("navigation", { name: "Weighting" })
        .getByRole("link", { name: "Weighted", exact: true })
        .getAttribute("aria-current"),
    ).toBe("true");
    await page.getByText("Readiness profile").first().waitFor();
    await expectAccessible(page, "weighted overview");
    await screenshot(page, "weighting", "05-overview-weighted-laptop");

    // The switch: unweighted figures, and the page's links keep the choice.
    await page.getByRole("navigation", { name: "Weighting" }).getByRole("link", { name: "Unweighted" }).click();
    await page.waitForURL(/weighted=0/);
    await expect.poll(() => page.getByTestId("weighting-badge").getAttribute("data-state")).toBe("switched_off");
    expect(await page.getByRole("link", { name: "Download tables (CSV)" }).getAttribute("href")).toMatch(/weighted=0/);

    const phone = await openBrowser({ width: 375, height: 812 });
    browsers.push(phone);
    await logIn(phone, "/dashboard?weighted=1");
    await phone.page.getByTestId("weighting-badge").waitFor();
    expect(await phone.page.getByTestId("weighting-badge").getAttribute("data-state")).toBe("weighted");
    await phone.page.getByText("Readiness profile").first().waitFor();
    expect((await sidewaysOverflow(phone.page)).document).toBeLessThanOrEqual(0);
    await expectAccessible(phone.page, "weighted overview on a phone");
    await screenshot(phone.page, "weighting", "06-overview-weighted-phone");

    // The findings are weighted too: the same switch with n and n_eff, and each finding's n_eff.
    await page.goto("/dashboard/findings");
    await page.getByTestId("findings").waitFor();
    expect(await page.getByTestId("weighting-badge").getAttribute("data-state")).toBe("weighted");
    expect(await page.getByTestId("finding-n-eff").count()).toBeGreaterThan(0);
    await expectAccessible(page, "weighted findings");
    await screenshot(page, "weighting", "07-findings-weighted");
    await page.getByRole("navigation", { name: "Weighting" }).getByRole("link", { name: "Unweighted" }).click();
    await page.waitForURL(/weighted=0/);
    await expect.poll(() => page.getByTestId("weighting-badge").getAttribute("data-state")).toBe("switched_off");
    expect(await page.getByTestId("finding-n-eff").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toMatch(/weighted=0/);
    expect(await page.getByRole("link", { name: "Printable report" }).getAttribute("href")).toMatch(/weighted=0/);
  }, 240_000);

  // The suite shares one database: the current wave goes back to unweighted for every later test.
  afterAll(async () => {
    await putWeightingTargets(CURRENT_WAVE.code, [], await signIn());
  });
});
