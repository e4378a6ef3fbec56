import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * usage_events for typed queries (rollups, analytics). Deliberately NOT listed in db-schema.ts:
 * the table is partitioned by month, which drizzle-kit cannot declare, so it is created by the
 * hand-written migration 0003_create_usage_event_partitions.sql (ADR 0007). Keep both in step.
 */
export const usageEvents = pgTable('usage_events', {
  workspaceId: uuid('workspace_id').notNull(),
  messageId: text('message_id').notNull(),
  type: text('type', { enum: ['track', 'identify', 'group', 'page', 'screen', 'alias'] }).notNull(),
  event: text('event'),
  name: text('name'),
  userId: text('user_id'),
  anonymousId: text('anonymous_id'),
  groupId: text('group_id'),
  previousId: text('previous_id'),
  accountId: uuid('account_id'),
  /** Event time, corrected for client clock skew; the partition key. */
  timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
  originalTimestamp: timestamp('original_timestamp', { withTimezone: true }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  properties: jsonb('properties').$type<Record<string, unknown>>(),
  traits: jsonb('traits').$type<Record<string, unknown>>(),
  context: jsonb('context').$type<Record<string, unknown>>(),
});
