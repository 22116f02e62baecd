// Who is using DATA_DIR. `npm start` (which hosts the embedded PostgreSQL), `npm run backup` and
// `npm run restore` write DATA_DIR/lock.json while they run, so restore cannot swap the data under a
// running app, and a start after a crash (SIGKILL, power loss) can tell a stale lock from a live one.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SERVER_BUNDLE } from "./build";

export interface LockInfo {
  pid: number;
  command: "start" | "backup" | "restore";
  startedAt: string;
  /** The app server child of `npm start`, so a later start can stop it if its parent was killed. */
  serverPid?: number;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly holder: LockInfo,
    lockFile: string,
  ) {
    super(
      `The data directory is in use by "npm ${holder.command === "start" ? "start" : `run ${holder.command}`}" (pid ` +
        `${holder.pid}, since ${holder.startedAt}). ` +
        `Stop it first. If no such process exists, delete ${lockFile}.`,
    );
    this.name = "DataDirBusyError";
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The command line of a process, when the OS shows it (Linux /proc), else undefined. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return undefined;
  }
}

export const lockPath = (dataDir: string) => path.join(dataDir, "lock.json");

export function readLock(dataDir: string): LockInfo | undefined {
  const file = lockPath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined; // a torn write from a crash: treat as no lock
  }
}

/** The live holder of DATA_DIR, if any (a lock left by a dead process does not count). */
export function liveHolder(dataDir: string): LockInfo | undefined {
  const lock = readLock(dataDir);
  return lock && lock.pid !== process.pid && isAlive(lock.pid) ? lock : undefined;
}

export interface DataDirLock {
  /** A stale lock's orphaned app server that was stopped, if any. */
  stoppedOrphan?: number;
  update: (fields: Partial<LockInfo>) => void;
  release: () => void;
}

function writeLock(dataDir: string, info: LockInfo): void {
  const file = lockPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(info));
  renameSync(temp, file);
}

/**
 * Takes DATA_DIR for this process. Refuses (DataDirBusyError) while another live process holds it.
 * A lock left by a killed `npm start` is taken over; if that run's app server child outlived it
 * (it would keep the port and answer 503s), it is stopped first.
 */
export function acquireDataDir(dataDir: string, command: LockInfo["command"]): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const holder = liveHolder(dataDir);
  if (holder) throw new DataDirBusyError(holder, lockPath(dataDir));
  const stale = readLock(dataDir);
  let stoppedOrphan: number | undefined;
  if (stale?.serverPid && stale.pid !== process.pid && isAlive(stale.serverPid) && commandLine(stale.serverPid)?.includes(SERVER_BUNDLE)) {
    process.kill(stale.serverPid, "SIGKILL");
    stoppedOrphan = stale.serverPid;
  }
  let info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  writeLock(dataDir, info);
  let released = false;
  return {
    stoppedOrphan,
    update: (fields) => {
      if (released) return;
      info = { ...info, ...fields };
      writeLock(dataDir, info);
    },
    release: () => {
      if (released) return;
      released = true;
      if (readLock(dataDir)?.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
    },
  };
}
