// What the wave tests in Chromium share: the definition an admin publishes (the demo's v2 plus a
// question and an option), a malformed one, signing in, checking a definition, answering a question.
import type { Page } from "playwright-core";
import { bundledV2 } from "@/lib/survey/instruments";
import type { AnswerValue, Instrument } from "@/lib/survey/instrument-schema";
import { testAdmin } from "./auth";
import type { Browser } from "./browser";
import { englishOnly } from "./english-only";

export /** The open demo wave's v2 plus a required question and an option: what the admin publishes. */
function v3(): Instrument {
  const next = structuredClone(englishOnly(bundledV2));
  next.version = 3;
  const stage = next.sections.flatMap((s) => s.questions).find((q) => q.id === "ai_stage");
  if (stage?.type !== "single") throw new Error("ai_stage is a single choice");
  stage.options.push({ id: "agents_in_production", label: "Agents in production", help: "Autonomous agents serve real users" });
  next.sections
    .find((s) => s.id === "workloads")!
    .questions.push({
      id: "gpu_sourcing",
      type: "single",
      required: true,
      label: "How do you get GPU capacity for inference?",
      options: [
        { id: "hyperscaler", label: "A hyperscaler" },
        { id: "neocloud", label: "A GPU cloud" },
        { id: "own", label: "Our own hardware" },
      ],
    });
  return next;
}

export function malformed(): unknown {
  const bad = JSON.parse(JSON.stringify(v3())) as Record<string, unknown> & { sections: { questions: Record<string, unknown>[] }[] };
  delete bad.title;
  bad.sections[0]!.questions[0]!.options = [{ id: "Not An Id", label: "Bad" }, { label: "No id" }];
  bad.sections[3]!.questions[2]!.slots = 0;
  return bad;
}

export async function logIn(b: Browser, path: string, account: { email: string; password: string } = testAdmin) {
  const { page } = b;
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith(new URL(path, "http://x").pathname));
}

export async function check(page: Page, definition: unknown) {
  await page.getByLabel("Definition (JSON)").fill(JSON.stringify(definition, null, 2));
  await page.getByRole("button", { name: "Check the definition" }).click();
}

export const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

/** Answers a question the way a person does: clicks the option's card, types, or picks ranks. */
export async function answer(page: Page, id: string, value: AnswerValue) {
  const q = question(page, id);
  if (typeof value === "string" && (await q.locator("textarea").count())) return q.locator("textarea").fill(value);
  if (Array.isArray(value) && (await q.locator("select").count())) {
    for (const [i, v] of value.entries()) await q.locator("select").nth(i).selectOption(v);
    return;
  }
  for (const v of Array.isArray(value) ? value : [value]) {
    const input = q.locator(`input[value="${v}"]`);
    if (!(await input.isChecked())) await q.locator(`label:has(input[value="${v}"])`).click();
  }
}
