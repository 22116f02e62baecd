// Embedded PostgreSQL for the default run and for laptops without a server: PGlite (Postgres
// compiled to WebAssembly) served over the Postgres wire protocol, so Prisma, `pg` and psql talk
// to it exactly as to a real server. One process may open a data directory at a time.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Connections an app process should open to the embedded database. PGlite runs one query at a
 * time, and its socket multiplexer can interleave the extended-protocol messages of concurrent
 * connections (seen: "bind message supplies 2 parameters, but prepared statement requires 5"
 * under concurrent transactions), so each app process uses a single connection and queues.
 */
export const EMBEDDED_POOL_SIZE = "1";

/**
 * Starts PGlite on `dataDir` (created if missing) and serves it on 127.0.0.1. Port 0 lets the OS
 * pick a free port, so it never collides with a PostgreSQL already listening on 5432.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // The multiplexer keeps a transaction's statements together, so a pool of connections is safe.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 32 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  const url = `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
