// npm run restore -- FILE: replaces the embedded database (DATA_DIR/pglite) with a backup made by
// `npm run backup`. Refuses while `npm start` runs on DATA_DIR; unpacks and checks the backup
// before swapping, and keeps the replaced data beside it.
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/env";
import { restoreEmbedded } from "./lib/backup";
import { ROOT } from "./lib/proc";

try {
  const env = parseEnv();
  if (env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is set: restore your PostgreSQL with its own tools, e.g.\n" +
        '  pg_restore --clean --if-exists --dbname="$DATABASE_URL" readiness.dump',
    );
    process.exit(2);
  }
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  if (!file) {
    console.error("Usage: npm run restore -- FILE   (a file written by npm run backup)");
    process.exit(2);
  }
  const dataDir = path.resolve(ROOT, env.DATA_DIR);
  const result = await restoreEmbedded(dataDir, path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  console.log(`• Restored ${file} into ${path.join(dataDir, "pglite")}`);
  if (result.previous) console.log(`  The data it replaced is in ${result.previous} (delete it once you are happy).`);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `✖ ${(error as Error).message}`);
  process.exit(1);
}
