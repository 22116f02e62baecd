import "server-only";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

// A plain pg pool for what Prisma cannot do: streaming COPY exports. Small, since each export
// holds one connection for its whole duration.
const globalForPg = globalThis as unknown as { readinessPg?: pg.Pool };

export function pgPool(): pg.Pool {
  const env = getEnv();
  globalForPg.readinessPg ??= new pg.Pool({ connectionString: requireDatabaseUrl(env), max: Math.min(4, env.DB_POOL_SIZE), connectionTimeoutMillis: 10_000 });
  return globalForPg.readinessPg;
}
