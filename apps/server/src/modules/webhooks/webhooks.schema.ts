import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { workspaces } from '../workspaces/workspaces.schema';

export type WebhookAttempt = { at: string; statusCode: number | null; error: string | null; durationMs: number };

/**
 * Per-workspace webhook settings. The signing secret is stored as is, not hashed: the server must
 * sign every delivery with it. It is shown to an admin once, when rotated, and never returned by
 * a read; anyone who can read this table can forge deliveries, so treat a database dump as
 * holding it and rotate after a leak (docs/rules-and-webhooks.md).
 */
export const webhookSettings = pgTable('webhook_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  signingSecret: text('signing_secret'),
  signingSecretPrefix: text('signing_secret_prefix'),
  signingSecretRotatedAt: timestamp('signing_secret_rotated_at', { withTimezone: true }),
  allowPrivateTargets: boolean('allow_private_targets').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One outgoing POST and its attempts; a redelivery is a new row pointing at the old one. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attemptLog: jsonb('attempt_log').$type<WebhookAttempt[]>().notNull().default([]),
    // Plain ids: playbooks and rules are other modules' rows and a delivery outlives them as a log.
    sourcePlaybookId: uuid('source_playbook_id'),
    sourceRuleId: uuid('source_rule_id'),
    sourceAccountId: uuid('source_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    redeliveryOf: uuid('redelivery_of'),
    // A worker holds a delivery while sending it; an expired lease (crashed worker) frees it again.
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_workspace_created_idx').on(t.workspaceId, t.createdAt, t.id),
    // The sweeper's scan across workspaces for deliveries that are due.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);
