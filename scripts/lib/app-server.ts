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
    // Two malloc arenas instead of glibc's default of eight per core: DuckDB's query threads each
    // kept an arena of freed memory, ~50 MB of resident memory at 1,000,000 responses for nothing.
    env: { MALLOC_ARENA_MAX: "2", ...options.env, PORT: String(port), HOST: host },
  });
}
