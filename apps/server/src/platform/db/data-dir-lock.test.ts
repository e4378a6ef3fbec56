import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireDataDirLock, DataDirLockedError, lockPath, readLiveLock, type LockInfo } from './data-dir-lock';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-lock-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function deadPid(): number {
  // A process that has certainly exited: its pid is (for now) unused.
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('data dir lock', () => {
  it('records who holds the lock and releases it', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'northstar server');
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    assert.equal(info.pid, process.pid);
    assert.equal(info.owner, 'northstar server');
    assert.deepEqual(readLiveLock(dir), info);
    lock.release();
    assert.equal(fs.existsSync(lockPath(dir)), false);
    assert.deepEqual(fs.readdirSync(dir), [], 'the lock left files behind');
    lock.release(); // twice is harmless
  });

  it('refuses a second acquire with DataDirLockedError naming the dir, the holder and its pid', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'northstar server');
    try {
      assert.throws(
        () => acquireDataDirLock(dir, 'northstar migrate'),
        (error: unknown) => {
          assert.ok(error instanceof DataDirLockedError);
          assert.equal(error.dataDir, dir);
          assert.equal(error.holder.pid, process.pid);
          assert.ok(error.message.includes(dir));
          assert.match(error.message, new RegExp(`northstar server \\(pid ${process.pid}`));
          assert.match(error.message, /DATABASE_URL/);
          return true;
        },
      );
      // The refused attempt did not disturb the holder's lock.
      assert.equal(readLiveLock(dir)?.owner, 'northstar server');
    } finally {
      lock.release();
    }
    acquireDataDirLock(dir, 'northstar migrate').release();
  });

  it('takes over a stale lock whose process is dead', () => {
    const dir = tempDir();
    const pid = deadPid();
    fs.writeFileSync(lockPath(dir), JSON.stringify({ pid, owner: 'northstar server', startedAt: '2020-01-01T00:00:00.000Z' }));
    assert.equal(readLiveLock(dir), undefined);
    const lock = acquireDataDirLock(dir, 'northstar start');
    assert.equal(readLiveLock(dir)?.pid, process.pid);
    lock.release();
  });

  it('takes over a lock file left empty or corrupt by a crash', () => {
    const dir = tempDir();
    fs.writeFileSync(lockPath(dir), '');
    acquireDataDirLock(dir, 'northstar start').release();
  });

  it('lets exactly one of several processes starting at once take the lock', async () => {
    const dir = tempDir();
    const moduleUrl = new URL('./data-dir-lock.ts', import.meta.url).href;
    const script = path.join(tempDir(), 'contender.mts');
    fs.writeFileSync(
      script,
      `import { acquireDataDirLock } from ${JSON.stringify(moduleUrl)};
       try { const lock = acquireDataDirLock(process.argv[2], 'contender'); process.stdout.write('got'); setTimeout(() => lock.release(), 1500); }
       catch (error) { process.stdout.write(error.name === 'DataDirLockedError' ? 'locked' : 'error: ' + error.message); }`,
    );
    const root = fileURLToPath(new URL('../../../../..', import.meta.url));
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { cwd: root });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('close', () => resolve(out));
        }),
      ),
    );
    assert.equal(outcomes.filter((o) => o === 'got').length, 1, outcomes.join(', '));
    assert.equal(outcomes.filter((o) => o === 'locked').length, 5, outcomes.join(', '));
    assert.deepEqual(fs.readdirSync(dir), [], 'the winner did not release its lock on exit');
  });
});
