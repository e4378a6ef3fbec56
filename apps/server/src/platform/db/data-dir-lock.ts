import fs from 'node:fs';
import path from 'node:path';

export type DataDirLock = { release: () => void };

export type LockInfo = { pid: number; owner: string; startedAt: string; socket?: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder.owner} (pid ${holder.pid}, since ${holder.startedAt}).\n` +
        `PGlite lets only one process own its data directory. Stop that process first, or run ` +
        `Northstar against PostgreSQL by setting DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const LOCK_FILE = 'northstar.lock';

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

/** Reads the lock of a data dir; undefined when free or when its holder died (stale lock). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  return isAlive(info.pid) ? info : undefined;
}

/**
 * Takes exclusive ownership of an embedded data dir. Two processes opening one PGlite directory
 * would corrupt it, so every process that opens it goes through here first.
 */
export function acquireDataDirLock(dataDir: string, owner: string): DataDirLock {
  const file = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, owner, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLiveLock(dataDir);
      if (holder && holder.pid !== process.pid) throw new DataDirLockedError(dataDir, holder);
      if (holder?.pid === process.pid) throw new DataDirLockedError(dataDir, holder);
      // Stale lock from a process that died (kill -9, power loss): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** Records extra facts (the local socket) in the lock this process holds. */
export function updateLockInfo(dataDir: string, patch: Partial<LockInfo>): void {
  const file = lockPath(dataDir);
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  if (current.pid !== process.pid) return;
  fs.writeFileSync(file, JSON.stringify({ ...current, ...patch }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
