import type { WebhookDelivery } from '@northstar/contracts';
import type { WebhookDeliveryRow } from './webhooks.repository';

export function toWebhookDeliveryDto(row: WebhookDeliveryRow): WebhookDelivery {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    url: row.url,
    event: row.event,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    // A finished delivery has no next attempt, whatever the column kept.
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    lastAttemptAt: iso(row.lastAttemptAt),
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: iso(row.deliveredAt),
    source: { playbookId: row.sourcePlaybookId, ruleId: row.sourceRuleId, accountId: row.sourceAccountId },
    redeliveryOf: row.redeliveryOf,
    attemptLog: row.attemptLog,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An opaque page cursor: the last row's creation time and id. */
export function encodeDeliveryCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeDeliveryCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const createdAt = new Date(String(at));
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}
