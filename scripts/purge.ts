// npm run purge: applies the retention setting now (PARTIAL_RETENTION_DAYS, default 30): deletes
// partial responses idle for longer, and stale login rate-limit rows. `npm start` does the same at
// start and the server every few hours; this is for cron or a one-off after changing the setting.
// With the embedded database, stop `npm start` first (PGlite allows one process).
import { parseEnv } from "@/lib/env";
import { describePurge, purgeExpired } from "@/lib/retention/purge";
import { openDatabase, withClient } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";

const env = parseEnv();
const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
try {
  await migrateDeploy(database.url);
  const result = await withClient(database.url, (client) => purgeExpired(client, env.PARTIAL_RETENTION_DAYS));
  console.log(describePurge(result, env.PARTIAL_RETENTION_DAYS));
} finally {
  await database.stop();
}
