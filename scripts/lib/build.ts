// Builds the production app only when its sources changed since the last build, so a second
// `npm start` (or `npm test` after `npm start`) starts in seconds instead of rebuilding.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, bin, run } from "./proc";

const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation-client.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(ROOT, ".next", "readiness-source-hash");

function hashInputs(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(ROOT, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (!SKIP.has(entry)) visit(path.join(relative, entry));
      return;
    }
    hash.update(relative).update("\0").update(readFileSync(full)).update("\0");
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export async function buildIfNeeded(force = false): Promise<void> {
  const current = hashInputs();
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "";
  if (!force && built === current) {
    console.log("• Production build is up to date.");
    return;
  }
  console.log("• Building the production app (next build)…");
  await run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(STAMP, current);
}
