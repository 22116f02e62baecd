// The production server: what `npm start`, the tests, the benchmarks and the soak run start.
// Next.js answers every request except the routes lib/server/fast-routes.ts answers itself
// (anonymous API submissions). Bundled by scripts/lib/build.ts after `next build` (esbuild, with
// `server-only` made a no-op) and run with plain node by scripts/lib/app-server.ts.
//
// Next's server environment comes first, as in `next start`: the route modules imported below
// reach next/headers, which needs the AsyncLocalStorage it installs.
import "next/dist/server/node-environment";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import v8 from "node:v8";
import next from "next";
import { serveWatchingDatabase } from "@/lib/db/outage";
import { warmAggregates } from "@/lib/engine";
import { appUrl, getEnv } from "@/lib/env";
import { transportSecurityHeaders } from "@/lib/http/security";
import { fastRoute, sendError } from "@/lib/server/fast-routes";
import { guardServerAction } from "@/lib/server/action-guard";
import { routerStateProblem, serverActionKind } from "@/lib/server/request-guards";

/**
 * Hands Next the config its build resolved (as Next's own standalone server does), so it does not
 * compile next.config.ts with SWC at every start: that maps a 27 MB native binary for the life of
 * the process. Measured at 1,000,000 responses: 29 MB less idle, 40 MB less at the peak.
 */
function passBuiltNextConfig(dir: string): void {
  const file = path.join(dir, ".next", "required-server-files.json");
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(config);
}

/**
 * V8 lets the old generation grow to about four times what survived its last full collection
 * before collecting again, when collections are cheap, as they are here. Under a stream of
 * submissions the heap then swelled from ~85 MB live to ~310 MB between two collections (the
 * server's peak, 500 MB). Growing by a fifth collects more often (each ~10-20 ms, mostly
 * incremental) at the same throughput: peak 315 MB in the same run. Read by V8 at every
 * collection, so setting it at start-up takes effect.
 */
function boundHeapGrowth(): void {
  v8.setFlagsFromString("--heap-growing-percent=20");
}

async function main() {
  boundHeapGrowth();
  const env = getEnv();
  // The app's root: the spawner runs the server from it (scripts/lib/app-server.ts).
  passBuiltNextConfig(process.cwd());
  const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  // HSTS on every response, static files and Next's own answers included (proxy.ts does not see
  // /_next/static or public files, and next.config.ts headers are fixed at build time).
  const transport = Object.entries(transportSecurityHeaders(appUrl(env)));
  const server = http.createServer((req, res) => {
    for (const [name, value] of transport) res.setHeader(name, value);
    const refused = routerStateProblem(req.headers["next-router-state-tree"]);
    if (refused) return void sendError(res, refused);
    const route = fastRoute(req);
    if (route) return void route(req, res);
    const serve = (request: http.IncomingMessage, response: http.ServerResponse) => serveWatchingDatabase(request, response, nextHandler);
    // Server-action bodies Next's decoder cannot read are refused here (it would answer 500).
    const action = serverActionKind(req.method, req.url, req.headers);
    if (action) void guardServerAction(req, res, action, serve);
    else void serve(req, res);
  });
  const shutdown = () => {
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  server.listen(env.PORT, env.HOST, () => console.log(`▲ Readiness Radar server ready on http://${env.HOST}:${env.PORT}`));
  // The analytics replica loads in the background; until it is ready, views read PostgreSQL.
  warmAggregates();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
