import { randomUUID } from 'node:crypto';
import { defineJob, type JobQueue } from '../../platform/jobs/job-queue';
import type { HealthService } from './health.service';

export const HEALTH_RECOMPUTE_JOB = 'health.recompute';

/**
 * Today's scores every 5 minutes for every workspace (the incumbents recompute nightly or
 * hourly), and on change for the accounts concerned: the service's changes (inputs, targets,
 * scorecards, settings) and each usage rollup's accounts are queued as jobs rather than run
 * inside the request. A whole-workspace run collapses with one already queued; an account
 * run does not, so no account's change is dropped.
 */
export function registerHealthJobs(jobs: JobQueue, service: HealthService, listWorkspaceIds: () => Promise<string[]>): void {
  jobs.register(
    defineJob<{ workspaceId?: string; accountIds?: string[] }>({
      name: HEALTH_RECOMPUTE_JOB,
      schedule: '*/5 * * * *',
      // A unique key for account runs: collapsing two of them would drop one's accounts.
      singletonKey: ({ workspaceId, accountIds }) =>
        accountIds?.length ? `${workspaceId}:accounts:${randomUUID()}` : (workspaceId ?? 'all'),
      handler: async ({ workspaceId, accountIds }) => {
        for (const id of workspaceId ? [workspaceId] : await listWorkspaceIds()) {
          await service.recomputeHealth(id, { accountIds: accountIds ?? null });
        }
      },
    }),
  );
  service.useChangeNotifier(async (workspaceId, accountIds) => {
    await jobs.send(HEALTH_RECOMPUTE_JOB, accountIds ? { workspaceId, accountIds } : { workspaceId });
  });
}
