import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';
import type { TierReason } from './calculate-tiers';
import type { TierReasonText } from './render-tier-reason';
import type { TieringPolicy } from './tiering-policy';

const tierEnum = { enum: ['S', 'A', 'B', 'C'] as [string, ...string[]] };

/** A workspace's tiering rules; absent means DEFAULT_TIERING_POLICY. */
export const tieringPolicies = pgTable('tiering_policies', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  policy: jsonb('policy').$type<TieringPolicy>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A CSM's manual tier for one account; it wins over the rules until expires_on (exclusive). */
export const tierPins = pgTable(
  'tier_pins',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tier: text('tier', { enum: ['S', 'A', 'B', 'C'] }).notNull(),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on'),
    pinnedBy: uuid('pinned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'tier_pins_pkey', columns: [t.workspaceId, t.accountId] })],
);

/** The latest calculation per account: the tier, the rules' tier, and why (both languages). */
export const tierAssignments = pgTable(
  'tier_assignments',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tier: text('tier', { enum: ['S', 'A', 'B', 'C'] }).notNull(),
    calculatedTier: text('calculated_tier', { enum: ['S', 'A', 'B', 'C'] }).notNull(),
    isPinned: boolean('is_pinned').notNull(),
    reason: jsonb('reason').$type<TierReason>().notNull(),
    reasonText: jsonb('reason_text').$type<TierReasonText>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'tier_assignments_pkey', columns: [t.workspaceId, t.accountId] })],
);

/** Every tier change with its cause (rule, pin, pin_ended): the account page's tier history. */
export const tierHistory = pgTable(
  'tier_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    fromTier: text('from_tier', tierEnum),
    toTier: text('to_tier', tierEnum).notNull(),
    cause: text('cause', { enum: ['rule', 'pin', 'pin_ended'] }).notNull(),
    reason: jsonb('reason').$type<TierReason>().notNull(),
    reasonText: jsonb('reason_text').$type<TierReasonText>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('tier_history_workspace_account_idx').on(t.workspaceId, t.accountId, t.changedAt)],
);
