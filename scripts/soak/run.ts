// npm run soak: fault runs against a production build, each ending in SQL checks.
//   db-restart       20 clients submit continuously while PostgreSQL is stopped and started again
//                    (a real server the soak owns; PGlite if there are no server binaries). The app
//                    is not restarted: it must answer 503 + Retry-After while the database is away
//                    and recover by itself.
//   app-kill-submit  the app server is SIGKILLed during the same load and started again; a draft
//                    saved before the kill must resume.
//   app-kill-export  the app server is SIGKILLed while streaming the responses CSV; restarted, it serves
//                    again and the database holds no half-written rows or stuck COPY sessions.
//   embedded-restart npm start's own process (it hosts the embedded PGlite) is SIGKILLed under load
//                    and started again: all acknowledged data is kept.
// Options: --clients 20 --seconds 30 --down-seconds 3 --scenarios a,b --pg auto|pglite
//          --stop-mode fast|immediate --export-rows 20000
// Exits non-zero on any duplicate, loss, 500, half-written row or failed check.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import Papa from "papaparse";
import { ensureAdmin } from "../lib/admin";
import { ensureSurvey } from "../lib/bootstrap";
import { buildIfNeeded } from "../lib/build";
import { withClient } from "../lib/database";
import { EMBEDDED_POOL_SIZE } from "../lib/embedded-postgres";
import { migrateDeploy, prismaGenerate } from "../lib/migrate";
import { bin, freePort, ROOT } from "../lib/proc";
import { insertDemoResponses } from "../lib/seed-insert";
import { appServer, type AppServer } from "./app";
import { LOAD_TEST_APP_ENV } from "../lib/load-env";
import { runLoad, soakAnswers, SURVEY_SLUG, type Submission } from "./load";
import { ownPostgres, type OwnedPostgres } from "./postgres";
import { countsTable, HALF_WRITTEN_SQL, verifySubmissions } from "./verify";

