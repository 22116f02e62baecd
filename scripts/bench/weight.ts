// Respondent page weight: the JavaScript a phone downloads for the survey's first step, measured
// from a real Chromium page load (bytes on the wire, gzip as the server sends it). Target: 150 KB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { findChromium } from "../lib/chromium";
import type { BenchResult } from "./report";

interface Script {
  url: string;
  bytes: number;
  encoding: string;
}

/** `search`: a query for the page, e.g. "?lang=ar" (the first step of that language). */
export async function benchWeight(baseUrl: string, slug: string, search = ""): Promise<BenchResult[]> {
  const executablePath = findChromium(process.env.CHROMIUM_PATH);
  if (!executablePath) throw new Error("Chromium is needed for the page-weight benchmark: sudo apt-get install -y chromium");
  const profile = mkdtempSync(path.join(tmpdir(), "rr-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 390, height: 844 },
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
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const pending = new Map<string, { url: string; encoding: string }>();
    const scripts: Script[] = [];
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script")
        pending.set(event.requestId, {
          url: event.response.url,
          encoding: String(event.response.headers["content-encoding"] ?? event.response.headers["Content-Encoding"] ?? "none"),
        });
    });
    cdp.on("Network.loadingFinished", (event) => {
      const script = pending.get(event.requestId);
      if (script) scripts.push({ ...script, bytes: event.encodedDataLength });
    });
    await page.goto(`${baseUrl}/survey/${slug}${search}`, { waitUntil: "networkidle" });
    // Through the introduction to the first step's questions, as a respondent would, before answering.
    await page.getByRole("checkbox").first().check();
    await page.locator("main form button[type=submit]").first().click();
    await page.locator("fieldset").first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    const largest = [...scripts].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    // Responses under 1 KB are sent as they are (Next's compression threshold): not worth a gzip.
    const uncompressed = scripts.filter((s) => s.encoding !== "gzip" && s.encoding !== "br" && s.bytes > 1500);
    const name = (url: string) => new URL(url).pathname.replace(/^\/_next\/static\/chunks\//, "");
    return [
      {
        benchmark: "weight",
        metric: `survey first step${search ? ` (${search})` : ""}, ${scripts.length} scripts`,
        unit: "KB",
        app: Math.round((total / 1024) * 10) / 10,
        baseline: null,
        ratio: null,
        target: "<= 150 KB",
        pass: total / 1024 <= 150 && uncompressed.length === 0,
        note:
          `largest: ${largest.map((s) => `${name(s.url)} ${(s.bytes / 1024).toFixed(1)} KB`).join(", ")}` +
          (uncompressed.length ? `; NOT compressed: ${uncompressed.map((s) => name(s.url)).join(", ")}` : ""),
      },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
