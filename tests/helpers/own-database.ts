// A database of a test's own, for a second app server whose data must not mix with the suite's:
// on the suite's PostgreSQL server, or an embedded one (PGlite) in a process of its own. PGlite
// runs each query to its end without yielding; in the test's process it would stall the test.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { bin, freePort, start, stop } from "@/scripts/lib/proc";
import { testPool } from "./db";
import { testEnv } from "./env";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface OwnDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function createOwnDatabase(prefix: string): Promise<OwnDatabase> {
  if (testEnv.embeddedDatabase) {
    const port = await freePort();
    const child = start(bin("pglite-server"), ["--db=memory://", `--port=${port}`, "--max-connections=32"], { stdio: "ignore" });
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    for (let attempt = 0; ; attempt++) {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        break;
      } catch (error) {
        if (attempt >= 120 || child.exitCode !== null) throw error;
        await sleep(250);
      }
    }
    return { url, drop: () => stop(child) };
  }
  const name = `rr_${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await testPool().query(`CREATE DATABASE "${name}"`);
  const url = new URL(testEnv.databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await testPool().query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
