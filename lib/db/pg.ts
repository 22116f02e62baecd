import "server-only";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

// A plain pg pool for what Prisma cannot do: streaming COPY exports. Small, since each export
// holds one connection for its whole duration.
const globalForPg = globalThis as unknown as { readinessPg?: pg.Pool };

export function pgPool(): pg.Pool {
  const env = getEnv();
  // Exports are analyst reads: the read replica when there is one (see analyticsDb()).
  globalForPg.readinessPg ??= new pg.Pool({ connectionString: env.DATABASE_REPLICA_URL ?? requireDatabaseUrl(env), max: Math.min(4, env.DB_POOL_SIZE), connectionTimeoutMillis: 10_000 });
  return globalForPg.readinessPg;
}
