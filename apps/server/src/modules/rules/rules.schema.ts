import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RuleFacts, RuleTrigger } from '@northstar/contracts';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/** The definition fields a version snapshot keeps. */
export type RuleDefinition = {
  name: string;
  description: string | null;
  trigger: RuleTrigger;
  conditions: Record<string, unknown> | null;
  playbookId: string;
  ctaReason: 'risk' | 'lifecycle' | 'expansion' | 'renewal' | 'other';
  ctaTitle: string | null;
};

/** An automation rule: trigger + conditions + playbook (DOMAIN §5). */
export const rules = pgTable(
  'rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    enabled: boolean('enabled').notNull().default(true),
    // Copied out of the trigger so the evaluator can pick a workspace's rules of one kind.
    triggerType: text('trigger_type').notNull(),
    trigger: jsonb('trigger').$type<RuleTrigger>().notNull(),
    conditions: jsonb('conditions').$type<Record<string, unknown>>(),
    // A plain id: playbooks are another module's rows (archived, not deleted); a firing for a
    // playbook that is gone fails with its reason in the firing log.
    playbookId: uuid('playbook_id').notNull(),
    ctaReason: text('cta_reason', { enum: ['risk', 'lifecycle', 'expansion', 'renewal', 'other'] }).notNull(),
    ctaTitle: text('cta_title'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    // Schedule triggers: cron ticks up to here are done (set to "now" when the rule is armed, so
    // a new or re-enabled rule never fires for ticks before it existed).
    scheduledThrough: timestamp('scheduled_through', { withTimezone: true }),
  },
  (t) => [index('rules_workspace_type_idx').on(t.workspaceId, t.triggerType)],
);

/** Every saved version of a rule's definition, for the edit history. */
export const ruleVersions = pgTable(
  'rule_versions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'rule_versions_pkey', columns: [t.ruleId, t.version] }),
    index('rule_versions_workspace_idx').on(t.workspaceId),
  ],
);

/**
 * The firing log: each time a rule matched an account, and what came of it. The unique keys are
 * the de-duplication: one row per occurrence (an event, a cron tick, a state entered), and at most
 * one firing per rule, account and cause starting its playbook at any moment.
 */
export const ruleFirings = pgTable(
  'rule_firings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    ruleVersion: integer('rule_version').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    triggerType: text('trigger_type').notNull(),
    causeKey: text('cause_key').notNull(),
    occurrenceKey: text('occurrence_key').notNull(),
    outcome: text('outcome', { enum: ['pending', 'fired', 'suppressed', 'failed'] }).notNull(),
    // Plain ids: CTAs and playbook runs belong to the tasks and playbooks modules.
    ctaId: uuid('cta_id'),
    playbookRunId: uuid('playbook_run_id'),
    error: text('error'),
    facts: jsonb('facts').$type<RuleFacts>().notNull().default({}),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('rule_firings_occurrence_key').on(t.ruleId, t.accountId, t.occurrenceKey),
    uniqueIndex('rule_firings_pending_cause_key')
      .on(t.ruleId, t.accountId, t.causeKey)
      .where(sql`outcome = 'pending'`),
    index('rule_firings_workspace_rule_idx').on(t.workspaceId, t.ruleId, t.firedAt),
  ],
);

/**
 * State triggers (renewal in N days, no touch, usage fell) fire on entering the state: a row here
 * says the account is in it and has been handled, so a scan every few minutes does not fire again
 * until the state ends and comes back.
 */
export const ruleTriggerStates = pgTable(
  'rule_trigger_states',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    causeKey: text('cause_key').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'rule_trigger_states_pkey', columns: [t.ruleId, t.accountId] }),
    index('rule_trigger_states_workspace_idx').on(t.workspaceId),
  ],
);

/** Per workspace: the domain events up to (last_tx, last_seq) are evaluated; a lease serialises evaluators. */
export const ruleEventCursors = pgTable('rule_event_cursors', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  lastTx: bigint('last_tx', { mode: 'number' }).notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
