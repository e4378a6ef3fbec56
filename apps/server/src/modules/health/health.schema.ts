import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';
import type { StoredScorecard } from './stored-scorecard';
import type { ScorecardChange } from './diff-scorecards';
import type { StoredMeasure } from './stored-snapshot';

/** A workspace's scorecards and which version is current (the newest: a rollback is a new version). */
export const healthScorecards = pgTable(
  'health_scorecards',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    scorecardId: text('scorecard_id').notNull(),
    currentVersion: integer('current_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'health_scorecards_pkey', columns: [t.workspaceId, t.scorecardId] })],
);

/** Every saved version of a scorecard, append-only: the definition as code, who saved it and the diff. */
export const healthScorecardVersions = pgTable(
  'health_scorecard_versions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    scorecardId: text('scorecard_id').notNull(),
    version: integer('version').notNull(),
    /** The scorecard without id, version and bands (bands are the workspace's, see health_settings). */
    definition: jsonb('definition').$type<StoredScorecard>().notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['built_in', 'created', 'edit', 'rollback', 'import', 'suggestion'] }).notNull(),
    note: text('note'),
    changes: jsonb('changes').$type<ScorecardChange[]>().notNull().default([]),
    summary: text('summary').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'health_scorecard_versions_pkey', columns: [t.workspaceId, t.scorecardId, t.version] })],
);

/** Per-workspace health settings; absent row = the defaults (bands 40/70). */
export const healthSettings = pgTable('health_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  bandRed: doublePrecision('band_red').notNull(),
  bandYellow: doublePrecision('band_yellow').notNull(),
  scoreDropThreshold: doublePrecision('score_drop_threshold').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Experience inputs set by API or by hand (NPS answers, CSAT, ticket counts, CSM sentiment, custom values). */
export const healthExperienceInputs = pgTable(
  'health_experience_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['nps', 'csat', 'support_tickets', 'csm_sentiment', 'custom'] }).notNull(),
    /** The custom measure's key for kind custom; '' otherwise, so it can sit in the lookup index. */
    customKey: text('custom_key').notNull().default(''),
    value: doublePrecision('value').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('health_experience_inputs_lookup_idx').on(t.workspaceId, t.accountId, t.kind, t.customKey, t.observedAt)],
);

/** The account's north-star target per 30 days. One current value, applied to every date it scores. */
export const healthNorthStarTargets = pgTable(
  'health_north_star_targets',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    target: doublePrecision('target').notNull(),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'health_north_star_targets_pkey', columns: [t.workspaceId, t.accountId] })],
);

/**
 * One score per account per day, computed from the data as of that day; upserted in bulk. `measures`
 * is compact (see stored-snapshot.ts): at 100k accounts × 365 days every byte per row counts.
 */
export const healthSnapshots = pgTable(
  'health_snapshots',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    score: real('score'),
    outcomeScore: real('outcome_score'),
    experienceScore: real('experience_score'),
    band: text('band', { enum: ['red', 'yellow', 'green'] }),
    coverage: real('coverage').notNull(),
    scorecardId: text('scorecard_id').notNull(),
    scorecardVersion: integer('scorecard_version').notNull(),
    measures: jsonb('measures').$type<StoredMeasure[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'health_snapshots_pkey', columns: [t.workspaceId, t.accountId, t.date] }),
    index('health_snapshots_workspace_date_idx').on(t.workspaceId, t.date),
  ],
);
