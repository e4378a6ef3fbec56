import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    index('domain_events_workspace_time_idx').on(t.workspaceId, t.occurredAt),
    index('domain_events_workspace_account_idx').on(t.workspaceId, t.accountId, t.occurredAt),
  ],
);
