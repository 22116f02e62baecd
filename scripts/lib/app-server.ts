// Starts the production server (scripts/serve.ts) as a child process. One Node.js process: tsx
// is loaded with --import rather than through its CLI, whose extra parent process would outlive
// a SIGKILL of the child and keep the port.
import type { ChildProcess, SpawnOptions } from "node:child_process";
import { start } from "./proc";

export const SERVER_ENTRY = "scripts/serve.ts";

export function startAppServer(port: number, host: string, options: SpawnOptions & { env: NodeJS.ProcessEnv }): ChildProcess {
  return start(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", SERVER_ENTRY], {
    ...options,
    env: { ...options.env, PORT: String(port), HOST: host },
  });
}
