import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';

const touchTypes = { enum: ['note', 'call', 'meeting', 'email', 'training', 'business_review'] as [string, ...string[]] };
const stages = { enum: ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'] as [string, ...string[]] };

/** A touch (note, call, meeting, ...) a person logged on an account: the timeline's own entries. */
export const touches = pgTable(
  'touches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    type: text('type', touchTypes).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    // Captured when logged: coverage analysis counts touches by the stage they happened in, and a
    // later stage change must not move old touches.
    lifecycleStage: text('lifecycle_stage', stages),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('touches_workspace_account_time_idx').on(t.workspaceId, t.accountId, t.occurredAt),
    index('touches_workspace_time_idx').on(t.workspaceId, t.occurredAt),
  ],
);

/** The people at the account who took part in a touch; deleting a contact forgets its part. */
export const touchContacts = pgTable(
  'touch_contacts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    touchId: uuid('touch_id')
      .notNull()
      .references(() => touches.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'touch_contacts_pkey', columns: [t.touchId, t.contactId] }),
    index('touch_contacts_workspace_contact_idx').on(t.workspaceId, t.contactId),
  ],
);
