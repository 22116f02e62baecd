// Builds the production app only when its sources changed since the last build, so a second
// `npm start` (or `npm test` after `npm start`) starts in seconds instead of rebuilding: `next
// build`, then the production server (scripts/serve.ts) bundled into one file by esbuild.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";
import { ROOT, bin, run } from "./proc";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "messages",
  "scripts/serve.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(ROOT, ".next", "readiness-source-hash");
export const SERVER_BUNDLE = path.join(ROOT, ".next", "readiness-server.mjs");

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
  const complete = [path.join(ROOT, ".next", "BUILD_ID"), STAMP, SERVER_BUNDLE].every((file) => existsSync(file));
  const built = complete ? readFileSync(STAMP, "utf8") : "";
  if (!force && built === current) {
    console.log("• Production build is up to date.");
    return;
  }
  console.log("• Building the production app (next build)…");
  await run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  await bundleServer();
  writeFileSync(STAMP, current);
}

// "server-only" throws unless resolved under React's server condition, as Next's bundler does;
// the server bundle runs only on the server, so the marker becomes an empty module.
const serverOnly: Plugin = {
  name: "server-only",
  setup(context) {
    context.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    context.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

// Next.js publishes its entry points (next/headers, next/server…) as files without an exports
// map; Node's ES module loader needs their extension spelled out.
const nextSubpaths: Plugin = {
  name: "next-subpaths",
  setup(context) {
    context.onResolve({ filter: /^next\/.+/ }, (args) => ({
      path: args.path.endsWith(".js") ? args.path : `${args.path}.js`,
      external: true,
    }));
  },
};

/**
 * The server and the app code its own routes use, in one ES module. Packages stay in
 * node_modules (Next.js, pg, Prisma's runtime, zod), loaded as Next loads them; only the app's
 * TypeScript is compiled in, so the server starts with plain node (no TypeScript loader, whose
 * caches cost ~40 MB of memory per process).
 */
async function bundleServer(): Promise<void> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(ROOT, "scripts", "serve.ts")],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    plugins: [serverOnly, nextSubpaths],
    logLevel: "warning",
  });
}
