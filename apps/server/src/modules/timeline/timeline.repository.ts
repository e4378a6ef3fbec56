import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { LifecycleStage, TimelineEventType, TouchType } from '@northstar/contracts';
import { queryRows, type Db } from '../../platform/db/database';
import { isoMicros as isoUs, isoMillis as isoMs, paramList as list, uuidList } from '../../platform/db/sql-fragments';
import type { FeedCursor } from './calculate-feed-cursor';
import { touchContacts, touches } from './timeline.schema';

/** A touch with the names and people a reader needs. */
export type TouchRow = {
  id: string;
  accountId: string;
  accountName: string;
  type: TouchType;
  occurredAt: Date;
  authorId: string | null;
  authorName: string | null;
  contactIds: string[];
  lifecycleStage: LifecycleStage | null;
  title: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  /** occurred_at to the microsecond, for cursors. */
  cursorAt: string;
};

export type TouchFilters = {
  accountId?: string;
  authorIds?: readonly string[];
  types?: readonly string[];
  start?: Date;
  end?: Date;
};

type RawTouch = {
  id: string;
  account_id: string;
  account_name: string;
  type: TouchType;
  occurred_at: string;
  author_id: string | null;
  author_name: string | null;
  contact_ids: string[] | null;
  lifecycle_stage: LifecycleStage | null;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
  cursor_at: string;
};

const SELECT_TOUCH = sql`SELECT t.id, t.account_id, a.name AS account_name, t.type, ${isoMs(sql`t.occurred_at`)} AS occurred_at,
    t.author_id, u.name AS author_name, t.lifecycle_stage, t.title, t.body,
    ${isoMs(sql`t.created_at`)} AS created_at, ${isoMs(sql`t.updated_at`)} AS updated_at, ${isoUs(sql`t.occurred_at`)} AS cursor_at,
    (SELECT json_agg(tc.contact_id ORDER BY tc.contact_id) FROM touch_contacts tc
      WHERE tc.workspace_id = t.workspace_id AND tc.touch_id = t.id) AS contact_ids
  FROM touches t
  JOIN accounts a ON a.workspace_id = t.workspace_id AND a.id = t.account_id AND a.deleted_at IS NULL
  LEFT JOIN users u ON u.id = t.author_id`;

function toTouchRow(r: RawTouch): TouchRow {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    type: r.type,
    occurredAt: new Date(r.occurred_at),
    authorId: r.author_id,
    authorName: r.author_name,
    contactIds: r.contact_ids ?? [],
    lifecycleStage: r.lifecycle_stage,
    title: r.title,
    body: r.body,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    cursorAt: r.cursor_at,
  };
}

function touchConditions(workspaceId: string, filters: TouchFilters): SQL[] {
  const conditions = [sql`t.workspace_id = ${workspaceId}::uuid`];
  if (filters.accountId) conditions.push(sql`t.account_id = ${filters.accountId}::uuid`);
  if (filters.authorIds?.length) conditions.push(sql`t.author_id IN (${uuidList(filters.authorIds)})`);
  if (filters.types?.length) conditions.push(sql`t.type IN (${list(filters.types)})`);
  if (filters.start) conditions.push(sql`t.occurred_at >= ${filters.start.toISOString()}::timestamptz`);
  if (filters.end) conditions.push(sql`t.occurred_at < ${filters.end.toISOString()}::timestamptz`);
  return conditions;
}

