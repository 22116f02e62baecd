// Where the scripts' database comes from: DATABASE_URL when set, else the embedded PostgreSQL.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ROOT } from "./proc";

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<Database> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} };
  const dir = path.resolve(ROOT, dataDir, "pglite");
  try {
    const embedded = await startEmbeddedPostgres(dir);
    return { url: embedded.url, embedded: true, stop: embedded.stop };
  } catch (error) {
    throw new Error(`Could not open the embedded database in ${dir} (is another "npm start" using it?): ${(error as Error).message}`);
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
