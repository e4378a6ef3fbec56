import { defineJob, type JobQueue } from './platform/jobs/job-queue';
import type { Services } from './services';
import { registerUsageRollupJob } from './modules/usage-analytics';
import { registerRulesJobs } from './modules/rules';
import { registerHealthJobs } from './modules/health';
import { registerWebhookJobs } from './modules/webhooks';

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
  jobs.register(
    defineJob<{ retentionDays?: number }>({
      name: 'usage.prune-message-ids',
      // Daily: de-duplication keys are kept for a window only (USAGE_DEDUP_RETENTION_DAYS, docs/tracking-api.md).
      schedule: '53 2 * * *',
      handler: async ({ retentionDays }) => {
        await services.usage.pruneMessageIds(retentionDays);
      },
    }),
  );
  registerUsageRollupJob(jobs, {
    // Each rollup run rescores the accounts whose new usage it settled (health, issue #5). A failed
    // trigger must not break the rollup chain: the 5-minute health recompute catches up anyway.
    rollUpNewEvents: async () => {
      const result = await services.usageAnalytics.rollUpNewEvents();
      await services.health.afterUsageRollup().catch(() => undefined);
      return result;
    },
  });
  registerHealthJobs(jobs, services.health, () => listWorkspaceIds(services));
  registerRulesJobs(jobs, services.rules);
  registerWebhookJobs(jobs, services.webhooks);
  services.kicks.attach(jobs);
  jobs.register(
    defineJob<{ workspaceId?: string }>({
      name: 'tiers.recompute',
      // Hourly, off the hour; on demand for one workspace (POST /tiers/recompute runs it inline).
      schedule: '23 * * * *',
      singletonKey: ({ workspaceId }) => workspaceId ?? 'all',
      handler: async ({ workspaceId }) => {
        for (const id of workspaceId ? [workspaceId] : await listWorkspaceIds(services)) await services.tiers.recomputeTiers(id);
      },
    }),
  );
  jobs.register(
    defineJob<{ workspaceId?: string }>({
      name: 'segments.refresh',
      // Every 15 minutes: membership diffs become segment.entered / segment.left events.
      schedule: '*/15 * * * *',
      singletonKey: ({ workspaceId }) => workspaceId ?? 'all',
      handler: async ({ workspaceId }) => {
        for (const id of workspaceId ? [workspaceId] : await listWorkspaceIds(services)) await services.segments.refreshSegments(id);
      },
    }),
  );
  jobs.register(
    defineJob<{ workspaceId?: string }>({
      name: 'lifecycle.evaluate',
      // Daily: stage rules read dates (renewal within 90 days, contract ended), which move by the day.
      schedule: '7 4 * * *',
      singletonKey: ({ workspaceId }) => workspaceId ?? 'all',
      handler: async ({ workspaceId }) => {
        for (const id of workspaceId ? [workspaceId] : await listWorkspaceIds(services)) await services.lifecycle.evaluateStageRules(id);
      },
    }),
  );
}

/** Every workspace, for scheduled jobs that run across tenants. */
async function listWorkspaceIds(services: Services): Promise<string[]> {
  const { rows } = await services.database.query('SELECT id FROM workspaces ORDER BY created_at');
  return rows.map((r) => String(r.id));
}
