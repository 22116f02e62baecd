import "server-only";
// Kept apart from lib/db/pg.ts, which instrumentation.ts reaches (Next.js also compiles that for
// the edge runtime, where node:net is not available).
import net from "node:net";
import type pg from "pg";

/**
 * Stops the statement `client` is running, with the protocol's CancelRequest (what
 * pg_cancel_backend does) on a short connection of its own: it needs no login and no pool slot,
 * so it works while the pool is exhausted, and it reaches a backend still computing (sorting,
 * waiting for a lock) that would not notice its client is gone until it next writes. Best effort:
 * a failure is logged. The embedded database's socket server ignores the request.
 */
export function cancelRunningStatement(client: pg.PoolClient): void {
  // Sent by PostgreSQL at login (BackendKeyData); pg keeps them without declaring them.
  const { processID, secretKey } = client as unknown as { processID?: unknown; secretKey?: unknown };
  if (typeof processID !== "number" || typeof secretKey !== "number") return;
  const message = Buffer.alloc(16);
  message.writeInt32BE(16, 0);
  message.writeInt32BE(80877102, 4); // the CancelRequest code
  message.writeInt32BE(processID, 8);
  message.writeInt32BE(secretKey, 12);
  const socket = client.host.startsWith("/")
    ? net.connect(`${client.host}/.s.PGSQL.${client.port}`)
    : net.connect({ host: client.host, port: client.port });
  socket.setTimeout(5_000, () => socket.destroy());
  socket.once("connect", () => socket.end(message));
  socket.on("error", (error) => console.warn(`[db] could not cancel backend ${processID}: ${error.message}`));
}
