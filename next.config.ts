import type { NextConfig } from "next";
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

export default nextConfig;
