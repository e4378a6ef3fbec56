import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ListAccountsQuery } from '@northstar/contracts';
import type { Db } from '../../platform/db/database';
import { users } from '../users/users.schema';
import { accountRowColumns, type AccountRow } from './accounts.repository';
import { accounts } from './accounts.schema';
import type { AccountCursor, AccountSortField, SortDirection } from './calculate-account-cursor';

export type AccountFilters = Omit<ListAccountsQuery, 'limit' | 'cursor' | 'sort'>;
export type AccountListRow = AccountRow & { sortKey: string | null };

type SortColumn = { expression: SQL; key: SQL<string | null>; cast: (key: string) => SQL };

const utcText = (column: PgColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const latestScore = sql`(select h.score from health_snapshots h
  where h.workspace_id = ${accounts.workspaceId} and h.account_id = ${accounts.id} order by h.date desc limit 1)`;

// The key is read back as text printed by the database itself (microseconds, exact numerics),
// so the cursor compares against exactly what the rows hold.
const SORT_COLUMNS: Record<AccountSortField, SortColumn> = {
  name: { expression: sql`lower(${accounts.name})`, key: sql<string>`lower(${accounts.name})`, cast: (k) => sql`${k}` },
  arr: { expression: sql`${accounts.arr}`, key: sql<string>`${accounts.arr}::text`, cast: (k) => sql`${k}::numeric` },
  renewalDate: {
    expression: sql`${accounts.renewalDate}`,
    key: sql<string | null>`to_char(${accounts.renewalDate}, 'YYYY-MM-DD')`,
    cast: (k) => sql`${k}::date`,
  },
  createdAt: { expression: sql`${accounts.createdAt}`, key: utcText(accounts.createdAt), cast: (k) => sql`${k}::timestamptz` },
  updatedAt: { expression: sql`${accounts.updatedAt}`, key: utcText(accounts.updatedAt), cast: (k) => sql`${k}::timestamptz` },
  // The score the row shows: its latest snapshot's (one backward probe of the snapshots' primary
  // key per account). Accounts never scored, or without enough data for a score, come last.
  health: { expression: latestScore, key: sql<string | null>`${latestScore}::text`, cast: (k) => sql`${k}::real` },
};

/**
 * The WHERE clause for a list or export: tenant first, then each filter that was given, then the
 * compiled JSON filter expression (`filterSql`, from the segments module) ANDed on.
 */
export function buildAccountFilters(workspaceId: string, filters: AccountFilters, filterSql?: SQL): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(accounts.workspaceId, workspaceId),
    filters.deleted ? isNotNull(accounts.deletedAt) : isNull(accounts.deletedAt),
    filterSql,
  ];
  // An empty list means "not filtered", as when a UI sends no selected values.
  if (filters.ownerId?.length) conditions.push(inArray(accounts.ownerId, filters.ownerId));
  if (filters.tier?.length) conditions.push(inArray(accounts.tier, filters.tier));
  if (filters.stage?.length) conditions.push(inArray(accounts.lifecycleStage, filters.stage));
  if (filters.status?.length) conditions.push(inArray(accounts.status, filters.status));
  if (filters.industry?.length) {
    conditions.push(
      inArray(
        sql`lower(${accounts.industry})`,
        filters.industry.map((i) => i.toLowerCase()),
      ),
    );
  }
  if (filters.tag?.length) {
    // Tags are one per spelling regardless of case (see normaliseTags), so matching is too.
    const wanted = sql.join(
      filters.tag.map((t) => sql`${t.trim().toLowerCase()}`),
      sql`, `,
    );
    conditions.push(sql`exists (select 1 from unnest(${accounts.tags}) as t(tag) where lower(t.tag) in (${wanted}))`);
  }
  if (filters.externalId !== undefined) conditions.push(eq(accounts.externalId, filters.externalId));
  if (filters.renewalFrom) conditions.push(gte(accounts.renewalDate, filters.renewalFrom));
  if (filters.renewalTo) conditions.push(lte(accounts.renewalDate, filters.renewalTo));
  if (filters.q?.trim()) {
    const pattern = `%${filters.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${accounts.name} ilike ${pattern}`, sql`${accounts.domain} ilike ${pattern}`));
  }
  return and(...conditions)!;
}

/** Rows strictly after the cursor in (key nulls last, id) order. */
function buildAfterCursor(column: SortColumn, direction: SortDirection, cursor: AccountCursor): SQL {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  if (cursor.key === null) return sql`(${column.expression} is null and ${accounts.id} ${op} ${cursor.id})`;
  const key = column.cast(cursor.key);
  return sql`(${column.expression} ${op} ${key} or (${column.expression} = ${key} and ${accounts.id} ${op} ${cursor.id}) or ${column.expression} is null)`;
}

export function createAccountsListRepository(db: Db) {
  return {
    /** One page (limit + 1 rows, so the caller knows whether another page exists). */
    async listAccountRows(
      workspaceId: string,
      filters: AccountFilters,
      sort: { field: AccountSortField; direction: SortDirection },
      after: AccountCursor | undefined,
      limit: number,
      filterSql?: SQL,
    ): Promise<AccountListRow[]> {
      const column = SORT_COLUMNS[sort.field];
      const order = sort.direction === 'asc' ? asc : desc;
      const where = buildAccountFilters(workspaceId, filters, filterSql);
      return db
        .select({ ...accountRowColumns, sortKey: column.key })
        .from(accounts)
        .leftJoin(users, eq(users.id, accounts.ownerId))
        .where(after ? and(where, buildAfterCursor(column, sort.direction, after)) : where)
        .orderBy(sql`${column.expression} ${sql.raw(sort.direction)} nulls last`, order(accounts.id))
        .limit(limit + 1);
    },

    /** How many accounts match, for segment counts and the builder's live preview. */
    async countAccounts(workspaceId: string, filters: AccountFilters, filterSql?: SQL): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(buildAccountFilters(workspaceId, filters, filterSql));
      return row?.count ?? 0;
    },

    /** Ids of every matching account: a segment's membership. */
    async listAccountIds(workspaceId: string, filters: AccountFilters, filterSql?: SQL): Promise<string[]> {
      const rows = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(buildAccountFilters(workspaceId, filters, filterSql));
      return rows.map((r) => r.id);
    },
  };
}
