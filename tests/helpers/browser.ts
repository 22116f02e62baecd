import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { clientIp } from "./auth";
import { testEnv } from "./env";

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A fresh Chromium profile (no cookies) with the flags this offline machine needs. */
export async function openBrowser(viewport: { width: number; height: number }, options: { baseUrl?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "rr-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: testEnv.chromium,
    headless: true,
    viewport,
    baseURL: options.baseUrl ?? testEnv.baseUrl,
    // Each browser is a different visitor: its own address for the per-address login limit (the
    // suite signs in dozens of times a minute, which one real address never would).
    extraHTTPHeaders: { "x-forwarded-for": clientIp() },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    },
  };
}

/** Saves a full-page screenshot under tests/artifacts/<group>/<name>.png. */
export async function screenshot(page: Page, group: string, name: string, fullPage = true): Promise<void> {
  const dir = path.join(testEnv.artifactsDir, group);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

export interface SidewaysOverflow {
  /** How far the document is wider than the viewport (0 or less: no sideways scrolling). */
  document: number;
  /** Elements that scroll sideways themselves (overflow-x auto or scroll, content wider than the box). */
  scrollers: string[];
}

/** What scrolls sideways on the page as it is now: the document, or any region inside it. */
export async function sidewaysOverflow(page: Page): Promise<SidewaysOverflow> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : ""}` +
      ` (${el.scrollWidth} > ${el.clientWidth})`;
    const scrollers = [...document.querySelectorAll("body *")].filter((el) => {
      const overflow = getComputedStyle(el).overflowX;
      return (overflow === "auto" || overflow === "scroll") && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
    });
    return { document: document.documentElement.scrollWidth - window.innerWidth, scrollers: scrollers.map(describe) };
  });
}
