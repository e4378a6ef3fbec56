import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/**
 * Per account per day, in the workspace's time zone: activity events (track, page, screen),
 * distinct identified users, events per hour of that local day and per event name. The
 * incremental rollup adds each committed event once (ADR 0013); a rebuild recomputes whole days.
 */
export const usageAccountDays = pgTable(
  'usage_account_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    events: integer('events').notNull(),
    activeUsers: integer('active_users').notNull(),
    /** 24 counts, index = local hour of day. */
    hourCounts: integer('hour_counts').array().notNull(),
    /** Event name → count; page/screen views count under "page"/"screen". */
    eventCounts: jsonb('event_counts').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'usage_account_days_pkey', columns: [t.workspaceId, t.accountId, t.day] }),
    index('usage_account_days_workspace_day_idx').on(t.workspaceId, t.day),
  ],
);

/**
 * Per product user per account per day. event_counts also holds "event\u0001property=value" keys
 * for the property conditions of the workspace's feature mappings at rollup time.
 */
export const usageUserDays = pgTable(
  'usage_user_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    userId: text('user_id').notNull(),
    events: integer('events').notNull(),
    eventCounts: jsonb('event_counts').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'usage_user_days_pkey', columns: [t.workspaceId, t.accountId, t.day, t.userId] }),
    // Workspace-wide reads of a date range (health scoring, portfolio usage, tiering) read a
    // month of a 90-day table: by day, not by scanning every account's rows.
    index('usage_user_days_workspace_day_idx').on(t.workspaceId, t.day),
  ],
);

/**
 * The incremental rollup's position: every event with received_at <= settled_until is already
 * in the rollups, and so is every event committed when `snapshot` (a pg_snapshot) was taken.
 * One row per process-wide rollup (not tenant data).
 */
export const usageRollupState = pgTable('usage_rollup_state', {
  name: text('name').primaryKey(),
  settledUntil: timestamp('settled_until', { withTimezone: true }).notNull(),
  // Null only when written by a version that recomputed whole buckets (before ADR 0013).
  snapshot: text('snapshot'),
  /**
   * When (server clock) the last run took its snapshot. The next run reads events received since
   * then, less a small margin, or since the earliest flush committed meanwhile (ADR 0014). Null
   * when written by a version without usage_ingest_flushes: settled_until is used instead.
   */
  readUntil: timestamp('read_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The time zone each workspace's rollups were computed in. When the workspace's zone changes,
 * the next rollup run rebuilds its days in the new zone and records it here.
 */
export const usageRollupZones = pgTable('usage_rollup_zones', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  timezone: text('timezone').notNull(),
});

/** An admin's mapping of an event (optionally with one property value) to a product feature. */
export const productFeatures = pgTable(
  'product_features',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    module: text('module'),
    eventName: text('event_name').notNull(),
    propertyName: text('property_name'),
    propertyValue: text('property_value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_features_workspace_idx').on(t.workspaceId, t.name)],
);
