export {
  createWebhooksService,
  WEBHOOK_DELIVER_JOB,
  type WebhooksService,
  type EnqueueWebhook,
  type ValidateWebhookTarget,
} from './webhooks.service';
export { webhooksRoutes } from './webhooks.routes';
export { registerWebhookJobs, WEBHOOK_SWEEP_JOB } from './webhooks.job';
export { signWebhookPayload, verifyWebhookSignature } from './sign-webhook-payload';
export type { ResolveHost } from './check-webhook-target';
