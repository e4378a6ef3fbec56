import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/**
 * One row per messageId ever accepted, the de-duplication key of usage_events (ADR 0007).
 * message_key is md5(workspace_id || ':' || messageId) as a uuid, so it is scoped to the
 * workspace by construction and the one btree stays 16 bytes wide whatever the client sends:
 * a second index on workspace_id, or a foreign key, would tax every ingested event.
 */
export const usageMessageIds = pgTable(
  'usage_message_ids',
  {
    messageKey: uuid('message_key').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    /**
     * When the key was claimed (server date). Keys are kept for USAGE_DEDUP_RETENTION_DAYS only,
     * like Segment's de-duplication window; the BRIN makes the daily prune cheap (rows arrive in
     * date order) and, unlike a btree, costs ingestion next to nothing.
     */
    receivedOn: date('received_on', { mode: 'string' })
      .notNull()
      .default(sql`CURRENT_DATE`),
  },
  (t) => [index('usage_message_ids_received_on_brin').using('brin', t.receivedOn)],
);

/** A product user seen through `identify`/`group`/`alias` (DOMAIN §1), linked to an account. */
export const usageUsers = pgTable(
  'usage_users',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'usage_users_pkey', columns: [t.workspaceId, t.userId] }),
    index('usage_users_workspace_account_idx').on(t.workspaceId, t.accountId),
  ],
);

/**
 * One row per committed group-commit flush that the usage rollup has not read yet: the flush's
 * transaction id and the earliest received_at among its events, written in that same
 * transaction. The rollup takes the earliest received_from of the flushes committed since its
 * previous run as the start of its received_at scan, so an event that waited long for a writer
 * is still found without re-reading a wide margin of old events every run (ADR 0014). The
 * rollup deletes the rows it has read: the table stays a few rows long, and needs no index.
 */
export const usageIngestFlushes = pgTable('usage_ingest_flushes', {
  xid: bigint('xid', { mode: 'number' }).notNull(),
  receivedFrom: timestamp('received_from', { withTimezone: true }).notNull(),
});
