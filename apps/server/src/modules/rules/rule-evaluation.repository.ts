import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { accounts } from '../accounts/accounts.schema';
import type { RuleEvent } from './match-event-trigger';
import { ruleEventCursors } from './rules.schema';

export type EventPosition = { tx: number; seq: number };
export type RuleAccount = { id: string; name: string; tier: 'S' | 'A' | 'B' | 'C' | null; arr: number };

const idList = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
// An account scope for the state scans: every live account, or only these.
const scope = (column: SQL, ids?: readonly string[]) => (ids ? sql`and ${column} = any(${idList(ids)})` : sql``);
// The oldest transaction still running IN THIS DATABASE (else the snapshot's xmax): every event
// written by an older one is visible or never will be. Not pg_snapshot_xmin: transaction ids are
// cluster-wide, so a long transaction in another database on the same server (a report, another
// app, a parallel test) would hold rule evaluation back for as long as it runs. backend_xid is a
// 32-bit xid; it is widened to the 64-bit id (epoch from xmax) that domain_events.tx stores.
const XMIN = sql`(
  select coalesce(min(case when ((h.cur >> 32) << 32 | a.x) > h.cur then ((h.cur >> 32) << 32 | a.x) - 4294967296
                           else ((h.cur >> 32) << 32 | a.x) end), h.cur)
  from (select (pg_snapshot_xmax(pg_current_snapshot())::text)::bigint as cur) h
  left join (select (backend_xid::text)::bigint as x from pg_stat_activity
             where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()) a on true
  group by h.cur)`;
