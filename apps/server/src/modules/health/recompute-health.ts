import { sql } from 'drizzle-orm';
import type { HealthRecomputeResult } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { calculateHealthEvents, type HealthEvent } from './calculate-health-events';
import { addDays, isIsoDate, listDates, localDate } from './calculate-local-date';
import { singleDateScope } from './facts-scope';
import { loadHealthContext, type HealthContext } from './health-context';
import { loadStoredDay, toSnapshotColumns, upsertSnapshotColumns } from './health-snapshots.repository';
import { isSnapshotUnchanged } from './is-snapshot-unchanged';
import { loadScorableAccounts } from './scorable-accounts.repository';
import { STALE_DAYS, SURVEY_ROUND_DAYS } from './calculate-experience-values';
import { withHealthSession } from './health-session';
import { loadExperienceObservations, type FactsNeeds } from './measure-facts.repository';
import { gatherFacts, scoreGatheredForStorage, withGatheringSessions, type GatheredFacts } from './score-accounts';

export type RecomputeOptions = { date?: string; accountIds?: readonly string[] | null };

// Accounts scored per upsert statement: a few MB of parameters, small enough for PGlite's buffers.
const WRITE_CHUNK = 5_000;

/** Beyond this many experience inputs a rebuild queries them per day rather than holding them all in memory. */
const MAX_PRELOADED_INPUTS = 300_000;

/** The large tables the input queries read by date range. */
const ANALYZED_TABLES = ['usage_account_days', 'usage_user_days', 'health_experience_inputs', 'health_snapshots'];

/** How far back a rebuild may go: the rollups a 60-day window needs are rarely kept longer. */
export const MAX_REBUILD_DAYS = 800;

