import "server-only";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

// A plain pg pool for what Prisma cannot do: streaming COPY exports. Small, since each export
// holds one connection for its whole duration.
const globalForPg = globalThis as unknown as { readinessPg?: pg.Pool };

function createPool(): pg.Pool {
  const env = getEnv();
  // Exports are analyst reads: the read replica when there is one (see analyticsDb()).
  const pool = new pg.Pool({ connectionString: env.DATABASE_REPLICA_URL ?? requireDatabaseUrl(env), max: Math.min(4, env.DB_POOL_SIZE), connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart, an admin's pg_terminate_backend) is reported
  // here. Unhandled, the 'error' event becomes an uncaught exception (Next logs it and carries on;
  // another host would crash). The pool discards the connection and opens a fresh one on next use.
  pool.on("error", (error) => console.warn(`[db] idle export connection lost: ${error.message}`));
  return pool;
}

export function pgPool(): pg.Pool {
  globalForPg.readinessPg ??= createPool();
  return globalForPg.readinessPg;
}