const SCENARIOS = ["db-restart", "app-kill-submit", "app-kill-export", "embedded-restart"] as const;
type Scenario = (typeof SCENARIOS)[number];

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
function numberOption(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const options = {
  clients: numberOption("clients", 20),
  seconds: numberOption("seconds", 30),
  downSeconds: numberOption("down-seconds", 3),
  exportRows: numberOption("export-rows", 20_000),
  pg: option("pg", "auto") === "pglite" ? ("pglite" as const) : ("auto" as const),
  stopMode: option("stop-mode", "fast") === "immediate" ? ("immediate" as const) : ("fast" as const),
  scenarios: option("scenarios", SCENARIOS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean) as Scenario[],
};
for (const s of options.scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s} (known: ${SCENARIOS.join(", ")})`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(line);
const runTag = Date.now().toString(36);

interface Result {
  scenario: Scenario;
  problems: string[];
  checks: number;
}
const results: Result[] = [];
const cleanups: (() => Promise<void>)[] = [];

function record(scenario: Scenario, problems: string[], checks: number) {
  results.push({ scenario, problems, checks });
  log(
    problems.length === 0
      ? `  ✔ ${scenario}: all ${checks} checks passed`
      : `  ✖ ${scenario}: ${problems.length} problem(s)\n${problems
          .slice(0, 20)
          .map((p) => `    - ${p}`)
          .join("\n")}`,
  );
}

interface Stack {
  pg: OwnedPostgres;
  url: string;
  app: AppServer;
  admin: { email: string; password: string };
}

async function prepareStack(): Promise<Stack> {
  const pg = await ownPostgres(options.pg);
  cleanups.push(() => pg.destroy());
  log(`• Database the soak owns and restarts: ${pg.description}`);
  if (pg.mode === "pglite") log("  (restart = PGlite closed and reopened on the same port and data directory)");
  let url = pg.url;
  if (pg.mode === "server") {
    await withClient(pg.url, (c) => c.query("CREATE DATABASE rr_soak"));
    const u = new URL(pg.url);
    u.pathname = "/rr_soak";
    url = u.toString();
  }
  await prismaGenerate();
  await migrateDeploy(url);
  await withClient(url, async (client) => {
    const { waveId } = await ensureSurvey(client);
    await insertDemoResponses(client, { waveId, responses: options.exportRows, seed: 11, batchSize: 5000 });
  });
  log(`• Migrated, ${options.exportRows} demo responses seeded`);
  await buildIfNeeded();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(48).toString("base64url");
  const admin = { email: "soak@radar.test", password: randomBytes(18).toString("base64url") };
  await ensureAdmin(url, secret, baseUrl, admin.email, admin.password, "Soak");
  const app = appServer(port, {
    DATABASE_URL: url,
    AUTH_SECRET: secret,
    APP_URL: baseUrl,
    ...(pg.mode === "pglite" ? { DB_POOL_SIZE: EMBEDDED_POOL_SIZE } : {}),
  });
  cleanups.push(() => app.stop());
  await app.start();
  log(`• app server on ${baseUrl} (pid ${app.pid()})`);
  return { pg, url, app, admin };
}

async function health(baseUrl: string): Promise<number | "no answer"> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return "no answer";
  }
}

function printCounts(scenario: string, submissions: Submission[], verification: Awaited<ReturnType<typeof verifySubmissions>>) {
  log(countsTable(scenario, verification.counts));
  const refusedThenStored = submissions.filter((s) => s.refused > 0 && s.ackStatus === 200).length;
  if (refusedThenStored > 0)
    log(`  (${refusedThenStored} refused or unanswered attempt(s) had in fact committed; the retry got 200 and the same id)`);
}

// ── db-restart ──────────────────────────────────────────────────────────────────────────────
async function dbRestart(stack: Stack): Promise<void> {
  const scenario = "db-restart";
  log(
    `\n▶ ${scenario}: ${options.clients} clients for ${options.seconds} s; PostgreSQL stopped (${options.stopMode}) ` +
      `for ${options.downSeconds} s at ${Math.round(options.seconds / 3)} s`,
  );
  const appPid = stack.app.pid();
  const started = Date.now();
  const until = started + options.seconds * 1000;
  const runId = `${runTag}r`;
  const load = runLoad({ baseUrl: () => stack.app.baseUrl, runId, clients: options.clients, until, giveUpMs: 90_000 });
  await sleep((options.seconds * 1000) / 3);
  // A CSV export is streaming (held mid-COPY by back-pressure) when the database goes away: its
  // connection dies under it, which must end that download with an error and nothing else.
  const rowsBefore = await countResponses(stack.url);
  const exportReader = await openExport(stack);
  const rowsAfter = await countResponses(stack.url);
  const stoppedAt = Date.now();
  await stack.pg.stopServer(options.stopMode);
  log(`  PostgreSQL stopped at ${((stoppedAt - started) / 1000).toFixed(1)} s`);
  await sleep(options.downSeconds * 1000);
  const healthWhileDown = await health(stack.app.baseUrl);
  await stack.pg.startServer();
  const backAt = Date.now();
  log(`  PostgreSQL started again at ${((backAt - started) / 1000).toFixed(1)} s; app health while it was down: ${healthWhileDown}`);
  const submissions = await load;
  const verification = await verifySubmissions(stack.url, runId, submissions);
  printCounts(scenario, submissions, verification);
  const problems = [...verification.problems];
  // Either the restart cut the download (an error, never a short file that looks whole), or
  // PostgreSQL had already sent everything into the buffers: then it is the whole snapshot.
  const held = await drain(exportReader);
  const whole = !held.failed && held.rows >= rowsBefore && held.rows <= rowsAfter;
  log(
    `  the export streaming during the restart ` +
      (held.failed
        ? "ended with an error (no silently short file)"
        : `had been sent whole before the stop (${held.rows} rows, ` +
          `${whole ? "the complete snapshot" : `NOT the ${rowsBefore}-${rowsAfter} rows of its snapshot`})`),
  );
  if (!held.failed && !whole)
    problems.push(
      `an export cut by the database restart ended like a complete file with ${held.rows} rows (snapshot had ${rowsBefore}-${rowsAfter})`,
    );
  if (healthWhileDown !== 503) problems.push(`/api/health answered ${healthWhileDown} while the database was down (want 503)`);
  if (stack.app.pid() !== appPid) problems.push("the app process did not survive the database restart");
  const freshAfter = submissions.filter((s) => s.ackAt && s.ackAt > backAt && s.attempts === 1).length;
  // The same app process, never restarted, takes a new submission at once.
  const probe = await fetch(`${stack.app.baseUrl}/api/v1/surveys/${SURVEY_SLUG}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `soak-${runTag}-db-probe` },
    body: JSON.stringify({ answers: soakAnswers(`soak ${runTag} db probe`, 2) }),
  });
  log(
    `  after the restart, same app process (pid ${stack.app.pid()}): ${freshAfter} new submission(s) acknowledged ` +
      `on the first attempt during the load; a new one now answers ${probe.status}`,
  );
  if (probe.status !== 201)
    problems.push(`a new submission after the database came back answered ${probe.status} (the app did not recover by itself)`);
  if (submissions.every((s) => s.refused === 0 && s.noAnswer === 0))
    problems.push("no submission was refused: the restart did not overlap the load");
  record(scenario, problems, 9);
}

