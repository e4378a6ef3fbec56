import { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/errors';
import type { PreparedRequest } from './prepare-events';
import type { WorkerReply, WorkerTask } from './tracking-worker-messages';

type Pending = { resolve: (prepared: PreparedRequest) => void; reject: (error: unknown) => void };
type PooledWorker = { worker: Worker; pending: Map<number, Pending> };

// The server runs its TypeScript through tsx, and a worker thread starts without the main
// thread's loader: the worker registers tsx itself, then loads its entry.
const TSX_API = import.meta.resolve('tsx/esm/api');
const ENTRY = new URL('./tracking-worker.ts', import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY)}); });`;

/**
 * Worker threads that decode, validate and encode large tracking requests, so that the main
 * thread's one core is left to HTTP and the database while parsing uses the others. Workers start
 * on first use (or all at once, startAll, when the server starts); one that dies fails only the requests it held (none of them acknowledged) and is
 * replaced on the next request.
 */
export function createTrackingWorkerPool(size: number) {
  const workers: (PooledWorker | undefined)[] = new Array(size).fill(undefined);
  let nextId = 1;
  let closed = false;

  function start(slot: number): PooledWorker {
    const pooled: PooledWorker = { worker: new Worker(BOOTSTRAP, { eval: true }), pending: new Map() };
    const failAll = (error: unknown) => {
      if (workers[slot] === pooled) workers[slot] = undefined;
      for (const p of pooled.pending.values()) p.reject(error);
      pooled.pending.clear();
    };
    pooled.worker.on('message', (reply: WorkerReply) => {
      const waiting = pooled.pending.get(reply.id);
      if (!waiting) return;
      pooled.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.prepared);
      else if (reply.error.code) waiting.reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
      else waiting.reject(new Error(`Ingest worker failed: ${reply.error.message}`));
    });
    pooled.worker.on('error', failAll);
    pooled.worker.on('exit', (code) => failAll(new Error(`Ingest worker exited with code ${code}`)));
    // An idle pool must not keep the process alive.
    pooled.worker.unref();
    workers[slot] = pooled;
    return pooled;
  }

  /** The worker with the fewest requests waiting, started if its slot is empty. */
  function pick(): PooledWorker {
    let best = -1;
    for (let slot = 0; slot < size; slot++) {
      const w = workers[slot];
      if (!w) return start(slot);
      if (best < 0 || w.pending.size < workers[best]!.pending.size) best = slot;
    }
    return workers[best]!;
  }

  return {
    startAll(): void {
      for (let slot = 0; slot < size; slot++) if (!closed && !workers[slot]) start(slot);
    },
    prepare(task: Omit<WorkerTask, 'id'>): Promise<PreparedRequest> {
      if (closed) return Promise.reject(new Error('The ingest worker pool is closed'));
      const pooled = pick();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pooled.pending.set(id, { resolve, reject });
        // A body with its own memory moves to the worker; one sharing memory (a pooled slice) is copied.
        const body = task.body;
        const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && !(body.buffer instanceof SharedArrayBuffer);
        pooled.worker.postMessage({ ...task, id } satisfies WorkerTask, own ? [body.buffer as ArrayBuffer] : []);
      });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(workers.map((w) => w?.worker.terminate()));
    },
  };
}

export type TrackingWorkerPool = ReturnType<typeof createTrackingWorkerPool>;
