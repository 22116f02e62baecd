import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The Chromium the end-to-end tests drive (CHROMIUM_PATH overrides); never downloaded. */
export function findChromium(override: string | undefined): string | null {
  if (override) return existsSync(override) ? override : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}
