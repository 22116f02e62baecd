// Starts the production server (scripts/serve.ts, bundled by buildIfNeeded() into SERVER_BUNDLE)
// as a child process, from the app's root. One Node.js process and nothing else: a SIGKILL leaves
// no orphan holding the port.
import type { ChildProcess, SpawnOptions } from "node:child_process";
import { SERVER_BUNDLE } from "./build";
import { ROOT, start } from "./proc";

export function startAppServer(port: number, host: string, options: SpawnOptions & { env: NodeJS.ProcessEnv }): ChildProcess {
  return start(process.execPath, [SERVER_BUNDLE], {
    ...options,
    cwd: ROOT,
    env: { ...options.env, PORT: String(port), HOST: host },
  });
}
