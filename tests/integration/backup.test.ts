import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupEmbedded, pgliteDir, restoreEmbedded } from "@/scripts/lib/backup";
import { acquireDataDir, DataDirBusyError, lockPath } from "@/scripts/lib/data-lock";
import { withClient } from "@/scripts/lib/database";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

// npm run backup / npm run restore on a real embedded PostgreSQL (PGlite) in a temp DATA_DIR:
// seed rows, back up, change and delete rows, restore, and the rows are exactly the seeded ones.
let dataDir: string;

async function withEmbedded<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const embedded = await startEmbeddedPostgres(pgliteDir(dataDir));
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

const rows = (url: string) =>
  withClient(
    url,
    async (c) => (await c.query<{ id: number; label: string; answers: unknown }>("SELECT id, label, answers FROM item ORDER BY id")).rows,
  );

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "rr-backup-test-"));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded database backup and restore", () => {
  it("round-trips: rows changed and deleted after a backup come back as they were", { timeout: 120_000 }, async () => {
    const seeded = await withEmbedded(async (url) => {
      await withClient(url, async (c) => {
        await c.query("CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL, answers jsonb NOT NULL)");
        await c.query(
          `INSERT INTO item SELECT g, 'item ' || g, jsonb_build_object('n', g, 'tags', jsonb_build_array('a', 'b')) FROM generate_series(1, 500) g`,
        );
      });
      return rows(url);
    });
    expect(seeded).toHaveLength(500);

    const backupFile = path.join(dataDir, "out", "backup.tar.gz");
    const result = await backupEmbedded(dataDir, backupFile);
    expect(result.file).toBe(backupFile);
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(lockPath(dataDir))).toBe(false);

    await withEmbedded(async (url) => {
      await withClient(url, async (c) => {
        await c.query("DELETE FROM item WHERE id > 250");
        await c.query("UPDATE item SET label = 'changed' WHERE id <= 10");
        await c.query("INSERT INTO item VALUES (9999, 'new', '{}')");
      });
      expect(await rows(url)).toHaveLength(251);
    });

    const restored = await restoreEmbedded(dataDir, backupFile);
    expect(restored.previous && existsSync(restored.previous)).toBe(true);
    await withEmbedded(async (url) => {
      expect(await rows(url)).toEqual(seeded);
    });
  });

  it("refuses a file that is not a backup and leaves the data untouched", { timeout: 60_000 }, async () => {
    const before = await withEmbedded(rows);
    const bogus = path.join(dataDir, "bogus.tar.gz");
    writeFileSync(bogus, "this is not a tarball");
    await expect(restoreEmbedded(dataDir, bogus)).rejects.toThrow(/not a usable backup, nothing was changed/);
    expect(readdirSync(dataDir).filter((name) => name.includes("restoring"))).toEqual([]);
    expect(await withEmbedded(rows)).toEqual(before);
  });

  it("refuses to restore or back up while another live process (npm start) holds the data directory", async () => {
    // A live process that is not this one stands in for a running npm start.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      writeFileSync(lockPath(dataDir), JSON.stringify({ pid: holder.pid, command: "start", startedAt: new Date().toISOString() }));
      await expect(restoreEmbedded(dataDir, path.join(dataDir, "out", "backup.tar.gz"))).rejects.toThrow(DataDirBusyError);
      await expect(backupEmbedded(dataDir)).rejects.toThrow(/in use by "npm start" \(pid \d+/);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // Its holder is gone: the stale lock no longer blocks.
    const lock = acquireDataDir(dataDir, "restore");
    lock.release();
    expect(existsSync(lockPath(dataDir))).toBe(false);
  });
});
