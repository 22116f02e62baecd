// npm run backup [-- --out FILE]: a backup of the embedded database (DATA_DIR/pglite) while the app
// is stopped. With DATABASE_URL set, the database is yours: back it up with pg_dump.
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/env";
import { backupEmbedded } from "./lib/backup";
import { ROOT } from "./lib/proc";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

try {
  const env = parseEnv();
  if (env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is set, so the data lives in your PostgreSQL, not the embedded database.\n" +
        'Back it up with PostgreSQL\'s tools, e.g.:  pg_dump --format=custom --file=readiness.dump "$DATABASE_URL"\n' +
        'and restore with:                         pg_restore --clean --if-exists --dbname="$DATABASE_URL" readiness.dump',
    );
    process.exit(2);
  }
  const dataDir = path.resolve(ROOT, env.DATA_DIR);
  const out = option("--out");
  // npm runs scripts from the package root; a relative --out means relative to where you typed it.
  const here = process.env.INIT_CWD ?? process.cwd();
  const result = await backupEmbedded(dataDir, out ? path.resolve(here, out) : undefined);
  console.log(`• Backup written: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`);
  console.log(`  Restore it with:  npm run restore -- ${path.relative(here, result.file) || result.file}`);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `✖ ${(error as Error).message}`);
  process.exit(1);
}
