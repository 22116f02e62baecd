// The embedded database (PGlite behind its socket server) serves several connections at once as
// PostgreSQL would: parameterized queries of different shapes from many clients, transactions,
// and a client that disconnects in the middle of one, all over the real wire protocol.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

let dataDir: string;
let embedded: EmbeddedPostgres;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "rr-embedded-"));
  embedded = await startEmbeddedPostgres(dataDir);
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  await client.query(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)`);
  await client.query(`INSERT INTO counter SELECT g, 0 FROM generate_series(1, 8) g`);
  await client.end();
});

afterAll(async () => {
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function connected(n: number): Promise<pg.Client[]> {
  const clients = Array.from({ length: n }, () => new pg.Client({ connectionString: embedded.url }));
  await Promise.all(clients.map((c) => c.connect()));
  return clients;
}

describe("the embedded database with concurrent connections", () => {
  it("answers every client's parameterized queries with its own statement and parameters", async () => {
    const clients = await connected(6);
    try {
      // Each client's statement takes a different number of parameters, so a Bind that met another
      // client's Parse would fail ("bind message supplies 2 parameters, but ... requires 5"). One
      // client's query is large (answers, an import): it arrives in several TCP chunks, and the
      // other clients' queries come in between them.
      const answers = await Promise.all(
        clients.map(async (client, c) => {
          const params: unknown[] = Array.from({ length: c + 1 }, (_, i) => i + 1);
          let sql = `SELECT ${params.map((_, i) => `$${i + 1}::int`).join(" + ")} AS total`;
          if (c === 0) {
            params.push("x".repeat(1_000_000));
            sql = `SELECT $1::int + 0 * length($2) AS total`;
          }
          const totals: number[] = [];
          for (let round = 0; round < 60; round++) totals.push((await client.query<{ total: number }>(sql, params)).rows[0]?.total ?? -1);
          return totals;
        }),
      );
      answers.forEach((totals, c) => expect(new Set(totals)).toEqual(new Set([((c + 1) * (c + 2)) / 2])));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it("keeps each transaction whole while others run, and rolls back one whose client vanished", async () => {
    const clients = await connected(4);
    const vanishing = (await connected(1))[0] as pg.Client;
    vanishing.on("error", () => undefined);
    try {
      await vanishing.query("BEGIN");
      await vanishing.query(`UPDATE counter SET n = n + 1000 WHERE id = $1`, [8]);
      const gone = new Promise((resolve) => vanishing.once("end", resolve));
      (vanishing as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
      await gone;
      await Promise.all(
        clients.map(async (client, c) => {
          for (let round = 0; round < 20; round++) {
            await client.query("BEGIN");
            const { rows } = await client.query<{ n: number }>(`SELECT n FROM counter WHERE id = $1`, [c + 1]);
            await client.query(`UPDATE counter SET n = $2 WHERE id = $1`, [c + 1, (rows[0]?.n ?? 0) + 1]);
            await client.query("COMMIT");
          }
        }),
      );
      const { rows } = await (clients[0] as pg.Client).query<{ id: number; n: number }>(`SELECT id, n FROM counter ORDER BY id`);
      expect(rows.map((r) => r.n)).toEqual([20, 20, 20, 20, 0, 0, 0, 0]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
