import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/http/static-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-side packages that must load from node_modules at run time rather than be bundled:
  // pg and the Prisma adapter open sockets, Prisma's client loads a WebAssembly query compiler.
  // DuckDB (the analytics replica) is a native addon.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client", "@duckdb/node-api", "@duckdb/node-bindings"],
  typedRoutes: false,
  // unauthorized() and forbidden() (server actions without a session answer 401/403, not 500).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: STATIC_SECURITY_HEADERS,
      },
    ];
  },
};

// next-intl reads the request's locale and its one message catalog from lib/i18n/request.ts.
// The catalogs are precompiled at build time, so the browser gets no ICU message parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