/** Daily snapshots: recompute a day (today by default) and rebuild history. */
export function createHealthRecompute({ database, clock }: { database: Database; clock: Clock }) {
  /** The inputs of the accounts that were customers on `date` (or of `accountIds`), gathered in bulk. */
  async function gatherDay(
    context: HealthContext,
    date: string,
    accountIds: readonly string[] | null,
    experience?: FactsNeeds['experience'],
  ): Promise<GatheredFacts> {
    const scope = singleDateScope(context.workspaceId, context.timeZone, date, accountIds);
    return withGatheringSessions(database, async (session) => {
      const accounts = await session((query) => loadScorableAccounts(query, scope));
      return gatherFacts(database, context, scope, accounts, context.scorecards, session, experience);
    });
  }

  /**
   * Scores and writes one day's snapshots, a chunk at a time: scoring the next chunk in memory
   * overlaps the database's upsert of the previous one. For today it also records
   * `health.band_changed` and `health.score_changed` against the stored scores, in the same
   * transaction and under a per-workspace lock, so concurrent recomputes (the job, a CLI run)
   * never record one change twice; and it sends only the rows that change (the 5-minute
   * recompute mostly finds none). A rebuilt past day records none: history is not news.
   */
  async function writeDay(
    context: HealthContext,
    date: string,
    gathered: GatheredFacts,
    withEvents: boolean,
    accountIds: readonly string[] | null,
  ) {
    const now = clock.now();
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`health-snapshots:${context.workspaceId}`}))`);
      const stored = withEvents ? await loadStoredDay(tx, context.workspaceId, date, accountIds, true) : null;
      const events: HealthEvent[] = [];
      let pending: Promise<void> = Promise.resolve();
      for (let i = 0; i < gathered.accounts.length; i += WRITE_CHUNK) {
        const chunk = { ...gathered, accounts: gathered.accounts.slice(i, i + WRITE_CHUNK) };
        let writes = scoreGatheredForStorage(chunk, context.scorecards);
        if (stored) {
          events.push(...calculateHealthEvents(writes, stored, context.settings.scoreDropThreshold));
          writes = writes.filter((write) => !isSnapshotUnchanged(write, stored.same.get(write.accountId)?.columns));
        }
        // Encoded before waiting: only the statement itself is left between two upserts.
        const columns = writes.length > 0 ? toSnapshotColumns(writes) : null;
        await pending;
        pending = columns ? upsertSnapshotColumns(tx, context.workspaceId, date, columns, now) : Promise.resolve();
        // Awaited on the next turn; marked handled so a failure meanwhile is not an unhandled rejection.
        pending.catch(() => undefined);
      }
      await pending;
      await recordDomainEvents(
        tx,
        context.workspaceId,
        events.map((e) => ({ type: e.type, accountId: e.accountId, payload: { ...e.payload, date }, occurredAt: now })),
      );
      return {
        bandChanges: events.filter((e) => e.type === 'health.band_changed').length,
        scoreDrops: events.filter((e) => e.type === 'health.score_changed').length,
      };
    });
  }

  /**
   * What a rebuild reads once instead of once per day: each day's end (epoch ms, in the
   * workspace's zone) and, unless there are very many, every experience input of the range.
   */
  async function loadRebuildInputs(context: HealthContext, from: string, to: string) {
    return withHealthSession(database, async (query) => {
      const ends = await query<{ day: string; end_ms: number }>(
        `SELECT d::date::text AS day, (extract(epoch FROM ((d::date + 1)::timestamp AT TIME ZONE $3)) * 1000)::float8 AS end_ms
         FROM generate_series($1::date, $2::date, interval '1 day') d`,
        [from, to, context.timeZone],
      );
      const endOf = new Map(ends.map((r) => [r.day, Number(r.end_ms)]));
      const first = endOf.get(from)! - (STALE_DAYS + SURVEY_ROUND_DAYS + 1) * 86_400_000;
      const observations = await loadExperienceObservations(
        query,
        context.workspaceId,
        { from: first, until: endOf.get(to)! },
        MAX_PRELOADED_INPUTS,
      );
      return { endOf, observations };
    });
  }

  async function resolveToday(context: HealthContext): Promise<string> {
    return localDate(clock.now(), context.timeZone);
  }

  function assertDate(date: string, today: string, field: string): void {
    if (!isIsoDate(date))
      throw new AppError('VALIDATION_FAILED', `${field} must be a date, YYYY-MM-DD`, [
        { field, location: 'body', problem: 'must be a date, YYYY-MM-DD' },
      ]);
    if (date > today)
      throw new AppError('VALIDATION_FAILED', `${field} must not be after today (${today})`, [
        { field, location: 'body', problem: `must not be after ${today}` },
      ]);
  }

  /** Scores every live account (or `accountIds`) for a date from the data as of it, and upserts the snapshots. */
  async function recomputeHealth(
    workspaceId: string,
    options: RecomputeOptions = {},
    preloaded?: HealthContext,
  ): Promise<HealthRecomputeResult> {
    const started = performance.now();
    const context = preloaded ?? (await loadHealthContext(database, workspaceId, clock.now()));
    const today = await resolveToday(context);
    const date = options.date ?? today;
    assertDate(date, today, 'date');
    const accountIds = options.accountIds?.length ? options.accountIds : null;
    const gathered = await gatherDay(context, date, accountIds);
    const { bandChanges, scoreDrops } = await writeDay(context, date, gathered, date === today, accountIds);
    return { date, accounts: gathered.accounts.length, bandChanges, scoreDrops, durationMs: Math.round(performance.now() - started) };
  }

  /** Recomputes every day from `from` to `to` (default today), oldest first, e.g. after a scorecard change or a backfill. */
  async function rebuildHealth(
    workspaceId: string,
    options: ({ from: string } | { days: number }) & { to?: string; allowFuture?: boolean },
    onProgress: (done: number, total: number, date: string) => void = () => {},
  ): Promise<{ from: string; to: string; days: number; snapshots: number; durationMs: number }> {
    const started = performance.now();
    const context = await loadHealthContext(database, workspaceId, clock.now());
    const to = options.to ?? (await resolveToday(context));
    // The demo builds as of its own reference date, which may lie ahead of the clock.
    const latest = options.allowFuture ? to : await resolveToday(context);
    const from = 'from' in options ? options.from : addDays(to, -(options.days - 1));
    assertDate(from, latest, 'from');
    assertDate(to, latest, 'to');
    if (from > to)
      throw new AppError('VALIDATION_FAILED', 'from must not be after to', [
        { field: 'from', location: 'body', problem: 'must not be after to' },
      ]);
    if (from < addDays(to, -MAX_REBUILD_DAYS)) {
      throw new AppError('VALIDATION_FAILED', `A rebuild spans at most ${MAX_REBUILD_DAYS} days`, [
        { field: 'from', location: 'body', problem: `must be within ${MAX_REBUILD_DAYS} days of to` },
      ]);
    }
    // PGlite has no autovacuum: after a bulk load (an import, the demo) its planner knows nothing of
    // the rollups' shape, and a rebuild runs the same queries many times (10× slower unanalysed).
    // Only these tables: statistics on other modules' tables would change their plans too.
    if (database.engine === 'pglite') await database.exec(`ANALYZE ${ANALYZED_TABLES.join(', ')}`);
    const dates = listDates(from, to);
    const preloaded = await loadRebuildInputs(context, from, to);
    let snapshots = 0;
    for (const [i, date] of dates.entries()) {
      const experience = preloaded.observations ? { observations: preloaded.observations, before: preloaded.endOf.get(date)! } : undefined;
      const gathered = await gatherDay(context, date, null, experience);
      // Today's events belong to the scheduled recompute, which compares with what users saw.
      await writeDay(context, date, gathered, false, null);
      snapshots += gathered.accounts.length;
      onProgress(i + 1, dates.length, date);
    }
    return { from, to, days: dates.length, snapshots, durationMs: Math.round(performance.now() - started) };
  }

  return { recomputeHealth, rebuildHealth, gatherDay, resolveToday };
}
