import { defineJob, type JobQueue } from './platform/jobs/job-queue';
import type { Services } from './services';

/**
 * Every background job, registered by hand. Later modules (usage rollups, health recompute)
 * add theirs here.
 */
export function registerJobs(jobs: JobQueue, services: Services): void {
  jobs.register(
    defineJob<{ olderThanDays?: number }>({
      name: 'platform.prune-sessions',
      // Daily at 03:17 UTC: off the hour, so it does not pile onto other hourly work.
      schedule: '17 3 * * *',
      handler: async ({ olderThanDays = 30 }) => {
        await services.database.query(
          `DELETE FROM sessions WHERE (revoked_at IS NOT NULL OR expires_at < now()) AND last_seen_at < now() - make_interval(days => $1)`,
          [olderThanDays],
        );
      },
    }),
  );
  jobs.register(
    defineJob<Record<string, never>>({
      name: 'usage.ensure-partitions',
      // Daily: keeps three months of usage_events partitions ready ahead of time.
      schedule: '41 2 * * *',
      handler: async () => {
        await services.usage.ensurePartitions();
      },
    }),
  );
}
