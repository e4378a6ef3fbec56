import { defineJob, type JobQueue } from '../../platform/jobs/job-queue';
import type { UsageAnalyticsService } from './usage-analytics.service';

export const USAGE_ROLLUP_JOB = 'usage.rollup';
/** Seconds between incremental rollups: the rollup lag target is under 10 s. */
export const USAGE_ROLLUP_INTERVAL_SECONDS = 2;

/**
 * The incremental rollup as a self-rescheduling job. pg-boss's cron cannot run more often than
 * once a minute, so each run queues the next one USAGE_ROLLUP_INTERVAL_SECONDS later; the
 * queue's 'short' policy keeps at most one queued, so the minute cron (which restarts the chain
 * after a crash or a failed run) never doubles it. Ingestion is not coupled to the job: the
 * rollup finds new events by received_at, so a missed signal only delays, never loses, work.
 */
export function registerUsageRollupJob(jobs: JobQueue, service: Pick<UsageAnalyticsService, 'rollUpNewEvents'>): void {
  jobs.register(
    defineJob<Record<string, never>>({
      name: USAGE_ROLLUP_JOB,
      schedule: '* * * * *',
      policy: 'short',
      retryLimit: 0,
      handler: async () => {
        try {
          await service.rollUpNewEvents();
        } finally {
          await jobs.send(USAGE_ROLLUP_JOB, {}, { startAfterSeconds: USAGE_ROLLUP_INTERVAL_SECONDS });
        }
      },
    }),
  );
}