// Timestamps as ISO text in UTC, whatever the session's time zone.
const iso = (expression: SQL) => sql`to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** SQL the evaluator reads: the event cursor, event history, state scans and condition filters. */
export function createRuleEvaluationRepository(db: Db) {
  return {
    async findWorkspaceTimezone(workspaceId: string): Promise<string> {
      const [row] = await queryRows<{ timezone: string }>(db, sql`select timezone from workspaces where id = ${workspaceId}`);
      return row?.timezone ?? 'UTC';
    },

    /** The last event every evaluator can already see (all before it are committed or never will be). */
    async findEventHead(workspaceId: string): Promise<EventPosition> {
      const [row] = await queryRows<{ tx: string; seq: string }>(
        db,
        sql`select tx::text as tx, seq::text as seq from domain_events
            where workspace_id = ${workspaceId} and tx < ${XMIN} order by tx desc, seq desc limit 1`,
      );
      return row ? { tx: Number(row.tx), seq: Number(row.seq) } : { tx: 0, seq: 0 };
    },

    /** Starts a workspace's cursor at the current head, so a new rule never replays old history. */
    async ensureCursor(workspaceId: string, head: EventPosition, now: Date): Promise<void> {
      await db.insert(ruleEventCursors).values({ workspaceId, lastTx: head.tx, lastSeq: head.seq, updatedAt: now }).onConflictDoNothing();
    },

    /** The cursor, leased to this evaluator until `until`; undefined if there is none or another holds it. */
    async leaseCursor(workspaceId: string, now: Date, until: Date): Promise<EventPosition | undefined> {
      const [row] = await db
        .update(ruleEventCursors)
        .set({ leaseUntil: until })
        .where(
          and(
            eq(ruleEventCursors.workspaceId, workspaceId),
            sql`(${ruleEventCursors.leaseUntil} is null or ${ruleEventCursors.leaseUntil} < ${now})`,
          ),
        )
        .returning({ tx: ruleEventCursors.lastTx, seq: ruleEventCursors.lastSeq });
      return row ? { tx: Number(row.tx), seq: Number(row.seq) } : undefined;
    },

    async moveCursor(workspaceId: string, to: EventPosition, now: Date, leaseUntil: Date | null): Promise<void> {
      await db
        .update(ruleEventCursors)
        .set({ lastTx: to.tx, lastSeq: to.seq, updatedAt: now, leaseUntil })
        .where(eq(ruleEventCursors.workspaceId, workspaceId));
    },

    async releaseCursor(workspaceId: string): Promise<void> {
      await db.update(ruleEventCursors).set({ leaseUntil: null }).where(eq(ruleEventCursors.workspaceId, workspaceId));
    },

    /** Workspaces the event evaluator follows. */
    async listCursorWorkspaceIds(): Promise<string[]> {
      const rows = await db.select({ workspaceId: ruleEventCursors.workspaceId }).from(ruleEventCursors);
      return rows.map((r) => r.workspaceId);
    },

    /** Events of these types after `after` and at most at `head`, in cursor order. */
    async listEventsBetween(
      workspaceId: string,
      after: EventPosition,
      head: EventPosition,
      types: readonly string[],
      limit: number,
    ): Promise<(RuleEvent & EventPosition)[]> {
      if (types.length === 0) return [];
      const rows = await queryRows<{
        id: string;
        type: string;
        account_id: string | null;
        payload: unknown;
        occurred_at: string;
        tx: string;
        seq: string;
      }>(
        db,
        sql`select id, type, account_id, payload, ${iso(sql`occurred_at`)} as occurred_at, tx::text as tx, seq::text as seq
            from domain_events
            where workspace_id = ${workspaceId}
              and (tx, seq) > (${after.tx}::bigint, ${after.seq}::bigint)
              and (tx, seq) <= (${head.tx}::bigint, ${head.seq}::bigint)
              and type in (${sql.join(
                types.map((t) => sql`${t}`),
                sql`, `,
              )})
            order by tx, seq
            limit ${limit}`,
      );
      return rows.map((r) => ({ ...toRuleEvent(r), tx: Number(r.tx), seq: Number(r.seq) }));
    },

    /** Events of these types since `from` (dry runs replay them). */
    async listRecentEvents(workspaceId: string, types: readonly string[], from: Date): Promise<RuleEvent[]> {
      if (types.length === 0) return [];
      const rows = await queryRows<{ id: string; type: string; account_id: string | null; payload: unknown; occurred_at: string }>(
        db,
        sql`select id, type, account_id, payload, ${iso(sql`occurred_at`)} as occurred_at from domain_events
            where workspace_id = ${workspaceId} and occurred_at >= ${from}
              and type in (${sql.join(
                types.map((t) => sql`${t}`),
                sql`, `,
              )})
            order by occurred_at, seq`,
      );
      return rows.map(toRuleEvent);
    },

    /** `health.score_changed` events in a period, for the score-drop trigger. */
    async listScoreChanges(workspaceId: string, from: Date, until: Date, accountIds?: readonly string[]): Promise<RuleEvent[]> {
      const rows = await queryRows<{ id: string; type: string; account_id: string | null; payload: unknown; occurred_at: string }>(
        db,
        sql`select id, type, account_id, payload, ${iso(sql`occurred_at`)} as occurred_at from domain_events
            where workspace_id = ${workspaceId} and type = 'health.score_changed'
              and occurred_at >= ${from} and occurred_at <= ${until} ${scope(sql`account_id`, accountIds)}
            order by occurred_at, seq`,
      );
      return rows.map(toRuleEvent);
    },

    /** Active accounts renewing between today and today + days (workspace dates). */
    async listRenewalsWithin(workspaceId: string, today: string, days: number, accountIds?: readonly string[]) {
      return queryRows<{ id: string; renewal_date: string; days_left: number }>(
        db,
        sql`select id, renewal_date::text as renewal_date, (renewal_date - ${today}::date)::int as days_left
            from accounts
            where workspace_id = ${workspaceId} and deleted_at is null and status = 'active'
              and renewal_date between ${today}::date and (${today}::date + ${days}::int) ${scope(sql`id`, accountIds)}`,
      );
    },

    /**
     * Active accounts with key people (still there) none of whom was contacted since `cutoff`; a key
     * person never contacted counts from when they were added.
     */
    async listUntouchedKeyContacts(workspaceId: string, cutoff: Date, accountIds?: readonly string[]) {
      return queryRows<{ account_id: string; last_touch: string | null; last_contacted: string | null }>(
        db,
        sql`select c.account_id,
                   ${iso(sql`max(coalesce(c.last_contacted_at, c.created_at))`)} as last_touch,
                   ${iso(sql`max(c.last_contacted_at)`)} as last_contacted
            from contacts c
            join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id and a.deleted_at is null and a.status = 'active'
            where c.workspace_id = ${workspaceId} and c.is_key_person and c.left_at is null ${scope(sql`c.account_id`, accountIds)}
            group by c.account_id
            having max(coalesce(c.last_contacted_at, c.created_at)) < ${cutoff}`,
      );
    },

    /** Activity per active account in two periods, from the daily rollups. */
    async listUsageTotals(
      workspaceId: string,
      metric: 'active_users' | 'events',
      current: { from: string; to: string },
      previous: { from: string; to: string },
      accountIds?: readonly string[],
    ) {
      const value =
        metric === 'events'
          ? {
              cur: sql`coalesce(sum(u.events) filter (where u.day >= ${current.from}::date), 0)`,
              prev: sql`coalesce(sum(u.events) filter (where u.day <= ${previous.to}::date), 0)`,
              table: sql`usage_account_days`,
            }
          : {
              // Distinct people over the whole period, not a sum of daily counts.
              cur: sql`count(distinct u.user_id) filter (where u.day >= ${current.from}::date)`,
              prev: sql`count(distinct u.user_id) filter (where u.day <= ${previous.to}::date)`,
              table: sql`usage_user_days`,
            };
      return queryRows<{ account_id: string; current: string; previous: string }>(
        db,
        sql`select u.account_id, (${value.cur})::text as current, (${value.prev})::text as previous
            from ${value.table} u
            join accounts a on a.workspace_id = u.workspace_id and a.id = u.account_id and a.deleted_at is null and a.status = 'active'
            where u.workspace_id = ${workspaceId} and u.day between ${previous.from}::date and ${current.to}::date
              ${scope(sql`u.account_id`, accountIds)}
            group by u.account_id`,
      );
    },

    /**
     * Live accounts (optionally only these ids, only active ones) passing a compiled condition,
     * largest ARR first.
     */
    async listMatchingAccounts(
      workspaceId: string,
      options: { ids?: readonly string[]; where?: SQL | undefined; activeOnly?: boolean },
    ): Promise<RuleAccount[]> {
      if (options.ids && options.ids.length === 0) return [];
      const rows = await db
        .select({ id: accounts.id, name: accounts.name, tier: accounts.tier, arr: accounts.arr })
        .from(accounts)
        .where(
          and(
            eq(accounts.workspaceId, workspaceId),
            isNull(accounts.deletedAt),
            options.activeOnly ? eq(accounts.status, 'active') : undefined,
            options.ids ? sql`${accounts.id} = any(${idList(options.ids)})` : undefined,
            options.where,
          ),
        )
        .orderBy(sql`${accounts.arr} desc`, accounts.name);
      return rows.map((r) => ({ ...r, arr: Number(r.arr) }));
    },
  };
}

function toRuleEvent(r: { id: string; type: string; account_id: string | null; payload: unknown; occurred_at: string }): RuleEvent {
  const payload =
    typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : ((r.payload ?? {}) as Record<string, unknown>);
  return { id: r.id, type: r.type, accountId: r.account_id, payload, occurredAt: new Date(r.occurred_at) };
}
