import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';
import type { FilterGroup } from './filter-expression';

/** A saved, named filter over accounts; private ones are seen only by their owner. */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    expression: jsonb('expression').$type<FilterGroup>().notNull(),
    visibility: text('visibility', { enum: ['shared', 'private'] }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    // Membership as of the last refresh; live counts come from the filter itself.
    memberCount: integer('member_count').notNull().default(0),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('segments_workspace_idx').on(t.workspaceId, t.name)],
);

/** Who was in a segment at its last refresh: the base for segment.entered / segment.left events. */
export const segmentMemberships = pgTable(
  'segment_memberships',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'segment_memberships_pkey', columns: [t.segmentId, t.accountId] }),
    index('segment_memberships_workspace_idx').on(t.workspaceId, t.accountId),
  ],
);
