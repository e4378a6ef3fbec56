import type { JobQueue } from './job-queue';

/**
 * Lets a service ask for a job "as soon as possible" without owning the queue. Services are
 * created before the queue (the CLI has none at all), so the kicks are attached later by
 * registerJobs; until then, and in processes without a queue, a kick does nothing and the job's
 * own schedule picks the work up. A kick is a latency hint, never the only path to the work.
 */
export type JobKicks = {
  kick: (name: string, data: object, options?: { startAfterSeconds?: number }) => void;
  attach: (jobs: JobQueue, onError?: (error: unknown) => void) => void;
};

export function createJobKicks(): JobKicks {
  let queue: JobQueue | undefined;
  let report: (error: unknown) => void = () => undefined;
  return {
    kick(name, data, options) {
      if (!queue) return;
      queue.send(name, data, options).catch((error: unknown) => report(error));
    },
    attach(jobs, onError) {
      queue = jobs;
      if (onError) report = onError;
    },
  };
}
