// Embedded PostgreSQL for the default run and for laptops without a server: PGlite (Postgres
// compiled to WebAssembly) served over the Postgres wire protocol, so Prisma, `pg` and psql talk
// to it exactly as to a real server. One process may open a data directory at a time.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ProtocolQueue } from "./pglite-protocol-queue";

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Connections an app process should open to the embedded database. PGlite runs one query at a
 * time, so more connections only queue inside it; one per process keeps the order plain.
 */
export const EMBEDDED_POOL_SIZE = "1";

/**
 * Starts PGlite on `dataDir` (created if missing) and serves it on 127.0.0.1. Port 0 lets the OS
 * pick a free port, so it never collides with a PostgreSQL already listening on 5432.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 32 });
  // Its own queue can split one connection's extended-protocol query with another's; this one
  // keeps each exchange and transaction together (scripts/lib/pglite-protocol-queue.ts).
  // Handlers take the queue when they attach, so replacing it before start() reaches them all.
  (server as unknown as { queryQueue: ProtocolQueue }).queryQueue = new ProtocolQueue(db);
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