// ── app-kill-submit ─────────────────────────────────────────────────────────────────────────
async function saveDraft(baseUrl: string): Promise<{ cookie: string; answers: Record<string, unknown> }> {
  const answers = { industry: "telecom", region: "western_europe", company_size: "1000_9999", role: "platform_infra" };
  const response = await fetch(`${baseUrl}/api/v1/surveys/${SURVEY_SLUG}/draft`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ step: 1, answers }),
  });
  if (response.status !== 200) throw new Error(`saving a draft answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!cookie) throw new Error("saving a draft set no resume cookie");
  return { cookie, answers };
}

async function appKillSubmit(stack: Stack): Promise<void> {
  const scenario = "app-kill-submit";
  log(
    `\n▶ ${scenario}: ${options.clients} clients for ${options.seconds} s; the app server SIGKILLed at ` +
      `${Math.round(options.seconds / 3)} s, started again after ${options.downSeconds} s`,
  );
  const draft = await saveDraft(stack.app.baseUrl);
  const started = Date.now();
  const runId = `${runTag}k`;
  const load = runLoad({
    baseUrl: () => stack.app.baseUrl,
    runId,
    clients: options.clients,
    until: started + options.seconds * 1000,
    giveUpMs: 120_000,
  });
  await sleep((options.seconds * 1000) / 3);
  const killedPid = stack.app.pid();
  await stack.app.kill();
  log(`  app server (pid ${killedPid}) SIGKILLed at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await sleep(options.downSeconds * 1000);
  await stack.app.start();
  log(`  app server serving again (pid ${stack.app.pid()}) at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const submissions = await load;
  const verification = await verifySubmissions(stack.url, runId, submissions);
  printCounts(scenario, submissions, verification);
  const problems = [...verification.problems];
  if (submissions.every((s) => s.noAnswer === 0)) problems.push("no submission went unanswered: the kill did not overlap the load");

  // The draft saved before the kill resumes: through the draft API and on the survey page.
  const resumed = await fetch(`${stack.app.baseUrl}/api/v1/surveys/${SURVEY_SLUG}/draft`, { headers: { cookie: draft.cookie } });
  const body = (await resumed.json()) as { draft: { status: string; currentStep: number; answers: Record<string, unknown> } | null };
  const draftOk =
    resumed.status === 200 &&
    body.draft?.status === "partial" &&
    body.draft.currentStep === 1 &&
    Object.entries(draft.answers).every(([k, v]) => body.draft?.answers[k] === v);
  if (!draftOk) problems.push(`the draft saved before the kill did not resume: ${resumed.status} ${JSON.stringify(body).slice(0, 200)}`);
  const page = await fetch(`${stack.app.baseUrl}/survey/${SURVEY_SLUG}`, { headers: { cookie: draft.cookie } });
  const pageOk = page.status === 200 && /Welcome back/.test(await page.text());
  if (!pageOk) problems.push(`the survey page with the resume cookie did not offer the saved draft (HTTP ${page.status})`);
  log(
    `  draft saved before the kill: API ${draftOk ? "resumes it at step 1 with its answers" : "FAILED"}, survey ` +
      `page ${pageOk ? 'says "Welcome back"' : "FAILED"}`,
  );
  record(scenario, problems, 9);
}

// ── app-kill-export ─────────────────────────────────────────────────────────────────────────
async function signIn(baseUrl: string, admin: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: baseUrl,
      "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
    body: JSON.stringify(admin),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session_token"));
  if (!cookie) throw new Error(`signing in answered ${response.status}`);
  return cookie;
}

type CsvReader = ReadableStreamDefaultReader<Uint8Array>;

/** Starts the responses CSV export and reads its first chunk; the rest waits in the pipes. */
async function openExport(stack: Stack): Promise<{ reader: CsvReader; head?: Uint8Array; firstBytes: number }> {
  const cookie = await signIn(stack.app.baseUrl, stack.admin);
  const response = await fetch(`${stack.app.baseUrl}/api/v1/exports/responses.csv?status=all`, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  return { reader, head: first.value, firstBytes: first.value?.length ?? 0 };
}

/** Reads the rest; true when the download failed rather than ending like a complete file. */
async function drainFails(download: { reader: CsvReader }): Promise<boolean> {
  return (await drain(download)).failed;
}

/** Reads the rest: whether it failed, and the data rows of the whole file when it did not. */
async function drain({ reader, head }: { reader: CsvReader; head?: Uint8Array }): Promise<{ failed: boolean; rows: number }> {
  const chunks: Uint8Array[] = head ? [head] : [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch {
    return { failed: true, rows: 0 };
  }
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return { failed: false, rows: Papa.parse<string[]>(text, { skipEmptyLines: true }).data.length - 1 };
}

const countResponses = (url: string) =>
  withClient(
    url,
    async (c) =>
      (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id WHERE w.status = 'open'"))
        .rows[0]?.n ?? 0,
  );

async function appKillExport(stack: Stack): Promise<void> {
  const scenario = "app-kill-export";
  log(`\n▶ ${scenario}: the app server SIGKILLed while streaming the responses CSV (${options.exportRows}+ rows)`);
  const problems: string[] = [];
  const exportUrl = `${stack.app.baseUrl}/api/v1/exports/responses.csv?status=all`;
  const download = await openExport(stack);
  log(`  export streaming (first ${download.firstBytes} bytes received); killing the app server (pid ${stack.app.pid()})`);
  await stack.app.kill();
  const truncated = await drainFails(download);
  log(`  the client saw the export ${truncated ? "cut off (an error, not a silently short file)" : "end normally"}`);
  if (!truncated) problems.push("the interrupted export ended like a complete file");

  await stack.app.start();
  log(`  app server serving again (pid ${stack.app.pid()})`);
  // The database is clean: no COPY still running for the dead server, no half-written responses.
  if (stack.pg.mode === "server") {
    let stuck = -1;
    for (let i = 0; i < 40; i++) {
      stuck = await withClient(
        stack.url,
        async (c) =>
          (
            await c.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ` +
                `AND query ILIKE 'COPY%' AND state <> 'idle'`,
            )
          ).rows[0]?.n ?? 0,
      );
      if (stuck === 0) break;
      await sleep(250);
    }
    log(`  COPY sessions left running for the killed server: ${stuck}`);
    if (stuck !== 0) problems.push(`${stuck} COPY session(s) still running after the app was killed`);
  } else {
    log("  (PGlite has no pg_stat_activity sessions to inspect; skipped the stuck-COPY check)");
  }
  const total = await countResponses(stack.url);
  const { halfWritten, interrupted } = await withClient(stack.url, async (c) => ({
    halfWritten: (await c.query<{ n: number }>(HALF_WRITTEN_SQL)).rows[0]?.n ?? 0,
    interrupted: (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM export_audit WHERE ended_at IS NULL")).rows[0]?.n ?? 0,
  }));
  if (halfWritten !== 0) problems.push(`${halfWritten} half-written complete response(s)`);
  log(
    `  half-written responses: ${halfWritten}; export audit rows left open by the kill (expected, the export never finished): ${interrupted}`,
  );

  // It serves again: a whole export now arrives, with every response of the open wave.
  const again = await fetch(exportUrl, { headers: { cookie: await signIn(stack.app.baseUrl, stack.admin) } });
  const text = await again.text();
  const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.length - 1;
  log(`  export after the restart: HTTP ${again.status}, ${records} rows (database: ${total})`);
  if (again.status !== 200 || records !== total)
    problems.push(`export after the restart: HTTP ${again.status}, ${records} rows for ${total} responses`);
  const probe = await fetch(`${stack.app.baseUrl}/api/v1/surveys/${SURVEY_SLUG}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `soak-${runTag}-export-probe` },
    body: JSON.stringify({ answers: soakAnswers(`soak ${runTag} export probe`, 1) }),
  });
  if (probe.status !== 201) problems.push(`a submission after the restart answered ${probe.status}`);
  record(scenario, problems, 5);
}

// ── embedded-restart ────────────────────────────────────────────────────────────────────────
interface StartedApp {
  child: ChildProcess;
  output: () => string;
  dbUrl: string;
}

async function npmStart(env: Record<string, string>): Promise<StartedApp> {
  // What `npm start` runs; tsx hands the script to a node process, which hosts PGlite.
  const child = spawn(bin("tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...LOAD_TEST_APP_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 300_000;
  while (!/Readiness Radar is running at/.test(out)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
    await sleep(250);
  }
  const host = /Embedded PostgreSQL on (\S+)/.exec(out)?.[1];
  if (!host) throw new Error(`npm start did not say where its embedded database is:\n${out}`);
  return { child, output: () => out, dbUrl: `postgresql://postgres:postgres@${host}/postgres?sslmode=disable` };
}

async function embeddedRestart(): Promise<void> {
  const scenario = "embedded-restart";
  const clients = Math.min(options.clients, 8);
  const seconds = Math.max(6, Math.min(options.seconds, 20));
  log(
    `\n▶ ${scenario}: npm start on the embedded database; ${clients} clients for ${seconds} s; the process hosting ` +
      `PGlite SIGKILLed at ${Math.round(seconds / 3)} s, npm start run again`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), "rr-soak-embedded-"));
  const port = await freePort();
  const env = {
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_RESPONSES: "300",
    ADMIN_EMAIL: "",
    ADMIN_PASSWORD: "",
    AUTH_SECRET: "",
  };
  let current: StartedApp | undefined;
  cleanups.push(async () => {
    if (current && current.child.exitCode === null && current.child.signalCode === null) {
      current.child.kill("SIGTERM");
      await new Promise((resolve) => current?.child.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  current = await npmStart(env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const demoBefore = await withClient(
    current.dbUrl,
    async (c) => (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM response WHERE source = 'seed'")).rows[0]?.n ?? 0,
  );
  log(`  npm start up (embedded database ${new URL(current.dbUrl).host}, ${demoBefore} demo responses)`);

  const started = Date.now();
  const runId = `${runTag}e`;
  const load = runLoad({ baseUrl: () => baseUrl, runId, clients, until: started + seconds * 1000, giveUpMs: 300_000 });
  await sleep((seconds * 1000) / 3);
  const lock = JSON.parse(readFileSync(path.join(dataDir, "lock.json"), "utf8")) as { pid: number; serverPid?: number };
  const first = current;
  process.kill(lock.pid, "SIGKILL");
  await new Promise((resolve) =>
    first.child.exitCode !== null || first.child.signalCode !== null ? resolve(null) : first.child.once("exit", resolve),
  );
  log(
    `  process hosting PGlite (pid ${lock.pid}) SIGKILLed at ${((Date.now() - started) / 1000).toFixed(1)} s; its ` +
      `app server (pid ${lock.serverPid}) is orphaned`,
  );
  current = await npmStart(env);
  log(`  npm start running again at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const submissions = await load;
  const verification = await verifySubmissions(current.dbUrl, runId, submissions);
  printCounts(scenario, submissions, verification);
  const problems = [...verification.problems];
  const demoAfter = await withClient(
    current.dbUrl,
    async (c) => (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM response WHERE source = 'seed'")).rows[0]?.n ?? 0,
  );
  log(
    `  demo responses after the restart: ${demoAfter} (before: ${demoBefore}); second start seeded again: ` +
      `${/Seeding demo data/.test(current.output()) ? "yes" : "no"}`,
  );
  if (demoAfter !== demoBefore) problems.push(`demo responses ${demoBefore} before the kill, ${demoAfter} after`);
  if (/Seeding demo data/.test(current.output()))
    problems.push("the second start seeded demo data again (it did not find the first run's data)");
  if (lock.serverPid && !/Stopped the app server/.test(current.output()))
    problems.push("the second start did not report stopping the orphaned app server");
  if (submissions.every((s) => s.refused === 0 && s.noAnswer === 0))
    problems.push("no submission was refused or unanswered: the kill did not overlap the load");
  record(scenario, problems, 8);
}

async function main(): Promise<number> {
  log(
    `Soak: ${options.scenarios.join(", ")} (clients ${options.clients}, seconds ${options.seconds}, database down ${options.downSeconds} s)`,
  );
  const needsStack = options.scenarios.some((s) => s !== "embedded-restart");
  const stack = needsStack ? await prepareStack() : undefined;
  for (const scenario of options.scenarios) {
    try {
      if (scenario === "db-restart" && stack) await dbRestart(stack);
      if (scenario === "app-kill-submit" && stack) await appKillSubmit(stack);
      if (scenario === "app-kill-export" && stack) await appKillExport(stack);
      if (scenario === "embedded-restart") await embeddedRestart();
    } catch (error) {
      record(scenario, [`aborted: ${(error as Error).message}`], 1);
    }
  }
  const failed = results.filter((r) => r.problems.length > 0);
  const passedChecks = results.filter((r) => r.problems.length === 0).reduce((sum, r) => sum + r.checks, 0);
  log(`\nsoak: ${results.length - failed.length} passed, ${failed.length} failed (${passedChecks} checks in passing scenarios)`);
  return failed.length > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
} finally {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error: unknown) => console.error("cleanup failed:", (error as Error).message));
}
process.exit(code);
