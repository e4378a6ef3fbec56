import { sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { queryRows, type Database, type Db } from '../../platform/db/database';
import { findSqlError } from '../../platform/db/find-sql-error';
import { calculateDateChunks } from './calculate-usage-dates';
import { parsePgSnapshot, type PgSnapshot } from './parse-pg-snapshot';

/** Activity events: identify, group and alias describe people and accounts, not use. */
const ACTIVITY = sql.raw(`('track', 'page', 'screen')`);
const STATE_NAME = 'usage.rollup';
/**
 * How long after its received_at an event may still be uncommitted: ingestion refuses (503) a
 * request that waited 10 s for a writer (INGEST_MAX_QUEUE_MS), and the flush takes well under a
 * second (STACK.md). settled_until, the watermark health rescoring follows, trails each run by
 * this margin.
 */
export const SETTLE_MARGIN_MS = 15_000;
/**
 * How far before the previous run's snapshot a run starts reading received_at, for events whose
 * flush left no usage_ingest_flushes row (written by a version without it, during an upgrade):
 * they are found if they committed within this margin of arriving. Every flush of this version
 * is found through its row, however long it took.
 */
export const UNLOGGED_MARGIN_MS = 2_000;
/** New events beyond which the one-off recompute after an upgrade turns nested loops off. */
const BULK_EVENTS = 50_000;
// One rollup writer at a time across processes: the worker's job and a CLI rebuild.
const LOCK_KEY = 72646213;
/** PGlite has no autovacuum: every this many runs, the rollup vacuums usage_ingest_flushes itself. */
const VACUUM_FLUSHES_EVERY_RUNS = 30;

const HOURS = sql.raw(`ARRAY[${Array.from({ length: 24 }, (_, h) => `coalesce(sum(n) FILTER (WHERE hour = ${h}), 0)::int`).join(', ')}]`);

export type RollupResult = { accountDays: number; userDays: number };

/**
 * How a rollup statement writes its buckets: `replace` recomputes whole buckets from all their
 * events; `add` adds the counts of events not rolled up before to the stored rows.
 */
type WriteMode = 'replace' | 'add';

/**
 * The columns a rollup statement reads from usage_events e joined to workspaces w; `properties`
 * only where some feature is mapped by a property value (copying them costs a third of a run).
 */
const eventColumns = (withProperties: boolean) => sql`e.workspace_id, e.account_id,
  (e."timestamp" AT TIME ZONE w.timezone)::date AS day, e.user_id${withProperties ? sql`, e.properties` : sql``},
  CASE e.type WHEN 'track' THEN e.event ELSE e.type || coalesce(':' || e.name, '') END AS name,
  extract(hour FROM e."timestamp" AT TIME ZONE w.timezone)::int AS hour`;

/** A rollup statement's events: a SELECT of the given columns from usage_events e and workspaces w. */
type EventSource = (columns: SQL) => SQL;

/**
 * usage_events rows matching `where` (over alias e), as alias e with one more column, `xid`: the
 * row's inserting transaction as a 64-bit id. Rows carry only its low 32 bits (xmin); the high
 * bits come from `near`, an id less than 2^31 transactions away (PostgreSQL's own wraparound
 * rule keeps every unfrozen row that close to the current transaction). OFFSET 0 keeps the
 * subquery apart, so the id is computed once per row rather than at each use.
 */
function eventsWithXid(near: PgSnapshot, where: SQL): SQL {
  const nearLow = (BigInt(near.xmax) & 0xffffffffn).toString();
  return sql`(SELECT e.*, ${near.xmax}::bigint + (e.xmin::text::bigint - ${nearLow}::bigint + 6442450944) % 4294967296 - 2147483648 AS xid
    FROM usage_events e WHERE ${where} OFFSET 0) e`;
}

/**
 * Whether the transaction `xid` (a 64-bit id; by default the event row e's, from eventsWithXid)
 * was committed when `snapshot` was taken.
 */
function committedIn(snapshot: PgSnapshot, xid: SQL = sql`e.xid`): SQL {
  const inProgress = `{${snapshot.inProgress.join(',')}}`;
  return sql`(${xid} < ${snapshot.xmin}::bigint OR (${xid} < ${snapshot.xmax}::bigint AND ${xid} <> ALL (${inProgress}::bigint[])))`;
}

// Merges of stored and new counts, for the `add` mode's upserts.
const ADD_HOURS = sql`ARRAY(SELECT h.x + h.y FROM unnest(t.hour_counts, EXCLUDED.hour_counts) WITH ORDINALITY AS h(x, y, i) ORDER BY h.i)`;
const ADD_COUNTS = sql`(SELECT coalesce(jsonb_object_agg(k, total), '{}'::jsonb) FROM (
    SELECT k, sum(v::int) AS total FROM (
      SELECT key AS k, value AS v FROM jsonb_each_text(t.event_counts)
      UNION ALL SELECT key, value FROM jsonb_each_text(EXCLUDED.event_counts)
    ) kv GROUP BY k
  ) merged)`;

/**
 * Rolls the events `source` selects up into usage_account_days and usage_user_days, per
 * (workspace, account, local day).
 */
async function writeBuckets(db: Db, source: EventSource, mode: WriteMode): Promise<RollupResult & { events: number }> {
  const add = mode === 'add';
  const [features] = await queryRows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM product_features WHERE property_name IS NOT NULL) AS any`,
  );
  const byProperty = features?.any === true;
  const rows = await queryRows<{ account_days: number; user_days: number; events: number }>(
    db,
    sql`WITH ev AS (${source(eventColumns(byProperty))}),
    -- Two-stage GROUP BY: far cheaper than count(DISTINCT) on PGlite (STACK.md).
    s1 AS (SELECT workspace_id, account_id, day, user_id, name, hour, count(*)::int AS n FROM ev GROUP BY 1, 2, 3, 4, 5, 6),
    acc AS (SELECT workspace_id, account_id, day, sum(n)::int AS events, ${HOURS} AS hours FROM s1 GROUP BY 1, 2, 3),
    acc_names AS (
      SELECT workspace_id, account_id, day, jsonb_object_agg(name, n) AS names
      FROM (SELECT workspace_id, account_id, day, name, sum(n)::int AS n FROM s1 WHERE name IS NOT NULL GROUP BY 1, 2, 3, 4) x
      GROUP BY 1, 2, 3
    ),
    usr AS (
      SELECT workspace_id, account_id, day, user_id, name, sum(n)::int AS n, false AS is_property
      FROM s1 WHERE user_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
      ${
        byProperty
          ? sql`UNION ALL
      -- Feature mappings with a property condition are counted under "event␟property=value".
      SELECT ev.workspace_id, ev.account_id, ev.day, ev.user_id,
        f.event_name || chr(31) || f.property_name || '=' || f.property_value, count(*)::int, true
      FROM ev JOIN (
        SELECT DISTINCT workspace_id, event_name, property_name, property_value FROM product_features WHERE property_name IS NOT NULL
      ) f ON f.workspace_id = ev.workspace_id AND f.event_name = ev.name AND ev.properties ->> f.property_name = f.property_value
      WHERE ev.user_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5`
          : sql``
      }
    ),
    ins_usr AS (
      INSERT INTO usage_user_days AS t (workspace_id, account_id, day, user_id, events, event_counts)
      SELECT workspace_id, account_id, day, user_id, coalesce(sum(n) FILTER (WHERE NOT is_property), 0)::int,
        jsonb_object_agg(coalesce(name, ''), n)
      FROM usr GROUP BY 1, 2, 3, 4
      ON CONFLICT (workspace_id, account_id, day, user_id) DO UPDATE SET
        ${add ? sql`events = t.events + EXCLUDED.events, event_counts = ${ADD_COUNTS}` : sql`events = EXCLUDED.events, event_counts = EXCLUDED.event_counts`}
      -- xmax = 0 only on a row this statement inserted, not on one it updated: a user new to the day.
      RETURNING workspace_id, account_id, day, (xmax = 0) AS inserted
    ),
    acc_users AS (
      SELECT workspace_id, account_id, day, ${add ? sql`count(*) FILTER (WHERE inserted)` : sql`count(*)`}::int AS users
      FROM ins_usr GROUP BY 1, 2, 3
    ),
    ins_acc AS (
      INSERT INTO usage_account_days AS t (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
      SELECT a.workspace_id, a.account_id, a.day, a.events, coalesce(u.users, 0), a.hours, coalesce(nm.names, '{}'::jsonb)
      FROM acc a LEFT JOIN acc_users u USING (workspace_id, account_id, day) LEFT JOIN acc_names nm USING (workspace_id, account_id, day)
      ON CONFLICT (workspace_id, account_id, day) DO UPDATE SET
        ${
          add
            ? sql`events = t.events + EXCLUDED.events, active_users = t.active_users + EXCLUDED.active_users,
                hour_counts = ${ADD_HOURS}, event_counts = ${ADD_COUNTS}`
            : sql`events = EXCLUDED.events, active_users = EXCLUDED.active_users,
                hour_counts = EXCLUDED.hour_counts, event_counts = EXCLUDED.event_counts`
        }
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins_acc)::int AS account_days, (SELECT count(*) FROM ins_usr)::int AS user_days,
      (SELECT count(*) FROM ev)::int AS events`,
  );
  return {
    accountDays: Number(rows[0]?.account_days ?? 0),
    userDays: Number(rows[0]?.user_days ?? 0),
    events: Number(rows[0]?.events ?? 0),
  };
}

// Hard-deleted accounts keep their raw events (usage_events has no foreign key): skip them.
const LIVE_ACCOUNT = sql`JOIN accounts a ON a.id = e.account_id AND a.workspace_id = e.workspace_id`;
// A local day spans at most 14 hours either side of its UTC date.
const DAY_MS = 24 * 3600 * 1000;

/**
 * All the events of the buckets `dirty` selects (workspace_id, account_id, day), with times in
 * [from, to) so partitions are pruned, as committed when `snapshot` was taken. Events received
 * up to `settled` are committed by then (SETTLE_MARGIN_MS), so only later ones are checked.
 */
function bucketEvents(dirty: SQL, from: Date, to: Date, snapshot: PgSnapshot, settled: Date): EventSource {
  return (columns) => sql`SELECT ${columns}
    FROM ${eventsWithXid(
      snapshot,
      sql`e."timestamp" >= ${from.toISOString()}::timestamptz AND e."timestamp" < ${to.toISOString()}::timestamptz
        AND e.type IN ${ACTIVITY} AND e.account_id IS NOT NULL`,
    )}
    JOIN workspaces w ON w.id = e.workspace_id
    JOIN (${dirty}) d ON d.workspace_id = e.workspace_id AND d.account_id = e.account_id
      AND d.day = (e."timestamp" AT TIME ZONE w.timezone)::date
    WHERE e.received_at <= ${settled.toISOString()}::timestamptz OR ${committedIn(snapshot)}`;
}

type RollupState = { settledUntil: Date; snapshot: string | null; readUntil: Date | null };
type CatchUp = RollupResult & { events: number; snapshot: PgSnapshot; settled: Date };

/**
 * Incremental and full rollups over usage_events. The incremental rollup adds each committed
 * event to its buckets exactly once: it remembers the snapshot of committed transactions it last
 * read, and adds the events committed since (ADR 0013). Its cost follows the new events, not the
 * size of the buckets they fall in.
 */
export function createUsageRollup({ database, clock }: { database: Database; clock: Clock }) {
  /**
   * Inside a transaction holding the rollup lock: adds the events committed since the previous
   * run's snapshot to the rollups, then records a new snapshot and the watermark settled_until
   * (every event received up to it is in the rollups).
   */
  async function catchUp(tx: Db): Promise<CatchUp> {
    const [row] = await queryRows<{ settled_until: string; snapshot: string | null; read_until: string | null }>(
      tx,
      sql`SELECT settled_until::text, snapshot, read_until::text FROM usage_rollup_state WHERE name = ${STATE_NAME}`,
    );
    const state: RollupState | null = row
      ? { settledUntil: new Date(row.settled_until), snapshot: row.snapshot, readUntil: row.read_until ? new Date(row.read_until) : null }
      : null;
    const lower = state?.settledUntil ?? new Date(0);
    // Read before the snapshot is taken: an event received later may commit after the snapshot.
    const readAt = clock.now();
    const settled = new Date(Math.max(lower.getTime(), readAt.getTime() - SETTLE_MARGIN_MS));
    const [taken] = await queryRows<{ snapshot: string }>(tx, sql`SELECT pg_current_snapshot()::text AS snapshot`);
    const snapshot = parsePgSnapshot(taken!.snapshot);
    const flushedFrom = await takeCommittedFlushes(tx, snapshot);

    let result: RollupResult & { events: number };
    if (state && state.snapshot === null) {
      const received = sql`e.received_at > ${lower.toISOString()}::timestamptz AND e.type IN ${ACTIVITY}`;
      result = await recomputeSinceWatermark(tx, received, snapshot, lower);
    } else {
      // Every event committed since the previous snapshot was received after the earliest flush
      // committed since (or, without such a flush, shortly before the previous run).
      let from = state?.readUntil ? state.readUntil.getTime() - UNLOGGED_MARGIN_MS : lower.getTime();
      if (flushedFrom !== null && flushedFrom < from) from = flushedFrom;
      const received = sql`e.received_at >= ${new Date(from).toISOString()}::timestamptz AND e.type IN ${ACTIVITY}`;
      const unseen = state?.snapshot ? sql`AND NOT ${committedIn(parsePgSnapshot(state.snapshot))}` : sql``;
      // The planner cannot estimate this statement: it expects one row after the visibility test
      // (a nested loop over that misestimate ran for minutes) and a third of the partition for
      // the received_at range (so it seq-scanned the month instead of the BRIN's recent ranges).
      // Every join here is to a small table or between the run's own aggregates, where hash joins
      // are right; and compiling it (JIT) cost more than a run every 2 s can repay.
      await tx.execute(sql`SET LOCAL enable_nestloop = off`);
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL jit = off`);
      result = await writeBuckets(
        tx,
        (columns) => sql`SELECT ${columns} FROM ${eventsWithXid(snapshot, received)}
          JOIN workspaces w ON w.id = e.workspace_id ${LIVE_ACCOUNT}
          WHERE ${committedIn(snapshot)} ${unseen}`,
        'add',
      );
      await tx.execute(sql`RESET enable_seqscan`);
    }
    await tx.execute(sql`INSERT INTO usage_rollup_state (name, settled_until, snapshot, read_until, updated_at)
      VALUES (${STATE_NAME}, ${settled.toISOString()}::timestamptz, ${taken!.snapshot}, ${readAt.toISOString()}::timestamptz, now())
      ON CONFLICT (name) DO UPDATE SET settled_until = EXCLUDED.settled_until, snapshot = EXCLUDED.snapshot,
        read_until = EXCLUDED.read_until, updated_at = EXCLUDED.updated_at`);
    return { ...result, snapshot, settled };
  }

  /**
   * The earliest received_at (ms) of the flushes committed when `snapshot` was taken and not read
   * by an earlier run, or null when there are none; their rows are deleted, as read.
   */
  async function takeCommittedFlushes(tx: Db, snapshot: PgSnapshot): Promise<number | null> {
    const [taken] = await queryRows<{ from_ms: number | null }>(
      tx,
      sql`WITH taken AS (DELETE FROM usage_ingest_flushes f WHERE ${committedIn(snapshot, sql`f.xid`)} RETURNING f.received_from)
          SELECT (extract(epoch FROM min(received_from)) * 1000)::float8 AS from_ms FROM taken`,
    );
    const fromMs = taken?.from_ms;
    return fromMs === null || fromMs === undefined ? null : Number(fromMs);
  }

  /**
   * Once, after an upgrade from the version that kept no snapshot (it recomputed whole buckets,
   * and may already have counted some events received since its watermark): recompute the
   * buckets of those events whole, as that version did, so none is counted twice.
   */
  async function recomputeSinceWatermark(tx: Db, received: SQL, snapshot: PgSnapshot, lower: Date) {
    const [range] = await queryRows<{ from_ms: number | null; to_ms: number | null; n: number }>(
      tx,
      sql`SELECT (extract(epoch FROM min(e."timestamp")) * 1000)::float8 AS from_ms,
            (extract(epoch FROM max(e."timestamp")) * 1000)::float8 AS to_ms, count(*)::int AS n
          FROM usage_events e WHERE ${received}`,
    );
    if (!range || range.from_ms === null || range.to_ms === null) return { accountDays: 0, userDays: 0, events: 0 };
    // After a bulk load the planner's estimates are stale (PGlite has no autovacuum) and it joined
    // the dirty buckets by nested loop: minutes for 200k events. Hash joins are right here.
    if (Number(range.n) > BULK_EVENTS) await tx.execute(sql`SET LOCAL enable_nestloop = off`);
    const dirty = sql`SELECT DISTINCT e.workspace_id, e.account_id, (e."timestamp" AT TIME ZONE w.timezone)::date AS day
      FROM usage_events e JOIN workspaces w ON w.id = e.workspace_id ${LIVE_ACCOUNT} WHERE ${received}`;
    const from = new Date(Number(range.from_ms) - DAY_MS);
    const to = new Date(Number(range.to_ms) + DAY_MS);
    return writeBuckets(tx, bucketEvents(dirty, from, to, snapshot, lower), 'replace');
  }

  /**
   * Summarizes the block ranges of usage_events filled since the last run in the received_at
   * BRIN. An unsummarized range matches every query, so without this each run would read every
   * event appended since autovacuum last summarized the partition (minutes of events at a high
   * rate; forever on PGlite, which has no autovacuum) rather than the last seconds. It waits at
   * most 50 ms for the lock a VACUUM holds, and leaves the work to that VACUUM if it must.
   */
  async function summarizeReceivedAtIndex(): Promise<void> {
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL lock_timeout = '50ms'`);
        await tx.execute(sql`SELECT brin_summarize_new_values(inhrelid) FROM pg_inherits
          WHERE inhparent = 'usage_events_received_at_brin'::regclass`);
      });
    } catch (error) {
      // lock_not_available: a VACUUM holds the lock.
      if (!findSqlError(error, '55P03')) throw error;
    }
  }

  /**
   * Days and hours are local to the workspace's time zone: when an admin changes the zone, the
   * workspace's rollups are rebuilt in the new one (every day it has, and one either side, since
   * events move across midnight), and the zone they were built in is recorded.
   */
  async function followZoneChanges(): Promise<void> {
    const changed = await queryRows<{ id: string; timezone: string; rolled: boolean }>(
      database.db,
      sql`SELECT w.id::text AS id, w.timezone, z.workspace_id IS NOT NULL AS rolled
          FROM workspaces w LEFT JOIN usage_rollup_zones z ON z.workspace_id = w.id
          WHERE z.timezone IS DISTINCT FROM w.timezone`,
    );
    for (const workspace of changed) {
      const [range] = await queryRows<{ first: string | null; last: string | null }>(
        database.db,
        sql`SELECT (min(day) - 1)::text AS first, (max(day) + 1)::text AS last FROM usage_account_days
            WHERE workspace_id = ${workspace.id}::uuid`,
      );
      // A workspace without a recorded zone is new (the migration recorded every older one).
      if (workspace.rolled && range?.first && range.last) {
        await rebuildRollups({ from: range.first, to: range.last, workspaceId: workspace.id });
      }
      await database.db.execute(sql`INSERT INTO usage_rollup_zones (workspace_id, timezone)
        VALUES (${workspace.id}::uuid, ${workspace.timezone})
        ON CONFLICT (workspace_id) DO UPDATE SET timezone = EXCLUDED.timezone`);
    }
  }

  let runs = 0;

  /** Rolls up every event committed since the previous run, in one transaction holding the rollup lock. */
  async function rollUpNewEvents(): Promise<RollupResult & { events: number }> {
    await summarizeReceivedAtIndex();
    await followZoneChanges();
    // Each run deletes the flushes' rows it read: without a vacuum the table's dead rows would
    // pile up on PGlite, and every run reads the whole table.
    if (database.engine === 'pglite' && ++runs % VACUUM_FLUSHES_EVERY_RUNS === 0) {
      await database.db.execute(sql`VACUUM usage_ingest_flushes`);
    }
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const { accountDays, userDays, events } = await catchUp(tx as unknown as Db);
      return { accountDays, userDays, events };
    });
  }

  /**
   * Rebuilds the rollups of local days [from, to] (YYYY-MM-DD) from the raw events, a week per
   * transaction: the week's rows are deleted and recomputed. Optionally for one workspace.
   * Each transaction first catches the incremental rollup up to a snapshot and recomputes as of
   * that snapshot, so events committed meanwhile are added once, by the next incremental run.
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
        const { snapshot, settled } = await catchUp(tx as unknown as Db);
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
        return writeBuckets(tx as unknown as Db, bucketEvents(dirty, from, to, snapshot, settled), 'replace');
      });
      total.accountDays += result.accountDays;
      total.userDays += result.userDays;
      onProgress(i + 1, chunks.length);
    }
    return total;
  }

  return { rollUpNewEvents, rebuildRollups };
}
