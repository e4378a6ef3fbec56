import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createGroupCommit, OverloadedError } from './group-commit';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createGroupCommit', () => {
  it('gathers requests that arrive while a write is running into the next single write', async () => {
    const writes: number[][] = [];
    const gate = deferred();
    const commit = createGroupCommit<number>({
      write: async (rows) => {
        writes.push(rows);
        if (writes.length === 1) await gate.promise;
      },
      writers: 1,
      maxRowsPerFlush: 1000,
      maxInFlightRows: 1000,
    });
    const first = commit.submit([1]);
    const later = [commit.submit([2, 3]), commit.submit([4]), commit.submit([5])];
    gate.resolve();
    await Promise.all([first, ...later]);
    assert.deepEqual(writes, [[1], [2, 3, 4, 5]]);
    assert.equal(commit.inFlightRows(), 0);
  });

  it('answers nobody before their write has finished', async () => {
    const gate = deferred();
    const commit = createGroupCommit<number>({ write: () => gate.promise, writers: 2, maxRowsPerFlush: 10, maxInFlightRows: 100 });
    let answered = false;
    const pending = commit.submit([1]).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(answered, false);
    gate.resolve();
    await pending;
    assert.equal(answered, true);
  });

  it('fails only the request whose rows cannot be written, not the others of its group', async () => {
    const gate = deferred();
    let calls = 0;
    const commit = createGroupCommit<string>({
      write: async (rows) => {
        if (++calls === 1) await gate.promise;
        if (rows.includes('bad')) throw new Error('bad row');
      },
      writers: 1,
      maxRowsPerFlush: 100,
      maxInFlightRows: 100,
    });
    const first = commit.submit(['a']);
    const good = commit.submit(['b']);
    const bad = commit.submit(['bad']);
    gate.resolve();
    await first;
    await good;
    await assert.rejects(bad, /bad row/);
  });

  it('refuses new rows with OverloadedError beyond the in-flight bound, and drains', async () => {
    const gate = deferred();
    const commit = createGroupCommit<number>({ write: () => gate.promise, writers: 1, maxRowsPerFlush: 10, maxInFlightRows: 5 });
    const accepted = commit.submit([1, 2, 3, 4]);
    await assert.rejects(commit.submit([5, 6]), OverloadedError);
    const drained = commit.drain();
    gate.resolve();
    await accepted;
    await drained;
    assert.equal(commit.inFlightRows(), 0);
  });
});

describe('createGroupCommit with a queue deadline', () => {
  it('refuses a request that waited longer than maxQueueMs for a writer, and writes the others', async () => {
    let clock = 0;
    const gate = deferred();
    const written: number[][] = [];
    const commit = createGroupCommit<number>({
      write: async (rows) => {
        written.push(rows);
        if (written.length === 1) await gate.promise;
      },
      writers: 1,
      maxRowsPerFlush: 10,
      maxInFlightRows: 100,
      maxQueueMs: 5_000,
      now: () => clock,
    });
    const first = commit.submit([1]); // taken at once; its write hangs until the gate opens
    clock = 1_000;
    const stale = commit.submit([2]);
    clock = 5_500;
    const fresh = commit.submit([3]);
    clock = 6_500; // the writer frees up: [2] has waited 5.5 s, [3] only 1 s
    gate.resolve();
    await first;
    await assert.rejects(stale, (error: unknown) => error instanceof OverloadedError && /waited more than 5 s/.test(error.message));
    await fresh;
    assert.deepEqual(written, [[1], [3]]);
    assert.equal(commit.inFlightRows(), 0);
  });
});

describe('createGroupCommit with two writers', () => {
  it('starts the second writer only for a queue worth a flush of its own', async () => {
    const gate = deferred();
    const writes: number[] = [];
    const commit = createGroupCommit<number>({
      write: async (rows) => {
        writes.push(rows.length);
        if (writes.length === 1) await gate.promise;
      },
      writers: 2,
      maxRowsPerFlush: 1000,
      maxInFlightRows: 10_000,
      minRowsForParallelFlush: 300,
    });
    const first = commit.submit([0]);
    const small = [commit.submit(Array(100).fill(1)), commit.submit(Array(100).fill(2))];
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(writes, [1], 'two small requests wait for the busy writer');
    const big = commit.submit(Array(150).fill(3));
    await Promise.all(small);
    assert.deepEqual(writes, [1, 350], 'a queue of 350 rows gets the second writer');
    gate.resolve();
    await Promise.all([first, big]);
  });
});
