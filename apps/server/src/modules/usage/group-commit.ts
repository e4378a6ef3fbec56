/** Writes rows durably: resolves only once they are committed. */
export type WriteRows<T> = (rows: T[]) => Promise<void>;

export type GroupCommitOptions<T> = {
  write: WriteRows<T>;
  /** Flushes that may run at once: one per writer connection. */
  writers: number;
  /** A flush takes whole requests until it holds at least this many rows. */
  maxRowsPerFlush: number;
  /** Rows accepted but not yet committed, beyond which new requests are refused. */
  maxInFlightRows: number;
  /**
   * While one writer is busy, another starts only once this many rows are queued: a second
   * writer grabbing each lone request would commit 100 rows at a time and starve the first.
   */
  minRowsForParallelFlush?: number;
  /** How many rows an item stands for (1 by default): an item may be a whole request's events. */
  weight?: (item: T) => number;
  /**
   * A request that waited longer than this for a writer is refused with OverloadedError rather
   * than written: its client retries. This bounds the time from receiving an event to committing
   * it (see INGEST_MAX_QUEUE_MS).
   */
  maxQueueMs?: number;
  /** Milliseconds from a monotonic clock; performance.now() by default. */
  now?: () => number;
};

export class OverloadedError extends Error {
  constructor(
    readonly inFlightRows: number,
    reason = `${inFlightRows} events waiting to be written`,
  ) {
    super(`Ingestion is overloaded (${reason}): retry shortly`);
    this.name = 'OverloadedError';
  }
}

type Request<T> = { rows: T[]; weight: number; queuedAt: number; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit: concurrent requests append to one queue; whenever a writer is free it takes
 * everything queued (up to maxRowsPerFlush) and writes it in one transaction, then answers each
 * request in it. Nobody is answered before their rows are committed, and a burst of small
 * requests costs one commit instead of one each.
 */
export function createGroupCommit<T>(options: GroupCommitOptions<T>) {
  const queue: Request<T>[] = [];
  let inFlightRows = 0;
  let activeWriters = 0;
  let idleWaiters: (() => void)[] = [];
  let queuedRows = 0;
  const minParallel = options.minRowsForParallelFlush ?? 0;
  const weigh = options.weight;
  const now = options.now ?? (() => performance.now());
  const maxQueueMs = options.maxQueueMs ?? Infinity;

  /** Refuses the requests at the head of the queue that waited too long. */
  function shedStale(): void {
    const staleBefore = now() - maxQueueMs;
    while (queue.length > 0 && queue[0]!.queuedAt < staleBefore) {
      const stale = queue.shift()!;
      queuedRows -= stale.weight;
      settle(stale, new OverloadedError(inFlightRows, `waited more than ${maxQueueMs / 1000} s for a writer`));
    }
  }

  function pump(): void {
    shedStale();
    while (activeWriters < options.writers && queue.length > 0 && (activeWriters === 0 || queuedRows >= minParallel)) {
      const taken: Request<T>[] = [];
      let rows = 0;
      while (queue.length > 0 && (rows === 0 || rows + queue[0]!.weight <= options.maxRowsPerFlush)) {
        const next = queue.shift()!;
        taken.push(next);
        rows += next.weight;
      }
      queuedRows -= rows;
      activeWriters++;
      void flush(taken).finally(() => {
        activeWriters--;
        pump();
        if (activeWriters === 0 && queue.length === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    }
  }

  async function flush(requests: Request<T>[]): Promise<void> {
    try {
      await options.write(requests.flatMap((r) => r.rows));
      for (const r of requests) settle(r, undefined);
    } catch (error) {
      if (requests.length === 1) {
        settle(requests[0]!, error);
        return;
      }
      // One bad request must not fail the others committed with it: write each on its own.
      for (const r of requests) {
        try {
          await options.write(r.rows);
          settle(r, undefined);
        } catch (own) {
          settle(r, own);
        }
      }
    }
  }

  function settle(request: Request<T>, error: unknown): void {
    inFlightRows -= request.weight;
    if (error === undefined) request.resolve();
    else request.reject(error);
  }

  return {
    /** Queues rows and resolves once they are committed; throws OverloadedError when full. */
    submit(rows: T[]): Promise<void> {
      let weight = rows.length;
      if (weigh) {
        weight = 0;
        for (const item of rows) weight += weigh(item);
      }
      if (weight === 0) return Promise.resolve();
      if (inFlightRows > 0 && inFlightRows + weight > options.maxInFlightRows) {
        return Promise.reject(new OverloadedError(inFlightRows));
      }
      inFlightRows += weight;
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, weight, queuedAt: now(), resolve, reject });
        queuedRows += weight;
        pump();
      });
    },
    inFlightRows: () => inFlightRows,
    /** Resolves once everything submitted so far has been written (or failed). */
    drain(): Promise<void> {
      if (activeWriters === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

export type GroupCommit<T> = ReturnType<typeof createGroupCommit<T>>;
