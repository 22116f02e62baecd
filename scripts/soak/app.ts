// The production server under test (scripts/serve.ts) on a fixed port, killed with SIGKILL and
// started again on the same port.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { waitForHttp } from "../lib/proc";
import { startAppServer } from "../lib/app-server";
import { LOAD_TEST_APP_ENV } from "../lib/load-env";

export interface AppServer {
  readonly baseUrl: string;
  readonly pid: () => number | undefined;
  /** Starts it (again) and waits until /api/health answers 200. */
  start: () => Promise<void>;
  /** SIGKILL to the server and every process under it: no shutdown hooks, no draining. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Descendants first, via /proc (Linux); empty elsewhere. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [...descendants(child), child]);
}

export function appServer(port: number, env: Record<string, string>): AppServer {
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
  const waitExit = () => (exited() ? Promise.resolve() : new Promise<void>((resolve) => child?.once("exit", () => resolve())));
  return {
    baseUrl,
    pid: () => (exited() ? undefined : child?.pid),
    start: async () => {
      child = startAppServer(port, "127.0.0.1", {
        env: { ...process.env, ...LOAD_TEST_APP_ENV, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      // Keep the server's own log of 503s and lost connections out of the report, but show crashes.
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
      child.once("exit", (code, signal) => {
        if (signal !== "SIGKILL" && signal !== "SIGTERM" && code !== 0 && code !== 143)
          console.error(`  ! the app server exited unexpectedly (${signal ?? code}):\n${stderr}`);
      });
      await waitForHttp(`${baseUrl}/api/health`, child, 120_000);
    },
    kill: async () => {
      if (!child?.pid || exited()) return;
      for (const pid of [...descendants(child.pid), child.pid]) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await waitExit();
    },
    stop: async () => {
      if (!child || exited()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child?.kill("SIGKILL"), 5000);
      await waitExit();
      clearTimeout(timer);
    },
  };
}
