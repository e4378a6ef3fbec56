import {
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_SIGNATURE_HEADER,
  type UpdateWebhookSettings,
  type WebhookDeliveriesQuery,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookSettings,
  type WebhookSigningSecret,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { JobKicks } from '../../platform/jobs/job-kicks';
import { generateSecret } from '../../platform/security/secrets';
import { calculateWebhookBackoff } from './calculate-webhook-backoff';
import { checkWebhookTarget, parseWebhookUrl, resolveHostWithDns, type ResolveHost } from './check-webhook-target';
import { sendWebhookRequest } from './send-webhook-request';
import { signWebhookPayload } from './sign-webhook-payload';
import { decodeDeliveryCursor, encodeDeliveryCursor, toWebhookDeliveryDto } from './to-webhook-delivery-dto';
import { createWebhooksRepository, type WebhookDeliveryRow, type WebhookSettingsRow } from './webhooks.repository';

export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';

/** What playbooks (and anything else) call to send an event to a URL; delivery happens in a job. */
export type EnqueueWebhook = (
  workspaceId: string,
  input: {
    url: string;
    event: string;
    payload: Record<string, unknown>;
    source: { playbookId?: string; ruleId?: string; accountId?: string };
  },
) => Promise<{ deliveryId: string }>;

/** Throws WEBHOOK_TARGET_FORBIDDEN (400, naming `field`) unless the URL may receive this workspace's webhooks. */
export type ValidateWebhookTarget = (workspaceId: string, url: string, field?: string) => Promise<void>;

export type WebhooksService = ReturnType<typeof createWebhooksService>;

const LEASE_MS = 60_000;
const KEEP_ATTEMPTS = 20;
const DEFAULT_PAGE_SIZE = 50;

type Deps = {
  database: Database;
  clock: Clock;
  kicks: JobKicks;
  /** DNS, replaceable in tests that point a host name at a local server. */
  resolveHost?: ResolveHost;
  timeoutMs?: number;
};

/** Outgoing webhooks: signed, retried with backoff, logged, and kept away from private networks. */
export function createWebhooksService({ database, clock, kicks, resolveHost = resolveHostWithDns, timeoutMs = 10_000 }: Deps) {
  const repo = createWebhooksRepository(database.db);

  const forbidden = (field: string, problem: string) =>
    new AppError('WEBHOOK_TARGET_FORBIDDEN', `Webhook URL ${problem}`, [{ field, location: 'body', problem }]);

  async function loadSettings(workspaceId: string): Promise<WebhookSettingsRow | undefined> {
    return repo.findSettings(workspaceId);
  }

  /** The secret deliveries are signed with, created on first use (an admin rotates to see one). */
  async function getSigningSecret(workspaceId: string): Promise<string> {
    const settings = await loadSettings(workspaceId);
    if (settings?.signingSecret) return settings.signingSecret;
    const { secret, prefix } = generateSecret('whsec');
    const row = await repo.insertSecretIfMissing(workspaceId, { signingSecret: secret, signingSecretPrefix: prefix, at: clock.now() });
    return row.signingSecret!;
  }

  const validateWebhookTarget: ValidateWebhookTarget = async (workspaceId, url, field = 'url') => {
    const settings = await loadSettings(workspaceId);
    const check = await checkWebhookTarget(url, { allowPrivate: settings?.allowPrivateTargets ?? false, resolve: resolveHost });
    if (!check.ok) throw forbidden(field, check.problem);
  };

  async function insertDelivery(
    workspaceId: string,
    values: {
      url: string;
      event: string;
      payload: Record<string, unknown>;
      sourcePlaybookId?: string | null;
      sourceRuleId?: string | null;
      sourceAccountId?: string | null;
      redeliveryOf?: string | null;
    },
  ): Promise<WebhookDeliveryRow> {
    const now = clock.now();
    const row = await repo.insertDelivery({
      workspaceId,
      ...values,
      status: 'pending',
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
    kicks.kick(WEBHOOK_DELIVER_JOB, { workspaceId, deliveryId: row.id });
    return row;
  }

  const enqueueWebhook: EnqueueWebhook = async (workspaceId, input) => {
    // Only the shape is checked here: the private-address guard runs at delivery, where it counts.
    const parsed = parseWebhookUrl(input.url);
    if (!parsed.ok) throw forbidden('url', parsed.problem);
    const row = await insertDelivery(workspaceId, {
      url: input.url,
      event: input.event,
      payload: input.payload,
      sourcePlaybookId: input.source.playbookId ?? null,
      sourceRuleId: input.source.ruleId ?? null,
      sourceAccountId: input.source.accountId ?? null,
    });
    return { deliveryId: row.id };
  };

  async function getDeliveryRow(workspaceId: string, id: string): Promise<WebhookDeliveryRow> {
    const row = await repo.findDelivery(workspaceId, id);
    if (!row) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND', 'Webhook delivery not found');
    return row;
  }

  /**
   * One attempt at a delivery, if it is due and no other worker holds it: sign, send, record.
   * A 2xx delivers; a refused target fails at once (retrying cannot change the policy); anything
   * else waits calculateWebhookBackoff(attempt) and tries again, until maxAttempts.
   */
  async function attemptDelivery(workspaceId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const now = clock.now();
    const row = await repo.claimDelivery(workspaceId, deliveryId, now, new Date(now.getTime() + LEASE_MS));
    if (!row) return undefined;
    const settings = await loadSettings(workspaceId);
    const secret = await getSigningSecret(workspaceId);
    const body = JSON.stringify({ id: row.id, event: row.event, createdAt: row.createdAt.toISOString(), data: row.payload });
    const timestamp = Math.floor(now.getTime() / 1000);
    const parsed = parseWebhookUrl(row.url);
    const response = parsed.ok
      ? await sendWebhookRequest(parsed.url, {
          body,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Northstar-Webhooks/1',
            [WEBHOOK_EVENT_HEADER]: row.event,
            [WEBHOOK_DELIVERY_HEADER]: row.id,
            [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(secret, timestamp, body),
          },
          timeoutMs,
          allowPrivate: settings?.allowPrivateTargets ?? false,
          resolve: resolveHost,
        })
      : { statusCode: null, error: `refused: URL ${parsed.problem}`, refused: true, durationMs: 0 };
    const attempt = row.attempts + 1;
    const delivered = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    const giveUp = !delivered && (response.refused || attempt >= row.maxAttempts);
    const retryIn = delivered || giveUp ? null : calculateWebhookBackoff(attempt);
    const finished = clock.now();
    const updated = await repo.recordAttempt(workspaceId, row.id, {
      status: delivered ? 'delivered' : giveUp ? 'failed' : 'pending',
      attempt: { at: now.toISOString(), statusCode: response.statusCode, error: response.error, durationMs: response.durationMs },
      nextAttemptAt: retryIn === null ? null : new Date(finished.getTime() + retryIn * 1000),
      deliveredAt: delivered ? finished : null,
      keepAttempts: KEEP_ATTEMPTS,
    });
    if (retryIn !== null) kicks.kick(WEBHOOK_DELIVER_JOB, { workspaceId, deliveryId: row.id }, { startAfterSeconds: retryIn });
    return toWebhookDeliveryDto(updated);
  }

  async function getSettings(workspaceId: string): Promise<WebhookSettings> {
    const row = await loadSettings(workspaceId);
    return {
      allowPrivateWebhookTargets: row?.allowPrivateTargets ?? false,
      signingSecretPrefix: row?.signingSecretPrefix ?? null,
      signingSecretRotatedAt: row?.signingSecretRotatedAt?.toISOString() ?? null,
    };
  }

  return {
    enqueueWebhook,
    validateWebhookTarget,
    attemptDelivery,

    /** Attempts every due delivery (the sweeper: lost kicks, deliveries enqueued where no queue runs). */
    async deliverDue(limit = 50): Promise<number> {
      const due = await repo.listDueDeliveries(clock.now(), limit);
      let attempted = 0;
      for (const { workspaceId, id } of due) if (await attemptDelivery(workspaceId, id)) attempted++;
      return attempted;
    },

    /** The delivery log, newest first. */
    async listDeliveries(workspaceId: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveryPage> {
      const { limit = DEFAULT_PAGE_SIZE, cursor, ...filters } = query;
      const after = cursor === undefined ? undefined : decodeDeliveryCursor(cursor);
      if (cursor !== undefined && !after) {
        throw new AppError('VALIDATION_FAILED', 'Invalid cursor: pass back nextCursor from the previous page', [
          { field: 'cursor', location: 'querystring', problem: 'is not a cursor of this list' },
        ]);
      }
      const rows = await repo.listDeliveries(workspaceId, filters, after, limit + 1);
      const page = rows.slice(0, limit);
      return { items: page.map(toWebhookDeliveryDto), nextCursor: rows.length > limit ? encodeDeliveryCursor(page.at(-1)!) : null };
    },

    async getDelivery(workspaceId: string, id: string): Promise<WebhookDelivery> {
      return toWebhookDeliveryDto(await getDeliveryRow(workspaceId, id));
    },

    /** Sends a delivery's event again as a new delivery (the old one stays in the log as it was). */
    async redeliver(workspaceId: string, id: string): Promise<WebhookDelivery> {
      const old = await getDeliveryRow(workspaceId, id);
      const row = await insertDelivery(workspaceId, {
        url: old.url,
        event: old.event,
        payload: old.payload,
        sourcePlaybookId: old.sourcePlaybookId,
        sourceRuleId: old.sourceRuleId,
        sourceAccountId: old.sourceAccountId,
        redeliveryOf: old.id,
      });
      return toWebhookDeliveryDto(row);
    },

    /** Sends a `webhook.test` event to a URL, after the same target check a saved URL gets. */
    async sendTest(workspaceId: string, url: string): Promise<WebhookDelivery> {
      await validateWebhookTarget(workspaceId, url);
      const row = await insertDelivery(workspaceId, {
        url,
        event: 'webhook.test',
        payload: { message: 'A test event from Northstar: the signature verifies with your signing secret.' },
      });
      return toWebhookDeliveryDto(row);
    },

    getSettings,

    async updateSettings(workspaceId: string, patch: UpdateWebhookSettings): Promise<WebhookSettings> {
      await repo.upsertSettings(workspaceId, {
        ...(patch.allowPrivateWebhookTargets !== undefined ? { allowPrivateTargets: patch.allowPrivateWebhookTargets } : {}),
        updatedAt: clock.now(),
      });
      return getSettings(workspaceId);
    },

    /** A new signing secret, returned this once; later deliveries (retries too) are signed with it. */
    async rotateSigningSecret(workspaceId: string): Promise<WebhookSigningSecret> {
      const { secret, prefix } = generateSecret('whsec');
      const now = clock.now();
      await repo.upsertSettings(workspaceId, {
        signingSecret: secret,
        signingSecretPrefix: prefix,
        signingSecretRotatedAt: now,
        updatedAt: now,
      });
      return { secret, prefix, rotatedAt: now.toISOString() };
    },
  };
}
