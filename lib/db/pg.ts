import "server-only";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/lib/env";
import { noteDatabaseError } from "./outage";

// Plain pg pools for what Prisma cannot do or does too slowly: streaming COPY exports, and the
// few statements a submission burst runs thousands of times a second (Prisma's query compiler
// costs about half a millisecond of CPU per query, more than the statement itself). Prisma's
// clients run on pools from here too, so every statement the app sends passes watchFailures().
const globalForPg = globalThis as unknown as {
  readinessPrimaryPg?: pg.Pool;
  readinessAnalyticsPg?: pg.Pool;
  readinessReplicaPg?: pg.Pool;
  readinessAnalystReadsPg?: pg.Pool;
};

function createPool(
  connectionString: string,
  max: number,
  role: string,
  connectionTimeoutMillis: number,
  options: { statementTimeoutMs?: number } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis,
    idleTimeoutMillis: 30_000,
    // Named in pg_stat_activity, so an operator (and a test) can tell whose connection is whose.
    application_name: `${getEnv().DB_APPLICATION_NAME}:${role}`,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle connection the server drops (a restart, an admin's pg_terminate_backend) is reported
  // here. Unhandled, the 'error' event becomes an uncaught exception (Next logs it and carries on;
  // another host would crash). The pool discards the connection and opens a fresh one on next use.
  pool.on("error", (error) => console.warn(`[db] idle ${role} connection lost: ${error.message}`));
  watchFailures(pool);
  return pool;
}

/**
 * Tells the request being served when the database failed it (lib/db/outage.ts), so a page that
 * fails for that reason is answered 503 instead of 500. Covers the pool's two entry points, for
 * promise callers (all of this app's, Prisma's adapter included): checking a connection out, and
 * a one-shot query. The note is taken in the caller's async context, hence on the promise.
 */
function watchFailures(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const noted = (result: unknown) =>
    result instanceof Promise
      ? result.catch((error: unknown) => {
          noteDatabaseError(error);
          throw error;
        })
      : result;
  pool.connect = ((...args: unknown[]) => noted(connect(...args))) as typeof pool.connect;
  pool.query = ((...args: unknown[]) => noted(query(...args))) as typeof pool.query;
}

/**
 * The primary: Prisma's db() runs on this pool too; hot writes (submissions, rate-limit counters)
 * and maintenance (purges) use it directly.
 */
export function primaryPool(): pg.Pool {
  const size = getEnv().DB_POOL_SIZE;
  // One connection for everything (the embedded database): a request may queue behind a whole
  // analyst page's reads, so it waits longer for its turn before failing.
  globalForPg.readinessPrimaryPg ??= createPool(requireDatabaseUrl(), size, "primary", size < 2 ? 30_000 : 5_000);
  return globalForPg.readinessPrimaryPg;
}

/**
 * How long an analyst read waits for a connection: as long as a statement may run. A page fans
 * out into dozens of tallies over a pool of a few connections; with 5 s, the last in the queue
 * failed (503) while the first were still running, at a million responses on PostgreSQL's path
 * (while the replica loads, or with ANALYTICS_ENGINE=raw). The queue moves as statements end or
 * are cut at ANALYTICS_STATEMENT_TIMEOUT_MS.
 */
const analystWaitMs = () => Math.max(5_000, getEnv().ANALYTICS_STATEMENT_TIMEOUT_MS);

/** The read replica for Prisma's analyticsDb(), when DATABASE_REPLICA_URL is set. */
export function replicaPool(replicaUrl: string): pg.Pool {
  const env = getEnv();
  globalForPg.readinessReplicaPg ??= createPool(replicaUrl, env.DB_POOL_SIZE, "replica", analystWaitMs(), {
    statementTimeoutMs: env.ANALYTICS_STATEMENT_TIMEOUT_MS,
  });
  return globalForPg.readinessReplicaPg;
}

/**
 * Analyst reads on the primary when there is no replica: a pool of their own (half of
 * DB_POOL_SIZE more), so dashboards reloaded or abandoned mid-query cannot take the connections
 * respondents' saves and submissions need; each statement is cut at ANALYTICS_STATEMENT_TIMEOUT_MS.
 * None with a one-connection pool (the embedded database runs every connection in one session,
 * where a second pool could interleave with a transaction): analytics then share db().
 */
export function analystReadsPool(): pg.Pool | null {
  const env = getEnv();
  if (env.DB_POOL_SIZE < 2) return null;
  globalForPg.readinessAnalystReadsPg ??= createPool(
    requireDatabaseUrl(env),
    Math.max(1, Math.floor(env.DB_POOL_SIZE / 2)),
    "analytics",
    analystWaitMs(),
    {
      statementTimeoutMs: env.ANALYTICS_STATEMENT_TIMEOUT_MS,
    },
  );
  return globalForPg.readinessAnalystReadsPg;
}

/** The pool analyst aggregates run on: the replica if any, else analyst reads, else the primary. */
export function analyticsReadPool(): pg.Pool {
  const replica = getEnv().DATABASE_REPLICA_URL;
  if (replica) return replicaPool(replica);
  return analystReadsPool() ?? primaryPool();
}

/**
 * Exports: analyst reads, so the read replica when there is one (see analyticsDb()). Small, since
 * each export holds one connection for its whole duration; exports take their connection with
 * connectUnlessAborted() and give it back through the end of their stream, whatever ends it.
 */
export function analyticsPool(): pg.Pool {
  const env = getEnv();
  globalForPg.readinessAnalyticsPg ??= createPool(
    env.DATABASE_REPLICA_URL ?? requireDatabaseUrl(env),
    Math.min(4, env.DB_POOL_SIZE),
    "export",
    10_000,
  );
  return globalForPg.readinessAnalyticsPg;
}

/**
 * A connection from `pool`, unless `signal` aborts first (the client went away while it waited
 * for one): then this rejects at once with the signal's reason. pg's pool cannot withdraw a
 * waiting request, so the connection it hands out later goes straight back, unused.
 */
export async function connectUnlessAborted(pool: pg.Pool, signal: AbortSignal): Promise<pg.PoolClient> {
  signal.throwIfAborted();
  const pending = pool.connect();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([pending, aborted]);
  } catch (error) {
    if (signal.aborted)
      pending.then(
        (client) => client.release(),
        () => undefined,
      );
    throw error;
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
