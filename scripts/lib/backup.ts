// Backup and restore of the embedded database (DATA_DIR/pglite). A backup is PGlite's own
// gzip-compressed tar of its data directory (dumpDataDir), which restores to exactly the same
// database. Both refuse to run while `npm start` holds DATA_DIR, since PGlite is single-process.
// Restore never half-restores: it unpacks into a new directory beside the live one, opens and
// checks it, and only then swaps directories; the previous data is kept until you delete it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDir } from "./data-lock";

export const pgliteDir = (dataDir: string) => path.join(dataDir, "pglite");

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");

export interface BackupResult {
  file: string;
  bytes: number;
}

/** Writes a backup of DATA_DIR's embedded database to `outFile` (written whole, then renamed). */
export async function backupEmbedded(dataDir: string, outFile?: string): Promise<BackupResult> {
  const source = pgliteDir(dataDir);
  if (!existsSync(path.join(source, "PG_VERSION")))
    throw new Error(`No embedded database in ${source} (has "npm start" run with this DATA_DIR?)`);
  const file = path.resolve(outFile ?? path.join(dataDir, "backups", `readiness-${stamp()}.tar.gz`));
  const lock = acquireDataDir(dataDir, "backup");
  try {
    const db = await PGlite.create(source);
    let data: Blob;
    try {
      await db.query("CHECKPOINT");
      data = await db.dumpDataDir("gzip");
    } finally {
      await db.close();
    }
    const bytes = Buffer.from(await data.arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.partial`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
    return { file, bytes: bytes.length };
  } finally {
    lock.release();
  }
}

export interface RestoreResult {
  /** Where the data that was replaced now lives (undefined when DATA_DIR had no database). */
  previous?: string;
}

/** Replaces DATA_DIR's embedded database with the backup in `file`, or changes nothing. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new Error(`No such backup file: ${file}`);
  const lock = acquireDataDir(dataDir, "restore");
  const target = pgliteDir(dataDir);
  const staging = `${target}.restoring-${stamp()}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    const archive = new Blob([readFileSync(file)]);
    let db: PGlite | undefined;
    try {
      db = await PGlite.create(staging, { loadDataDir: archive });
      // The copy must be a readable database before it replaces anything.
      await db.query("SELECT count(*) FROM pg_class");
      await db.query("CHECKPOINT");
    } catch (error) {
      throw new Error(`${file} is not a usable backup, nothing was changed: ${(error as Error).message}`);
    } finally {
      await db?.close().catch(() => undefined);
    }
    let previous: string | undefined;
    if (existsSync(target)) {
      previous = `${target}.before-restore-${stamp()}`;
      renameSync(target, previous);
    }
    renameSync(staging, target);
    return { previous };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    lock.release();
  }
}
