import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';

const stages = { enum: ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'] as [string, ...string[]] };

/** A call to action: one reason (risk, renewal, ...) on one account, with the tasks raised for it. */
export const ctas = pgTable(
  'ctas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: ['risk', 'lifecycle', 'expansion', 'renewal', 'other'] }).notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    outcome: text('outcome', { enum: ['resolved', 'unresolved', 'not_needed'] }),
    outcomeNote: text('outcome_note'),
    causeKey: text('cause_key'),
    // Rules are another module's rows; kept as text so a deleted rule leaves the CTA's history.
    ruleId: text('rule_id'),
    // No foreign key: playbook_runs reference this table, and a cycle of references between two
    // modules' schemas is not worth it; a run is only ever deleted with its account, as is the CTA.
    playbookRunId: uuid('playbook_run_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // De-duplication (DOMAIN §5, issue #7): one open CTA per account and cause, enforced by the
    // database so two rule runs racing cannot both open one.
    uniqueIndex('ctas_open_cause_key')
      .on(t.workspaceId, t.accountId, t.causeKey)
      .where(sql`status = 'open' AND cause_key IS NOT NULL`),
    index('ctas_workspace_account_idx').on(t.workspaceId, t.accountId),
    index('ctas_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt),
  ],
);

/** A piece of work for one person on one account, by hand or from a playbook step. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dueDate: date('due_date').notNull(),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    // Overdue is derived (open and due before today), never stored: it would be stale by morning.
    status: text('status', { enum: ['open', 'done', 'skipped'] })
      .notNull()
      .default('open'),
    skipReason: text('skip_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    lifecycleStage: text('lifecycle_stage', stages),
    ctaId: uuid('cta_id').references(() => ctas.id, { onDelete: 'set null' }),
    // Plain ids (see ctas.playbook_run_id): playbooks are archived, never deleted.
    playbookRunId: uuid('playbook_run_id'),
    playbookId: uuid('playbook_id'),
    playbookStepKey: text('playbook_step_key'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_workspace_owner_open_idx')
      .on(t.workspaceId, t.ownerId, t.dueDate)
      .where(sql`status = 'open'`),
    index('tasks_workspace_account_idx').on(t.workspaceId, t.accountId, t.dueDate),
    index('tasks_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('tasks_workspace_run_idx').on(t.workspaceId, t.playbookRunId),
    index('tasks_workspace_cta_idx').on(t.workspaceId, t.ctaId),
  ],
);
