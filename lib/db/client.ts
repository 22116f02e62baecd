import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

// One client per process. Next.js may evaluate this module more than once in development, so the
// instance is kept on globalThis rather than in a module variable.
const globalForPrisma = globalThis as unknown as { readinessPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: requireDatabaseUrl(env),
    max: env.DB_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Requests queue for a connection rather than fail at once when a burst exceeds the pool.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

export function db(): PrismaClient {
  globalForPrisma.readinessPrisma ??= createClient();
  return globalForPrisma.readinessPrisma;
}
