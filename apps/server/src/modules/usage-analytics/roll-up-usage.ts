import { sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { queryRows, type Database, type Db } from '../../platform/db/database';
import { calculateDateChunks } from './calculate-usage-dates';

/** Activity events: identify, group and alias describe people and accounts, not use. */
const ACTIVITY = sql.raw(`('track', 'page', 'screen')`);
const STATE_NAME = 'usage.rollup';
/**
 * How long after its received_at an event may still be uncommitted (group-commit queue plus
 * flush; about a second under overload, STACK.md). Events received in this window are scanned
 * again on the next run; an event committed later than this is only picked up by a rebuild.
 */
export const SETTLE_MARGIN_MS = 15_000;
/** New events beyond which a run refreshes the planner's statistics first. */
const BULK_EVENTS = 50_000;
// One rollup writer at a time across processes: the worker's job and a CLI rebuild.
const LOCK_KEY = 72646213;

const HOURS = sql.raw(`ARRAY[${Array.from({ length: 24 }, (_, h) => `coalesce(sum(n) FILTER (WHERE hour = ${h}), 0)::int`).join(', ')}]`);

export type RollupResult = { accountDays: number; userDays: number };

/**
 * Recomputes whole (workspace, account, local day) buckets from usage_events and upserts them
 * into usage_account_days and usage_user_days. `dirty` selects the buckets (workspace_id,
 * account_id, day); [from, to) bounds the event times scanned, so partitions are pruned.
 */
async function recomputeBuckets(db: Db, dirty: SQL, from: Date, to: Date): Promise<RollupResult> {
  const rows = await queryRows<{ account_days: number; user_days: number }>(
    db,
    sql`WITH dirty AS (${dirty}),
    ev AS (
      SELECT e.workspace_id, e.account_id, d.day, e.user_id, e.properties,
        CASE e.type WHEN 'track' THEN e.event ELSE e.type || coalesce(':' || e.name, '') END AS name,
        extract(hour FROM e."timestamp" AT TIME ZONE w.timezone)::int AS hour
      FROM usage_events e
      JOIN workspaces w ON w.id = e.workspace_id
      JOIN dirty d ON d.workspace_id = e.workspace_id AND d.account_id = e.account_id
        AND d.day = (e."timestamp" AT TIME ZONE w.timezone)::date
      WHERE e."timestamp" >= ${from.toISOString()}::timestamptz AND e."timestamp" < ${to.toISOString()}::timestamptz
        AND e.type IN ${ACTIVITY} AND e.account_id IS NOT NULL
    ),
    -- Two-stage GROUP BY: far cheaper than count(DISTINCT) on PGlite (STACK.md).
    s1 AS (SELECT workspace_id, account_id, day, user_id, name, hour, count(*)::int AS n FROM ev GROUP BY 1, 2, 3, 4, 5, 6),
    acc AS (SELECT workspace_id, account_id, day, sum(n)::int AS events, ${HOURS} AS hours FROM s1 GROUP BY 1, 2, 3),
    acc_users AS (
      SELECT workspace_id, account_id, day, count(*)::int AS users
      FROM (SELECT workspace_id, account_id, day, user_id FROM s1 WHERE user_id IS NOT NULL GROUP BY 1, 2, 3, 4) u GROUP BY 1, 2, 3
    ),
    acc_names AS (
      SELECT workspace_id, account_id, day, jsonb_object_agg(name, n) AS names
      FROM (SELECT workspace_id, account_id, day, name, sum(n)::int AS n FROM s1 WHERE name IS NOT NULL GROUP BY 1, 2, 3, 4) x
      GROUP BY 1, 2, 3
    ),
    usr AS (
      SELECT workspace_id, account_id, day, user_id, name, sum(n)::int AS n, false AS is_property
      FROM s1 WHERE user_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
      UNION ALL
      -- Feature mappings with a property condition are counted under "event␟property=value".
      SELECT ev.workspace_id, ev.account_id, ev.day, ev.user_id,
        f.event_name || chr(31) || f.property_name || '=' || f.property_value, count(*)::int, true
      FROM ev JOIN (
        SELECT DISTINCT workspace_id, event_name, property_name, property_value FROM product_features WHERE property_name IS NOT NULL
      ) f ON f.workspace_id = ev.workspace_id AND f.event_name = ev.name AND ev.properties ->> f.property_name = f.property_value
      WHERE ev.user_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ),
    ins_acc AS (
      INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
      SELECT a.workspace_id, a.account_id, a.day, a.events, coalesce(u.users, 0), a.hours, coalesce(nm.names, '{}'::jsonb)
      FROM acc a LEFT JOIN acc_users u USING (workspace_id, account_id, day) LEFT JOIN acc_names nm USING (workspace_id, account_id, day)
      ON CONFLICT (workspace_id, account_id, day) DO UPDATE SET events = EXCLUDED.events, active_users = EXCLUDED.active_users,
        hour_counts = EXCLUDED.hour_counts, event_counts = EXCLUDED.event_counts
      RETURNING 1
    ),
    ins_usr AS (
      INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts)
      SELECT workspace_id, account_id, day, user_id, coalesce(sum(n) FILTER (WHERE NOT is_property), 0)::int,
        jsonb_object_agg(coalesce(name, ''), n)
      FROM usr GROUP BY 1, 2, 3, 4
      ON CONFLICT (workspace_id, account_id, day, user_id) DO UPDATE SET events = EXCLUDED.events, event_counts = EXCLUDED.event_counts
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins_acc)::int AS account_days, (SELECT count(*) FROM ins_usr)::int AS user_days`,
  );
  return { accountDays: Number(rows[0]?.account_days ?? 0), userDays: Number(rows[0]?.user_days ?? 0) };
}

// Hard-deleted accounts keep their raw events (usage_events has no foreign key): skip them.
const LIVE_ACCOUNT = sql`JOIN accounts a ON a.id = e.account_id AND a.workspace_id = e.workspace_id`;
// A local day spans at most 14 hours either side of its UTC date.
const DAY_MS = 24 * 3600 * 1000;

/** Incremental and full rollups over usage_events; every run is idempotent. */
export function createUsageRollup({ database, clock }: { database: Database; clock: Clock }) {
  /**
   * Rolls up every event received since the watermark, then moves the watermark to
   * now − SETTLE_MARGIN_MS. Runs inside one transaction holding the rollup lock.
   */
  async function rollUpNewEvents(): Promise<RollupResult & { events: number }> {
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const [state] = await queryRows<{ settled_until: string }>(
        tx as unknown as Db,
        sql`SELECT settled_until::text FROM usage_rollup_state WHERE name = ${STATE_NAME}`,
      );
      const lower = state ? new Date(state.settled_until) : new Date(0);
      // The new events, and the local days they fall on in their workspace's zone as one UTC range:
      // the rollup scans exactly those days (a margin of a day either side, as before, made every
      // run just after midnight re-read the whole of yesterday).
      const [bounds] = await queryRows<{ from_ms: number | null; to_ms: number | null; upper: string | null; n: number }>(
        tx as unknown as Db,
        sql`SELECT (extract(epoch FROM min(local.day::timestamp AT TIME ZONE w.timezone)) * 1000)::float8 AS from_ms,
              (extract(epoch FROM max((local.day + 1)::timestamp AT TIME ZONE w.timezone)) * 1000)::float8 AS to_ms,
              max(e.received_at)::text AS upper, count(*)::int AS n
            FROM usage_events e JOIN workspaces w ON w.id = e.workspace_id
            CROSS JOIN LATERAL (SELECT (e."timestamp" AT TIME ZONE w.timezone)::date AS day) local
            WHERE e.received_at > ${lower.toISOString()}::timestamptz`,
      );
      let result: RollupResult = { accountDays: 0, userDays: 0 };
      // After a bulk load (backfill, demo) the planner's estimates are stale (PGlite has no
      // autovacuum) and it joined the dirty buckets by nested loop: minutes for 200k events.
      // Every join in the rollup is between large sets, where hash joins are right.
      if (Number(bounds?.n ?? 0) > BULK_EVENTS) await tx.execute(sql`SET LOCAL enable_nestloop = off`);
      if (bounds?.upper && bounds.from_ms !== null && bounds.to_ms !== null) {
        const dirty = sql`SELECT DISTINCT e.workspace_id, e.account_id, (e."timestamp" AT TIME ZONE w.timezone)::date AS day
          FROM usage_events e JOIN workspaces w ON w.id = e.workspace_id ${LIVE_ACCOUNT}
          WHERE e.received_at > ${lower.toISOString()}::timestamptz AND e.received_at <= ${bounds.upper}::timestamptz
            AND e.type IN ${ACTIVITY}`;
        result = await recomputeBuckets(tx as unknown as Db, dirty, new Date(Number(bounds.from_ms)), new Date(Number(bounds.to_ms)));
      }
      const settled = new Date(Math.max(lower.getTime(), clock.now().getTime() - SETTLE_MARGIN_MS));
      await tx.execute(sql`INSERT INTO usage_rollup_state (name, settled_until, updated_at)
        VALUES (${STATE_NAME}, ${settled.toISOString()}::timestamptz, now())
        ON CONFLICT (name) DO UPDATE SET settled_until = EXCLUDED.settled_until, updated_at = EXCLUDED.updated_at`);
      return { ...result, events: Number(bounds?.n ?? 0) };
    });
  }

  /**
   * Rebuilds the rollups of local days [from, to] (YYYY-MM-DD) from the raw events, a week per
   * transaction: the week's rows are deleted and recomputed. Optionally for one workspace.
   */
  async function rebuildRollups(
    input: { from: string; to: string; workspaceId?: string | undefined },
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<RollupResult> {
    const chunks = calculateDateChunks(input.from, input.to, 7);
    const total: RollupResult = { accountDays: 0, userDays: 0 };
    const inWorkspace = (column: SQL) => (input.workspaceId ? sql`AND ${column} = ${input.workspaceId}::uuid` : sql``);
    for (const [i, chunk] of chunks.entries()) {
      const result = await database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
        for (const table of ['usage_account_days', 'usage_user_days']) {
          await tx.execute(
            sql`DELETE FROM ${sql.raw(table)} WHERE day BETWEEN ${chunk.from}::date AND ${chunk.to}::date ${inWorkspace(sql.raw('workspace_id'))}`,
          );
        }
        const from = new Date(Date.parse(`${chunk.from}T00:00:00Z`) - DAY_MS);
        const to = new Date(Date.parse(`${chunk.to}T00:00:00Z`) + 2 * DAY_MS);
        const dirty = sql`SELECT DISTINCT e.workspace_id, e.account_id, (e."timestamp" AT TIME ZONE w.timezone)::date AS day
          FROM usage_events e JOIN workspaces w ON w.id = e.workspace_id ${LIVE_ACCOUNT}
          WHERE e."timestamp" >= ${from.toISOString()}::timestamptz AND e."timestamp" < ${to.toISOString()}::timestamptz
            AND e.type IN ${ACTIVITY} ${inWorkspace(sql.raw('e.workspace_id'))}
            AND (e."timestamp" AT TIME ZONE w.timezone)::date BETWEEN ${chunk.from}::date AND ${chunk.to}::date`;
        return recomputeBuckets(tx as unknown as Db, dirty, from, to);
      });
      total.accountDays += result.accountDays;
      total.userDays += result.userDays;
      onProgress(i + 1, chunks.length);
    }
    return total;
  }

  return { rollUpNewEvents, rebuildRollups };
}
