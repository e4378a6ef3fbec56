import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/**
 * What happened to an account, as facts the automation rules (a later issue) consume:
 * `tier.changed`, `segment.entered`, `segment.left`, `lifecycle.stage_changed`. Append-only.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    // Set null, not cascade: an event about a since-deleted account is still history.
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    // The rules engine reads events by a cursor over (tx, seq). occurred_at and seq are not commit
    // order: a transaction may commit after a later one. The writing transaction's id is: once it
    // is below the oldest transaction running in this database, every event at or below it is
    // committed or will never be, so a cursor over it never skips one. See docs/adr/0010.
    tx: bigint('tx', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('domain_events_workspace_time_idx').on(t.workspaceId, t.occurredAt),
    index('domain_events_workspace_account_idx').on(t.workspaceId, t.accountId, t.occurredAt),
    index('domain_events_workspace_cursor_idx').on(t.workspaceId, t.tx, t.seq),
  ],
);
