import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';
import type { LifecycleConfig, LocalizedText } from './lifecycle-config';

const stageEnum = { enum: ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'] as [string, ...string[]] };

/** Each stay of an account in a stage; the open one (left_at null) is the current stage. */
export const lifecycleStageHistory = pgTable(
  'lifecycle_stage_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    stage: text('stage', stageEnum).notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    enteredBy: text('entered_by', { enum: ['user', 'rule'] }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: jsonb('reason').$type<LocalizedText>(),
  },
  (t) => [index('lifecycle_stage_history_account_idx').on(t.workspaceId, t.accountId, t.enteredAt)],
);

/** A ticked checklist item of a stage for one account. */
export const lifecycleChecklistTicks = pgTable(
  'lifecycle_checklist_ticks',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    stage: text('stage', stageEnum).notNull(),
    itemKey: text('item_key').notNull(),
    tickedBy: uuid('ticked_by').references(() => users.id, { onDelete: 'set null' }),
    tickedAt: timestamp('ticked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'lifecycle_checklist_ticks_pkey', columns: [t.workspaceId, t.accountId, t.stage, t.itemKey] })],
);

/** A workspace's lifecycle (stages, durations, goals, checklists, rules); absent means DEFAULT_LIFECYCLE_CONFIG. */
export const lifecycleConfigs = pgTable('lifecycle_configs', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  config: jsonb('config').$type<LifecycleConfig>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
