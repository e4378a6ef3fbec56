import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/** An in-app message to one member (from a playbook step or a rule), read or not. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    // Plain ids: the sender modules' rows may go while the message stays in the inbox.
    playbookRunId: uuid('playbook_run_id'),
    ruleId: text('rule_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_workspace_user_idx').on(t.workspaceId, t.userId, t.createdAt)],
);
