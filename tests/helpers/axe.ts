import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page once it has settled and returns its serious and critical violations,
 * one entry per rule with the offending elements' selectors. `describe` prints them readably.
 */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  await metadataSettled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes
        .slice(0, 8)
        .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1).join(" ").trim()})` : ""}`),
    }));
}

/**
 * Next streams a page's metadata after its body: on a client-side navigation (a router.replace
 * to the same route, say) the old <title> is gone before the new one arrives. Waits for it, for a
 * while; a page that never gets one is then reported by axe's document-title rule.
 */
async function metadataSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => undefined);
}

/** Fails the test on any serious or critical violation, naming the page and the elements. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover state on what axe reads
  const problems = await seriousViolations(page);
  expect(problems, describeViolations(where, problems)).toEqual([]);
}

export function describeViolations(where: string, problems: AxeProblem[]): string {
  if (!problems.length) return `${where}: no serious or critical violations`;
  return [
    `${where}:`,
    ...problems.map((p) => `  [${p.impact}] ${p.id}: ${p.help}\n${p.targets.map((t) => `      - ${t}`).join("\n")}`),
  ].join("\n");
}

/** Violations of the named axe rules only, whatever their impact or tags (e.g. the best-practice
 * rule page-has-heading-one, which the WCAG tags above do not include). */
export async function ruleViolations(page: Page, rules: string[]): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).withRules(rules).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.slice(0, 8).map((n) => n.target.join(" ")),
  }));
}
