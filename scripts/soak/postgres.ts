// A PostgreSQL the soak owns and may restart (never the machine's shared server). Prefers a real
// server from the Debian/Ubuntu packages (initdb + pg_ctl in a temp folder, on a free port, run as
// the postgres user when we are root); falls back to the embedded PGlite server, stopped and
// started again on the same port and data directory.
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/embedded-postgres";
import { freePort } from "../lib/proc";

export interface OwnedPostgres {
  mode: "server" | "pglite";
  /** What it is, for the report. */
  description: string;
  /** URL of its maintenance database (`postgres`). */
  url: string;
  /** Stops it (`fast`: sessions terminated, in-flight transactions rolled back; `immediate`: a crash, recovered from the WAL on start). */
  stopServer: (mode?: "fast" | "immediate") => Promise<void>;
  startServer: () => Promise<void>;
  destroy: () => Promise<void>;
}

function findServerBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, "bin");
    if (existsSync(path.join(dir, "pg_ctl")) && existsSync(path.join(dir, "initdb"))) return dir;
  }
  return undefined;
}

function exec(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code}):\n${out}`)),
    );
  });
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([exec("id", ["-u", "postgres"]), exec("id", ["-g", "postgres"])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

async function startServerPostgres(binDir: string): Promise<OwnedPostgres> {
  const user = await postgresUser();
  const root = mkdtempSync(path.join(tmpdir(), "rr-soak-pg-"));
  chmodSync(root, 0o700);
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = path.join(root, "data");
  const port = await freePort();
  // As root, the server binaries refuse to run: run them as the postgres user.
  const as = (tool: string, args: string[]) =>
    user ? exec("runuser", ["-u", "postgres", "--", path.join(binDir, tool), ...args]) : exec(path.join(binDir, tool), args);
  await as("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  const startServer = async () => {
    await as("pg_ctl", ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  };
  const stopServer = async (mode: "fast" | "immediate" = "fast") => {
    await as("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
  };
  await startServer();
  let destroyed = false;
  return {
    mode: "server",
    description: `PostgreSQL server (${binDir}) on 127.0.0.1:${port}, data in ${dataDir}${user ? ", run as the postgres user" : ""}`,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    startServer,
    stopServer,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await stopServer("fast").catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function startPglite(reason: string): Promise<OwnedPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "rr-soak-pglite-"));
  const port = await freePort();
  let current: EmbeddedPostgres | undefined = await startEmbeddedPostgres(dir, port);
  const url = current.url;
  return {
    mode: "pglite",
    description: `embedded PGlite server on 127.0.0.1:${port}, data in ${dir} (${reason})`,
    url,
    // PGlite has no crash mode of its own: both modes close it; the data directory is reopened.
    stopServer: async () => {
      await current?.stop();
      current = undefined;
    },
    startServer: async () => {
      current ??= await startEmbeddedPostgres(dir, port);
    },
    destroy: async () => {
      await current?.stop();
      current = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A restartable PostgreSQL: `prefer` "pglite" skips the server binaries even when present. */
export async function ownPostgres(prefer: "auto" | "pglite" = "auto"): Promise<OwnedPostgres> {
  const binDir = prefer === "auto" ? findServerBin() : undefined;
  if (binDir) return startServerPostgres(binDir);
  return startPglite(prefer === "pglite" ? "chosen with --pg pglite" : "no PostgreSQL server binaries under /usr/lib/postgresql");
}