const before = (cursor: FeedCursor | undefined, alias: string) =>
  cursor ? sql`(${sql.raw(alias)}.occurred_at, ${sql.raw(alias)}.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql`true`;

/** SQL for touches and the merged timeline. Every method takes workspaceId first. */
export function createTimelineRepository(db: Db) {
  async function replaceContacts(workspaceId: string, touchId: string, contactIds: readonly string[]): Promise<void> {
    await db.delete(touchContacts).where(and(eq(touchContacts.workspaceId, workspaceId), eq(touchContacts.touchId, touchId)));
    if (contactIds.length === 0) return;
    await db.insert(touchContacts).values(contactIds.map((contactId) => ({ workspaceId, touchId, contactId })));
  }

  return {
    replaceContacts,

    async insertTouch(
      workspaceId: string,
      values: Omit<typeof touches.$inferInsert, 'workspaceId' | 'id'>,
      contactIds: readonly string[],
    ): Promise<string> {
      const [row] = await db
        .insert(touches)
        .values({ ...values, workspaceId })
        .returning({ id: touches.id });
      await replaceContacts(workspaceId, row!.id, contactIds);
      return row!.id;
    },

    async updateTouch(workspaceId: string, id: string, patch: Partial<typeof touches.$inferInsert>): Promise<void> {
      await db
        .update(touches)
        .set(patch)
        .where(and(eq(touches.workspaceId, workspaceId), eq(touches.id, id)));
    },

    async deleteTouch(workspaceId: string, id: string): Promise<void> {
      await db.delete(touches).where(and(eq(touches.workspaceId, workspaceId), eq(touches.id, id)));
    },

    async findTouch(workspaceId: string, id: string): Promise<TouchRow | undefined> {
      const rows = await queryRows<RawTouch>(db, sql`${SELECT_TOUCH} WHERE t.workspace_id = ${workspaceId}::uuid AND t.id = ${id}::uuid`);
      return rows[0] ? toTouchRow(rows[0]) : undefined;
    },

    async listTouchesByIds(workspaceId: string, ids: readonly string[]): Promise<TouchRow[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<RawTouch>(
        db,
        sql`${SELECT_TOUCH} WHERE t.workspace_id = ${workspaceId}::uuid AND t.id IN (${uuidList(ids)})`,
      );
      return rows.map(toTouchRow);
    },

    /** Newest first; one row more than `limit` tells the caller there is a next page. */
    async listTouches(workspaceId: string, filters: TouchFilters, after: FeedCursor | undefined, limit: number): Promise<TouchRow[]> {
      const where = sql.join([...touchConditions(workspaceId, filters), before(after, 't')], sql` AND `);
      const rows = await queryRows<RawTouch>(
        db,
        sql`${SELECT_TOUCH} WHERE ${where} ORDER BY t.occurred_at DESC, t.id DESC LIMIT ${limit + 1}`,
      );
      return rows.map(toTouchRow);
    },

    /**
     * One page of an account's touches and system events merged, newest first. Returns only kind,
     * id and cursor; the caller loads the details of that page's rows.
     */
    async listTimelineEntries(
      workspaceId: string,
      accountId: string,
      filters: {
        touchTypes: readonly string[] | null;
        eventTypes: readonly string[];
        authorIds?: readonly string[];
        start?: Date;
        end?: Date;
      },
      after: FeedCursor | undefined,
      limit: number,
    ): Promise<{ kind: 'touch' | 'event'; id: string; cursorAt: string }[]> {
      const parts: SQL[] = [];
      if (filters.touchTypes === null || filters.touchTypes.length > 0) {
        const where = sql.join(
          touchConditions(workspaceId, {
            accountId,
            ...(filters.touchTypes ? { types: filters.touchTypes } : {}),
            ...(filters.authorIds ? { authorIds: filters.authorIds } : {}),
            ...(filters.start ? { start: filters.start } : {}),
            ...(filters.end ? { end: filters.end } : {}),
          }),
          sql` AND `,
        );
        parts.push(sql`SELECT 'touch' AS kind, t.id, t.occurred_at FROM touches t WHERE ${where}`);
      }
      if (filters.eventTypes.length > 0) {
        const conditions = [
          sql`e.workspace_id = ${workspaceId}::uuid`,
          sql`e.account_id = ${accountId}::uuid`,
          sql`e.type IN (${list(filters.eventTypes)})`,
        ];
        if (filters.start) conditions.push(sql`e.occurred_at >= ${filters.start.toISOString()}::timestamptz`);
        if (filters.end) conditions.push(sql`e.occurred_at < ${filters.end.toISOString()}::timestamptz`);
        parts.push(sql`SELECT 'event' AS kind, e.id, e.occurred_at FROM domain_events e WHERE ${sql.join(conditions, sql` AND `)}`);
      }
      if (parts.length === 0) return [];
      const rows = await queryRows<{ kind: 'touch' | 'event'; id: string; cursor_at: string }>(
        db,
        sql`SELECT x.kind, x.id, ${isoUs(sql`x.occurred_at`)} AS cursor_at FROM (${sql.join(parts, sql` UNION ALL `)}) x
            WHERE ${before(after, 'x')} ORDER BY x.occurred_at DESC, x.id DESC LIMIT ${limit + 1}`,
      );
      return rows.map((r) => ({ kind: r.kind, id: r.id, cursorAt: r.cursor_at }));
    },

    async listEventsByIds(
      workspaceId: string,
      ids: readonly string[],
    ): Promise<{ id: string; type: TimelineEventType; payload: Record<string, unknown>; occurredAt: Date }[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<{ id: string; type: TimelineEventType; payload: Record<string, unknown>; occurred_at: string }>(
        db,
        sql`SELECT e.id, e.type, e.payload, ${isoMs(sql`e.occurred_at`)} AS occurred_at FROM domain_events e
            WHERE e.workspace_id = ${workspaceId}::uuid AND e.id IN (${uuidList(ids)})`,
      );
      return rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload, occurredAt: new Date(r.occurred_at) }));
    },

    /** The live account's current stage, or undefined when there is no such account here. */
    async findAccountStage(workspaceId: string, accountId: string): Promise<{ stage: LifecycleStage | null } | undefined> {
      const rows = await queryRows<{ stage: LifecycleStage | null }>(
        db,
        sql`SELECT lifecycle_stage AS stage FROM accounts WHERE workspace_id = ${workspaceId}::uuid AND id = ${accountId}::uuid AND deleted_at IS NULL`,
      );
      return rows[0];
    },

    /** The stage the account's history puts it in at `at`, if the history reaches back that far. */
    async findStageAt(workspaceId: string, accountId: string, at: Date): Promise<LifecycleStage | undefined> {
      const rows = await queryRows<{ stage: LifecycleStage }>(
        db,
        sql`SELECT stage FROM lifecycle_stage_history
            WHERE workspace_id = ${workspaceId}::uuid AND account_id = ${accountId}::uuid
              AND entered_at <= ${at.toISOString()}::timestamptz AND (left_at IS NULL OR left_at > ${at.toISOString()}::timestamptz)
            ORDER BY entered_at DESC, id DESC LIMIT 1`,
      );
      return rows[0]?.stage;
    },

    /** Which of `contactIds` are people at this account. */
    async listAccountContactIds(workspaceId: string, accountId: string, contactIds: readonly string[]): Promise<Set<string>> {
      if (contactIds.length === 0) return new Set();
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM contacts WHERE workspace_id = ${workspaceId}::uuid AND account_id = ${accountId}::uuid AND id IN (${uuidList(contactIds)})`,
      );
      return new Set(rows.map((r) => r.id));
    },
  };
}

