// The production server: what `npm start`, the tests, the benchmarks and the soak run start.
// Next.js answers every request except the routes lib/server/fast-routes.ts answers itself
// (anonymous API submissions). Started by scripts/lib/app-server.ts with tsx and the
// "server-only" hook, so those routes run the very same modules Next.js built.
import http from "node:http";
import next from "next";
import { appUrl, getEnv } from "@/lib/env";
import { publicOrigins } from "@/lib/http/security";
import { ROOT } from "./lib/proc";

async function main() {
  const env = getEnv();
  const app = next({ dev: false, dir: ROOT, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  // Loaded after prepare(): the route modules reach next/headers, which needs the request
  // storage Next.js sets up there.
  const { fastRoute } = await import("@/lib/server/fast-routes");
  const nextHandler = app.getRequestHandler();
  const origins = publicOrigins(appUrl(env));
  const server = http.createServer((req, res) => {
    const route = fastRoute(req, origins);
    if (route) void route(req, res);
    else void nextHandler(req, res);
  });
  const shutdown = () => {
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  server.listen(env.PORT, env.HOST, () => console.log(`▲ Readiness Radar server ready on http://${env.HOST}:${env.PORT}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
