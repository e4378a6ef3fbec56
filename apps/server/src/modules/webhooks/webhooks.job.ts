import { defineJob, type JobQueue } from '../../platform/jobs/job-queue';
import { WEBHOOK_DELIVER_JOB, type WebhooksService } from './webhooks.service';

export const WEBHOOK_SWEEP_JOB = 'webhooks.sweep';

/**
 * Delivery runs in jobs: one per attempt, kicked on enqueue and re-sent with the backoff delay
 * after a failure. The queue's own retries are off: attempts, backoff and the log are the
 * delivery row's. A sweeper every minute attempts whatever is due and was never kicked (enqueued
 * by the CLI, or a kick lost in a crash); the row's lease keeps two workers from sending one twice.
 */
export function registerWebhookJobs(jobs: JobQueue, service: Pick<WebhooksService, 'attemptDelivery' | 'deliverDue'>): void {
  jobs.register(
    defineJob<{ workspaceId: string; deliveryId: string }>({
      name: WEBHOOK_DELIVER_JOB,
      retryLimit: 0,
      handler: async ({ workspaceId, deliveryId }) => {
        await service.attemptDelivery(workspaceId, deliveryId);
      },
    }),
  );
  jobs.register(
    defineJob<Record<string, never>>({
      name: WEBHOOK_SWEEP_JOB,
      schedule: '* * * * *',
      policy: 'short',
      retryLimit: 0,
      handler: async () => {
        await service.deliverDue();
      },
    }),
  );
}
