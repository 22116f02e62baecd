// npm test: type-check, lint, then unit, integration (real PostgreSQL over HTTP against a
// production build) and end-to-end (real Chromium) tests. Uses DATABASE_URL when set, creating
// and dropping a database of its own there; otherwise an embedded PostgreSQL in a temp folder.
// Extra arguments go to Vitest, e.g. `npm test -- tests/unit`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { randomBytes } from "node:crypto";
import { ensureAdmin } from "./lib/admin";
import { ensureSurvey } from "./lib/bootstrap";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";
import { withClient } from "./lib/database";
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy, prismaGenerate } from "./lib/migrate";
import { ROOT, bin, freePort, run, stop, waitForHttp } from "./lib/proc";
import { startAppServer } from "./lib/app-server";
import { insertDemoWaves } from "./lib/seed-insert";

const cleanups: (() => Promise<void>)[] = [];
const step = (name: string) => console.log(`\n▶ ${name}`);

async function provisionDatabase(databaseUrl: string | undefined): Promise<string> {
  if (databaseUrl) {
    const name = `rr_test_${process.pid}_${Date.now().toString(36)}`;
    await withClient(databaseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() => withClient(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined));
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    console.log(`• Test database ${name} on ${url.host}`);
    return url.toString();
  }
  const dir = mkdtempSync(path.join(tmpdir(), "rr-test-pg-"));
  const embedded = await startEmbeddedPostgres(dir);
  cleanups.push(async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  console.log(`• Embedded PostgreSQL on ${new URL(embedded.url).host}`);
  return embedded.url;
}

async function main(): Promise<number> {
  const env = parseEnv();
  const chromium = findChromium(process.env.CHROMIUM_PATH);
  if (!chromium) {
    console.error(
      "Chromium is needed for the end-to-end tests and was not found.\n" +
        "Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu)\n" +
        "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    );
    return 1;
  }

  step("Type-check (tsc --noEmit)");
  await prismaGenerate();
  await run(bin("tsc"), ["--noEmit"]);
  step("Lint (eslint, prettier --check)");
  await run(bin("eslint"), ["--max-warnings", "0", "."]);
  await run(bin("prettier"), ["--check", "--log-level", "warn", "."]);

  step("Database");
  const url = await provisionDatabase(env.DATABASE_URL);
  await migrateDeploy(url);
  await withClient(url, async (client) => {
    const survey = await ensureSurvey(client);
    // Peers for the end-to-end result page: enough for every industry and region to pass k.
    // Three waves (2026-Q2, Q3 closed; Q4 open on v2); the open one holds the most.
    await insertDemoWaves(client, survey.demoWaves, {
      responses: 1500,
      olderResponses: 600,
      seed: 7,
      method: env.DATABASE_URL ? "copy" : "insert",
    });
  });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(48).toString("base64url");
  const admin = { email: "admin@radar.test", password: randomBytes(18).toString("base64url") };
  await ensureAdmin(url, secret, baseUrl, admin.email, admin.password, "Test Admin");

  step("Production build");
  await buildIfNeeded();

  step("App server");
  const server = startAppServer(port, "127.0.0.1", {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: secret,
      APP_URL: baseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(env.DATABASE_URL ? {} : { DB_POOL_SIZE: EMBEDDED_POOL_SIZE }),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  cleanups.push(() => stop(server));
  await waitForHttp(`${baseUrl}/api/health`, server);
  console.log(`• app server on ${baseUrl}`);

  step("Tests (vitest: unit, integration, e2e)");
  const report = path.join(mkdtempSync(path.join(tmpdir(), "rr-vitest-")), "report.json");
  let failed = false;
  try {
    await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)], {
      env: {
        ...process.env,
        TEST_DATABASE_URL: url,
        DATABASE_URL: url,
        APP_BASE_URL: baseUrl,
        AUTH_SECRET: secret,
        APP_URL: baseUrl,
        TEST_ADMIN_EMAIL: admin.email,
        TEST_ADMIN_PASSWORD: admin.password,
        TEST_DATABASE_EMBEDDED: env.DATABASE_URL ? "0" : "1",
        CHROMIUM_PATH: chromium,
        ARTIFACTS_DIR: path.join(ROOT, "tests", "artifacts"),
      },
    });
  } catch {
    failed = true;
  }
  try {
    const summary = JSON.parse(readFileSync(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTotalTests: number;
    };
    if (summary.numTotalTests === 0) failed = true;
    console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
  } catch {
    failed = true;
    console.log("\n0 passed, 1 failed (no test report was written)");
  }
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => console.error("cleanup failed:", error));
  }
}
process.exit(code);
