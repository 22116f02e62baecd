import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { analystReadsPool, primaryPool, replicaPool } from "./pg";

// One client per database per process. Next.js may evaluate this module more than once in
// development, so the instances are kept on globalThis rather than in module variables.
const globalForPrisma = globalThis as unknown as {
  readinessPrisma?: PrismaClient;
  readinessReplica?: PrismaClient;
  readinessAnalystReads?: PrismaClient;
};

function createClient(adapter: PrismaPg): PrismaClient {
  // Requests queue for a connection rather than fail at once when a burst exceeds the pool.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

/**
 * The primary: every write, and every read that must see the latest writes. It shares its
 * connections with the statements that go through `pg` directly (primaryPool()), so a process
 * holds DB_POOL_SIZE connections to the primary, not twice that.
 */
export function db(): PrismaClient {
  globalForPrisma.readinessPrisma ??= createClient(new PrismaPg(primaryPool()));
  return globalForPrisma.readinessPrisma;
}

/**
 * Analyst reads (aggregates, the explorer): the read replica when DATABASE_REPLICA_URL is set,
 * else the primary through a pool of their own (lib/db/pg.ts analystReadsPool), with a statement
 * timeout either way. A replica may lag by a moment, which an aggregate over thousands of
 * responses tolerates; a respondent's own result and anything just written read from db().
 */
export function analyticsDb(): PrismaClient {
  const replica = getEnv().DATABASE_REPLICA_URL;
  if (replica) {
    globalForPrisma.readinessReplica ??= createClient(new PrismaPg(replicaPool(replica)));
    return globalForPrisma.readinessReplica;
  }
  const pool = analystReadsPool();
  if (!pool) return db();
  globalForPrisma.readinessAnalystReads ??= createClient(new PrismaPg(pool));
  return globalForPrisma.readinessAnalystReads;
}