/**
 * The latest touch per account up to the end of `asOf` (a 'YYYY-MM-DD' day, UTC), optionally only
 * touches that involved a key person (关键人). Accounts never touched are absent from the map.
 * Takes a Db so a caller can read inside its own transaction.
 */
export async function listLastTouches(
  db: Db,
  workspaceId: string,
  options: { asOf: string; keyContactsOnly?: boolean; accountIds?: readonly string[] },
): Promise<Map<string, Date>> {
  const end = new Date(Date.parse(`${options.asOf}T00:00:00.000Z`) + 86_400_000).toISOString();
  const conditions = [sql`t.workspace_id = ${workspaceId}::uuid`, sql`t.occurred_at < ${end}::timestamptz`];
  if (options.accountIds) {
    if (options.accountIds.length === 0) return new Map();
    conditions.push(sql`t.account_id IN (${uuidList(options.accountIds)})`);
  }
  if (options.keyContactsOnly) {
    conditions.push(sql`EXISTS (SELECT 1 FROM touch_contacts tc JOIN contacts c ON c.workspace_id = tc.workspace_id AND c.id = tc.contact_id
      WHERE tc.workspace_id = t.workspace_id AND tc.touch_id = t.id AND c.is_key_person)`);
  }
  const rows = await queryRows<{ account_id: string; last_at: string }>(
    db,
    sql`SELECT t.account_id, ${isoMs(sql`max(t.occurred_at)`)} AS last_at FROM touches t
        WHERE ${sql.join(conditions, sql` AND `)} GROUP BY t.account_id`,
  );
  return new Map(rows.map((r) => [r.account_id, new Date(r.last_at)]));
}

/** Last touch with a key contact per account as of a day: the health module's days_since_key_contact. */
export function listLastKeyContactTouches(
  db: Db,
  workspaceId: string,
  options: { asOf: string; accountIds?: readonly string[] },
): Promise<Map<string, Date>> {
  return listLastTouches(db, workspaceId, { ...options, keyContactsOnly: true });
}
