// A second production server from the suite's build, with an environment of its own (a database
// that is down, low rate limits, a read replica, a fresh embedded database...).
import { bin, freePort, start, stop, waitForHttp } from "@/scripts/lib/proc";

export interface TestServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts `next start` on a free port with `env` over the suite's environment (APP_URL is its own
 * URL) and waits until `readyPath` (default /api/health) answers 2xx.
 */
export async function startTestServer(
  env: Record<string, string>,
  options: { readyPath?: string; quiet?: boolean } = {},
): Promise<TestServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = start(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, APP_URL: baseUrl, NODE_ENV: "production", ...env },
    // quiet: a server whose database is down on purpose logs every refused query.
    stdio: ["ignore", "ignore", options.quiet ? "ignore" : "inherit"],
  });
  try {
    await waitForHttp(`${baseUrl}${options.readyPath ?? "/api/health"}`, server);
  } catch (error) {
    await stop(server);
    throw error;
  }
  return { baseUrl, stop: () => stop(server) };
}

/** A database URL nothing listens on: every query fails as if PostgreSQL were down. */
export async function deadDatabaseUrl(): Promise<string> {
  return `postgresql://nobody@127.0.0.1:${await freePort()}/none`;
}
