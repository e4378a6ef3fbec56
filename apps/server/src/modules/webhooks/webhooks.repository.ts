import { and, asc, desc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { webhookDeliveries, webhookSettings, type WebhookAttempt } from './webhooks.schema';

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryInsert = typeof webhookDeliveries.$inferInsert;
export type WebhookSettingsRow = typeof webhookSettings.$inferSelect;

export type DeliveryFilters = {
  status?: 'pending' | 'delivered' | 'failed' | undefined;
  event?: string | undefined;
  ruleId?: string | undefined;
  playbookId?: string | undefined;
  accountId?: string | undefined;
};

/** SQL for webhook settings and deliveries. Every tenant method takes workspaceId first. */
export function createWebhooksRepository(db: Db) {
  return {
    async findSettings(workspaceId: string): Promise<WebhookSettingsRow | undefined> {
      const [row] = await db.select().from(webhookSettings).where(eq(webhookSettings.workspaceId, workspaceId));
      return row;
    },

    async upsertSettings(
      workspaceId: string,
      values: Partial<Omit<typeof webhookSettings.$inferInsert, 'workspaceId'>> & { updatedAt: Date },
    ): Promise<WebhookSettingsRow> {
      const [row] = await db
        .insert(webhookSettings)
        .values({ workspaceId, ...values })
        .onConflictDoUpdate({ target: webhookSettings.workspaceId, set: values })
        .returning();
      return row!;
    },

    /** Sets the first secret unless another process just did; returns whichever secret won. */
    async insertSecretIfMissing(
      workspaceId: string,
      secret: { signingSecret: string; signingSecretPrefix: string; at: Date },
    ): Promise<WebhookSettingsRow> {
      await db
        .insert(webhookSettings)
        .values({
          workspaceId,
          signingSecret: secret.signingSecret,
          signingSecretPrefix: secret.signingSecretPrefix,
          signingSecretRotatedAt: secret.at,
          updatedAt: secret.at,
        })
        .onConflictDoUpdate({
          target: webhookSettings.workspaceId,
          set: { signingSecret: secret.signingSecret, signingSecretPrefix: secret.signingSecretPrefix, signingSecretRotatedAt: secret.at },
          setWhere: isNull(webhookSettings.signingSecret),
        });
      const [row] = await db.select().from(webhookSettings).where(eq(webhookSettings.workspaceId, workspaceId));
      return row!;
    },

    async insertDelivery(values: WebhookDeliveryInsert): Promise<WebhookDeliveryRow> {
      const [row] = await db.insert(webhookDeliveries).values(values).returning();
      return row!;
    },

    async findDelivery(workspaceId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)));
      return row;
    },

    /** Newest first; `after` is the last row of the previous page. */
    async listDeliveries(
      workspaceId: string,
      filters: DeliveryFilters,
      after: { createdAt: Date; id: string } | undefined,
      limit: number,
    ): Promise<WebhookDeliveryRow[]> {
      return db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.workspaceId, workspaceId),
            filters.status ? eq(webhookDeliveries.status, filters.status) : undefined,
            filters.event ? eq(webhookDeliveries.event, filters.event) : undefined,
            filters.ruleId ? eq(webhookDeliveries.sourceRuleId, filters.ruleId) : undefined,
            filters.playbookId ? eq(webhookDeliveries.sourcePlaybookId, filters.playbookId) : undefined,
            filters.accountId ? eq(webhookDeliveries.sourceAccountId, filters.accountId) : undefined,
            after
              ? or(
                  lt(webhookDeliveries.createdAt, after.createdAt),
                  and(eq(webhookDeliveries.createdAt, after.createdAt), lt(webhookDeliveries.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(limit);
    },

    /**
     * Takes a due, pending delivery for one attempt (a lease), or nothing when it is not due,
     * finished, or held by another worker. Only the holder of the lease sends.
     */
    async claimDelivery(workspaceId: string, id: string, now: Date, leaseUntil: Date): Promise<WebhookDeliveryRow | undefined> {
      const [row] = await db
        .update(webhookDeliveries)
        .set({ leaseUntil })
        .where(
          and(
            eq(webhookDeliveries.workspaceId, workspaceId),
            eq(webhookDeliveries.id, id),
            eq(webhookDeliveries.status, 'pending'),
            lte(webhookDeliveries.nextAttemptAt, now),
            or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
          ),
        )
        .returning();
      return row;
    },

    async recordAttempt(
      workspaceId: string,
      id: string,
      result: {
        status: 'pending' | 'delivered' | 'failed';
        attempt: WebhookAttempt;
        nextAttemptAt: Date | null;
        deliveredAt: Date | null;
        keepAttempts: number;
      },
    ): Promise<WebhookDeliveryRow> {
      const at = new Date(result.attempt.at);
      const [row] = await db
        .update(webhookDeliveries)
        .set({
          status: result.status,
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastAttemptAt: at,
          lastStatusCode: result.attempt.statusCode,
          lastError: result.attempt.error,
          nextAttemptAt: result.nextAttemptAt,
          deliveredAt: result.deliveredAt,
          // The log keeps the most recent attempts only; the counters keep the totals.
          attemptLog: sql`(
            select coalesce(jsonb_agg(e order by n), '[]'::jsonb) from (
              select e, n from jsonb_array_elements(${webhookDeliveries.attemptLog} || ${JSON.stringify([result.attempt])}::jsonb)
                with ordinality as t(e, n)
              order by n desc limit ${result.keepAttempts}
            ) recent
          )`,
          leaseUntil: null,
          updatedAt: at,
        })
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)))
        .returning();
      return row!;
    },

    /** Pending deliveries whose time has come, across workspaces (the sweeper's scan). */
    async listDueDeliveries(now: Date, limit: number): Promise<{ workspaceId: string; id: string }[]> {
      return db
        .select({ workspaceId: webhookDeliveries.workspaceId, id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.status, 'pending'),
            lte(webhookDeliveries.nextAttemptAt, now),
            or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
          ),
        )
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(limit);
    },
  };
}
