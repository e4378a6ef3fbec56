import { randomBytes } from 'node:crypto';
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
  // The lock appears complete or not at all: written to a private file first, then hard-linked
  // into place (link fails if the lock exists). With a plain exclusive create, a second process
  // could read the still-empty file, take it for a stale lock and "take it over" too.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(draft, JSON.stringify(info));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        placeLock(draft, file, info);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          process.removeListener('exit', release);
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
        if (holder) throw new DataDirLockedError(dataDir, holder);
        // Stale lock from a process that died (kill -9, power loss): take it over.
        fs.rmSync(file, { force: true });
      }
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function placeLock(draft: string, file: string, info: LockInfo): void {
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems (network shares, some container mounts) have no hard links.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
  }
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
