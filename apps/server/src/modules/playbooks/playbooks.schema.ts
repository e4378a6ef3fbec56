import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlaybookDefinition, PlaybookDiffEntry, PlaybookStep } from '@northstar/contracts';
import { accounts } from '../accounts/accounts.schema';
import { ctas } from '../tasks/tasks.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/** A playbook (SOP): its current definition; every saved definition is also a playbook_versions row. */
export const playbooks = pgTable(
  'playbooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ctaReason: text('cta_reason', { enum: ['risk', 'lifecycle', 'expansion', 'renewal', 'other'] }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    steps: jsonb('steps').$type<PlaybookStep[]>().notNull(),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Archived, not deleted: runs, tasks and execution metrics keep pointing at it.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('playbooks_workspace_idx').on(t.workspaceId, t.name)],
);

/** Every save of a playbook, with its author and what changed; rollback saves an old one again. */
export const playbookVersions = pgTable(
  'playbook_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    playbookId: uuid('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<PlaybookDefinition>().notNull(),
    diff: jsonb('diff').$type<PlaybookDiffEntry[]>().notNull(),
    rolledBackFrom: integer('rolled_back_from'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('playbook_versions_playbook_version_key').on(t.workspaceId, t.playbookId, t.version)],
);

/** What an automatic step did when the run started. */
export type ActionResult = { stepKey: string; status: 'done' | 'failed'; message: string | null };

/** One start of a playbook on one account: the CTA it opened and the version it followed. */
export const playbookRuns = pgTable(
  'playbook_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    playbookId: uuid('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    playbookVersion: integer('playbook_version').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    ctaId: uuid('cta_id').references(() => ctas.id, { onDelete: 'set null' }),
    ruleId: text('rule_id'),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    actionResults: jsonb('action_results')
      .$type<ActionResult[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('playbook_runs_workspace_account_idx').on(t.workspaceId, t.accountId, t.startedAt),
    index('playbook_runs_workspace_playbook_idx').on(t.workspaceId, t.playbookId, t.startedAt),
  ],
);
