// Prisma CLI configuration. The CLI runs on WebAssembly through the pg driver adapter, so no
// native engine is ever downloaded (see ../shared/TOOLING.md). DATABASE_URL must be set for
// every prisma command; scripts/ set it, pointing at the embedded database by default.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The pg adapter runs a migration script by splitting it on every ";", which breaks any
 * plpgsql body (and even a ";" in a comment). PostgreSQL's simple query protocol accepts the
 * whole script at once and runs it atomically, so send it unsplit.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const internals = adapter as unknown as {
      client: { query: (sql: string) => Promise<unknown> };
      onError: (error: unknown) => never;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  // The CLI loads this file outside the app, so it reads its one variable here directly.
  adapter: async () => new WholeScriptPrismaPg({ connectionString: process.env.DATABASE_URL }),
});
