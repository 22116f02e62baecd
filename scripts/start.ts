// npm start: the whole app on one machine. Uses DATABASE_URL when set; otherwise runs the embedded
// PostgreSQL (data in ./.data), applies migrations, seeds demo data on the first run only,
// builds the production app when sources changed, starts the production server (scripts/serve.ts) and prints the URL.
import path from "node:path";
import { EnvError, appUrl, parseEnv } from "@/lib/env";
import { ensureAdmin, issueSetupToken } from "./lib/admin";
import { ensureSurvey } from "./lib/bootstrap";
import { buildIfNeeded } from "./lib/build";
import { DataDirBusyError, acquireDataDir } from "./lib/data-lock";
import { openDatabase, withClient } from "./lib/database";
import { EMBEDDED_POOL_SIZE } from "./lib/embedded-postgres";
import { migrateDeploy, prismaGenerate } from "./lib/migrate";
import { ROOT, start, stop, waitForHttp } from "./lib/proc";
import { startAppServer } from "./lib/app-server";
import { progressReporter } from "./lib/progress";
import { authSecret } from "./lib/secret";
import { insertDemoWaves } from "./lib/seed-insert";
import { describePurge, purgeExpired } from "@/lib/retention/purge";

async function main() {
  const env = parseEnv();
  // The embedded database lives in DATA_DIR: take it first. Refuses while another start, backup or
  // restore uses it, and stops the app server a killed earlier start left behind (it would hold
  // the port and answer 503s from a database that is gone).
  const lock = env.DATABASE_URL ? undefined : acquireDataDir(path.resolve(ROOT, env.DATA_DIR), "start");
  if (lock?.stoppedOrphan)
    console.log(`• Stopped the app server (pid ${lock.stoppedOrphan}) left running by an earlier start that was killed`);
  const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
  console.log(
    database.embedded
      ? `• Embedded PostgreSQL on ${new URL(database.url).host} (data in ${env.DATA_DIR}/pglite)`
      : "• Using the PostgreSQL at DATABASE_URL",
  );
  let server: ReturnType<typeof start> | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server) await stop(server);
    await database.stop();
    lock?.release();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await prismaGenerate();
    await migrateDeploy(database.url);
    const secret = authSecret(env.AUTH_SECRET, path.resolve(ROOT, env.DATA_DIR));
    const baseUrl = appUrl(env);
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      await ensureAdmin(database.url, secret, baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
      console.log(`• Admin account ${env.ADMIN_EMAIL} is ready`);
    }
    let setupToken: string | null = null;
    await withClient(database.url, async (client) => {
      setupToken = await issueSetupToken(client);
      const survey = await ensureSurvey(client);
      // Demo data only on the embedded database's first run: never into a real database unasked.
      if (database.embedded && survey.surveyCreated && env.SEED_RESPONSES > 0) {
        // Each demo wave gets SEED_RESPONSES rows, drifting from 2026-Q2 to the open 2026-Q4.
        await insertDemoWaves(client, survey.demoWaves, {
          responses: env.SEED_RESPONSES,
          seed: 42,
          onProgress: progressReporter("• Seeding demo data"),
        });
      }
    });
    await withClient(database.url, async (client) => {
      console.log(`• ${describePurge(await purgeExpired(client, env.PARTIAL_RETENTION_DAYS), env.PARTIAL_RETENTION_DAYS)}`);
    });
    await buildIfNeeded();

    const host = env.HOST;
    server = startAppServer(env.PORT, host, {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        AUTH_SECRET: secret,
        APP_URL: baseUrl,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        ...(database.embedded ? { DB_POOL_SIZE: EMBEDDED_POOL_SIZE } : {}),
      },
    });
    if (server.pid) lock?.update({ serverPid: server.pid });
    server.on("exit", (code) => {
      if (!stopping) {
        console.error(`the app server exited (${code ?? "signal"})`);
        void shutdown(code ?? 1);
      }
    });
    const shownHost = host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host;
    await waitForHttp(`http://127.0.0.1:${env.PORT}/api/health`, server, 90_000);
    console.log(
      `\n  Readiness Radar is running at http://${shownHost}:${env.PORT}\n  Survey: ` +
        `http://${shownHost}:${env.PORT}/survey/ai-readiness\n  Dashboards: ${baseUrl}/dashboard`,
    );
    if (setupToken) console.log(`  No admin yet. Create the first one (link valid 24 h, once): ${baseUrl}/setup?token=${setupToken}`);
    console.log("  Press Ctrl+C to stop.\n");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError || error instanceof DataDirBusyError ? error.message : error);
  process.exit(1);
});
