// A second production server from the suite's build, with an environment of its own (a database
// that is down, low rate limits, a read replica, a fresh embedded database...).
import type { SpawnOptions } from "node:child_process";
import { afterAll, beforeAll } from "vitest";
import { bin, freePort, start, stop, waitForHttp } from "@/scripts/lib/proc";
import { startAppServer } from "@/scripts/lib/app-server";

export interface TestServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts the production server (scripts/serve.ts; `nextOnly`: plain `next start`, which serves
 * every route through Next.js) on a free port with `env` over the suite's environment (APP_URL is its own
 * URL) and waits until `readyPath` (default /api/health) answers 2xx.
 */
export async function startTestServer(
  env: Record<string, string>,
  options: { readyPath?: string; quiet?: boolean; nextOnly?: boolean } = {},
): Promise<TestServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const spawnOptions: SpawnOptions & { env: NodeJS.ProcessEnv } = {
    env: { ...process.env, APP_URL: baseUrl, NODE_ENV: "production", ...env },
    // quiet: a server whose database is down on purpose logs every refused query.
    stdio: ["ignore", "ignore", options.quiet ? "ignore" : "inherit"],
  };
  const server = options.nextOnly
    ? start(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], spawnOptions)
    : startAppServer(port, "127.0.0.1", spawnOptions);
  try {
    await waitForHttp(`${baseUrl}${options.readyPath ?? "/api/health"}`, server);
  } catch (error) {
    await stop(server);
    throw error;
  }
  return { baseUrl, stop: () => stop(server) };
}

/** A database URL nothing listens on: every query fails as if PostgreSQL were down. */
async function deadDatabaseUrl(): Promise<string> {
  return `postgresql://nobody@127.0.0.1:${await freePort()}/none`;
}

/**
 * A production server whose database is down: ready when the home page answers (its health check
 * never will), and quiet, since it logs every refused query.
 */
async function startDeadDatabaseServer(): Promise<TestServer> {
  return startTestServer({ DATABASE_URL: await deadDatabaseUrl() }, { readyPath: "/", quiet: true });
}

/** A dead-database server for the enclosing suite: started before its tests, stopped after them. */
export function deadDatabaseServerForSuite(): { readonly baseUrl: string } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startDeadDatabaseServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get baseUrl() {
      if (!server) throw new Error("the dead-database server is not started yet");
      return server.baseUrl;
    },
  };
}
