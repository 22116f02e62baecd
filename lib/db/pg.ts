import "server-only";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

// A plain pg pool for what Prisma cannot do: streaming COPY exports. Small, since each export
// holds one connection for its whole duration.
const globalForPg = globalThis as unknown as { readinessPg?: pg.Pool };

export function pgPool(): pg.Pool {
  globalForPg.readinessPg ??= new pg.Pool({ connectionString: requireDatabaseUrl(getEnv()), max: 4, connectionTimeoutMillis: 5_000 });
  return globalForPg.readinessPg;
}
