import { param, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database';
import type { Band } from './scorecard';
import { toStoredCoverage, type StoredMeasure } from './stored-snapshot';

/** One day's score of one account, as written; the measures already as JSON (StoredMeasure[]). */
export type SnapshotWrite = {
  accountId: string;
  score: number | null;
  outcome: number | null;
  experience: number | null;
  band: Band | null;
  coverage: number;
  scorecardId: string;
  scorecardVersion: number;
  measuresJson: string;
};

/** One day's score of one account, as read. */
export type SnapshotRow = Omit<SnapshotWrite, 'measuresJson'> & { date: string; measures: StoredMeasure[] };

/**
 * A batch of snapshots as the upsert's parameters: one PostgreSQL array literal per column. Encoded
 * ahead of the statement (what the driver would do when sending it), so a writer can encode the
 * next batch while the database still upserts the previous one.
 */
export type SnapshotColumns = {
  accountIds: string;
  scores: string;
  outcomes: string;
  experiences: string;
  bands: string;
  coverages: string;
  scorecardIds: string;
  scorecardVersions: string;
  measures: string;
};

/** Encodes a batch for upsertSnapshotColumns; a few MB for 5,000 rows (small enough for PGlite's buffers). */
export function toSnapshotColumns(rows: readonly SnapshotWrite[]): SnapshotColumns {
  return {
    accountIds: toArrayLiteral(rows.map((r) => r.accountId)),
    scores: toArrayLiteral(rows.map((r) => r.score)),
    outcomes: toArrayLiteral(rows.map((r) => r.outcome)),
    experiences: toArrayLiteral(rows.map((r) => r.experience)),
    bands: toArrayLiteral(rows.map((r) => r.band)),
    coverages: toArrayLiteral(rows.map((r) => toStoredCoverage(r.coverage))),
    scorecardIds: toArrayLiteral(rows.map((r) => r.scorecardId)),
    scorecardVersions: toArrayLiteral(rows.map((r) => r.scorecardVersion)),
    measures: toArrayLiteral(rows.map((r) => r.measuresJson)),
  };
}

/** A one-dimensional array literal: strings quoted and escaped as the pg driver does, null as NULL. */
function toArrayLiteral(values: readonly (string | number | null)[]): string {
  const elements = values.map((value) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${elements.join(',')}}`;
}

/**
 * Upserts one day's snapshots with one statement, the rows passed as parallel arrays (`unnest`):
 * one parameter per column however many rows, and measured faster than multi-row VALUES on both
 * engines. The arrays go as text, cast in SQL, so both engines take them the same way.
 */
export async function upsertSnapshotColumns(db: Db, workspaceId: string, date: string, columns: SnapshotColumns, at: Date): Promise<void> {
  const c = columns;
  await db.execute(sql`INSERT INTO health_snapshots (workspace_id, account_id, date, score, outcome_score, experience_score, band, coverage,
       scorecard_id, scorecard_version, measures, computed_at)
     SELECT ${workspaceId}::uuid, t.a, ${date}::date, t.s, t.o, t.e, t.b, t.c, t.si, t.sv, t.m::jsonb, ${at.toISOString()}::timestamptz
     FROM unnest(${c.accountIds}::text::uuid[], ${c.scores}::text::real[], ${c.outcomes}::text::real[], ${c.experiences}::text::real[],
       ${c.bands}::text::text[], ${c.coverages}::text::real[], ${c.scorecardIds}::text::text[], ${c.scorecardVersions}::text::int[],
       ${c.measures}::text::text[]) AS t(a, s, o, e, b, c, si, sv, m)
     ON CONFLICT (workspace_id, account_id, date) DO UPDATE SET score = EXCLUDED.score, outcome_score = EXCLUDED.outcome_score,
       experience_score = EXCLUDED.experience_score, band = EXCLUDED.band, coverage = EXCLUDED.coverage,
       scorecard_id = EXCLUDED.scorecard_id, scorecard_version = EXCLUDED.scorecard_version, measures = EXCLUDED.measures,
       computed_at = EXCLUDED.computed_at
     -- A row found unchanged is left alone (no new row version), whoever sent it.
     WHERE (health_snapshots.score, health_snapshots.outcome_score, health_snapshots.experience_score, health_snapshots.band,
            health_snapshots.coverage, health_snapshots.scorecard_id, health_snapshots.scorecard_version, health_snapshots.measures)
       IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.outcome_score, EXCLUDED.experience_score, EXCLUDED.band,
            EXCLUDED.coverage, EXCLUDED.scorecard_id, EXCLUDED.scorecard_version, EXCLUDED.measures)`);
}

/** A stored score, as events compare a new one with it. */
export type StoredScore = { score: number | null; band: Band | null };

/**
 * A snapshot's columns exactly as stored (scores unrounded, measures as PostgreSQL prints the
 * jsonb), for the check that a rewrite would change nothing.
 */
export type StoredColumns = Omit<SnapshotWrite, 'accountId' | 'measuresJson'> & { measuresText: string };

/** A snapshot stored for the day being written: its score for events, its columns for the unchanged check. */
export type StoredSnapshot = StoredScore & { columns: StoredColumns };

/**
 * What is stored for `date`, per account, in full (a rewrite of an unchanged row is then skipped
 * without sending it), and with `withPrevious` the scores of the day before: what a new score is
 * compared with for events.
 */
export async function loadStoredDay(
  db: Db,
  workspaceId: string,
  date: string,
  accountIds: readonly string[] | null,
  withPrevious: boolean,
): Promise<{ same: Map<string, StoredSnapshot>; previous: Map<string, StoredScore> }> {
  const rows = await queryRows<{
    id: string;
    is_same: boolean;
    score: number | null;
    band: Band | null;
    outcome_score: number | null;
    experience_score: number | null;
    coverage: number | null;
    scorecard_id: string | null;
    scorecard_version: number | null;
    measures: string | null;
  }>(
    db,
    // The day before needs its score and band only: the other columns stay null for its rows.
    sql`SELECT account_id::text AS id, date = ${date}::date AS is_same, score, band,
          CASE WHEN date = ${date}::date THEN outcome_score END AS outcome_score,
          CASE WHEN date = ${date}::date THEN experience_score END AS experience_score,
          CASE WHEN date = ${date}::date THEN coverage END AS coverage,
          CASE WHEN date = ${date}::date THEN scorecard_id END AS scorecard_id,
          CASE WHEN date = ${date}::date THEN scorecard_version END AS scorecard_version,
          CASE WHEN date = ${date}::date THEN measures::text END AS measures
        FROM health_snapshots
        WHERE workspace_id = ${workspaceId}::uuid AND date IN (${date}::date, ${withPrevious ? sql`${date}::date - 1` : sql`${date}::date`})
        ${accountIds ? sql`AND account_id = ANY(${param(accountIds)}::uuid[])` : sql``}`,
  );
  const same = new Map<string, StoredSnapshot>();
  const previous = new Map<string, StoredScore>();
  for (const r of rows) {
    if (!r.is_same) {
      previous.set(r.id, { score: toScore(r.score), band: r.band });
      continue;
    }
    same.set(r.id, {
      score: toScore(r.score),
      band: r.band,
      columns: {
        score: toNumber(r.score),
        outcome: toNumber(r.outcome_score),
        experience: toNumber(r.experience_score),
        band: r.band,
        coverage: Number(r.coverage),
        scorecardId: r.scorecard_id!,
        scorecardVersion: Number(r.scorecard_version),
        measuresText: r.measures!,
      },
    });
  }
  return { same, previous };
}

const snapshotColumns = sql`account_id::text AS account_id, date::text AS date, score, outcome_score, experience_score, band, coverage,
  scorecard_id, scorecard_version, measures`;

type RawSnapshot = {
  account_id: string;
  date: string;
  score: number | null;
  outcome_score: number | null;
  experience_score: number | null;
  band: Band | null;
  coverage: number;
  scorecard_id: string;
  scorecard_version: number;
  measures: StoredMeasure[] | string;
};

function toRow(r: RawSnapshot): SnapshotRow {
  return {
    accountId: r.account_id,
    date: r.date,
    score: toScore(r.score),
    outcome: toScore(r.outcome_score),
    experience: toScore(r.experience_score),
    band: r.band,
    coverage: Number(r.coverage),
    scorecardId: r.scorecard_id,
    scorecardVersion: Number(r.scorecard_version),
    measures: typeof r.measures === 'string' ? (JSON.parse(r.measures) as StoredMeasure[]) : r.measures,
  };
}

function toNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

// real columns come back as the shortest decimal text of the float ("61.4"); round anyway so a
// driver that widens to double cannot leak 61.400001525878906.
function toScore(value: number | string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 10) / 10;
}

/** Reads of stored history. workspaceId first. */
export function createHealthSnapshotsRepository(db: Db) {
  return {
    /** The snapshot of `date`, or the latest on or before it. */
    async findSnapshot(workspaceId: string, accountId: string, date: string | null, exact = false): Promise<SnapshotRow | undefined> {
      const rows = await queryRows<RawSnapshot>(
        db,
        sql`SELECT ${snapshotColumns} FROM health_snapshots WHERE workspace_id = ${workspaceId}::uuid AND account_id = ${accountId}::uuid
            ${date === null ? sql`` : exact ? sql`AND date = ${date}::date` : sql`AND date <= ${date}::date`}
            ORDER BY date DESC LIMIT 1`,
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async listTrend(workspaceId: string, accountId: string, from: string, to: string) {
      const rows = await queryRows<RawSnapshot>(
        db,
        sql`SELECT account_id::text AS account_id, date::text AS date, score, outcome_score, experience_score, band, coverage,
              scorecard_id, scorecard_version, '[]'::jsonb AS measures
            FROM health_snapshots WHERE workspace_id = ${workspaceId}::uuid AND account_id = ${accountId}::uuid
              AND date BETWEEN ${from}::date AND ${to}::date ORDER BY date`,
      );
      return rows.map(toRow);
    },

    /** The latest score per account (for tiering and lists): one index probe per account. */
    async listLatestScores(
      workspaceId: string,
      accountIds: readonly string[],
    ): Promise<Map<string, { score: number | null; band: Band | null; date: string }>> {
      const result = new Map<string, { score: number | null; band: Band | null; date: string }>();
      for (let i = 0; i < accountIds.length; i += 10_000) {
        const ids = accountIds.slice(i, i + 10_000);
        const rows = await queryRows<{ id: string; score: number | null; band: Band | null; date: string }>(
          db,
          sql`SELECT a.id::text AS id, s.score, s.band, s.date::text AS date
              FROM unnest(${param(ids)}::uuid[]) AS a(id)
              JOIN LATERAL (SELECT score, band, date FROM health_snapshots h
                            WHERE h.workspace_id = ${workspaceId}::uuid AND h.account_id = a.id ORDER BY date DESC LIMIT 1) s ON true`,
        );
        for (const r of rows) result.set(r.id, { score: toScore(r.score), band: r.band, date: r.date });
      }
      return result;
    },

    async findLatestDate(workspaceId: string): Promise<string | null> {
      const rows = await queryRows<{ day: string | null }>(
        db,
        sql`SELECT max(date)::text AS day FROM health_snapshots WHERE workspace_id = ${workspaceId}::uuid`,
      );
      return rows[0]?.day ?? null;
    },

    /** Accounts per band per day (live accounts only), with the mean score. */
    async listBandCounts(workspaceId: string, from: string, to: string) {
      const rows = await queryRows<{ date: string; red: number; yellow: number; green: number; no_data: number; average: number | null }>(
        db,
        sql`SELECT s.date::text AS date, count(*) FILTER (WHERE s.band = 'red')::int AS red, count(*) FILTER (WHERE s.band = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE s.band = 'green')::int AS green, count(*) FILTER (WHERE s.band IS NULL)::int AS no_data,
              round(avg(s.score)::numeric, 1)::float8 AS average
            FROM health_snapshots s JOIN accounts a ON a.id = s.account_id AND a.workspace_id = s.workspace_id AND a.deleted_at IS NULL
            WHERE s.workspace_id = ${workspaceId}::uuid AND s.date BETWEEN ${from}::date AND ${to}::date
            GROUP BY s.date ORDER BY s.date`,
      );
      return rows.map((r) => ({
        date: r.date,
        red: Number(r.red),
        yellow: Number(r.yellow),
        green: Number(r.green),
        noData: Number(r.no_data),
        averageScore: r.average === null ? null : Number(r.average),
      }));
    },

    /** Score changes between two dates, for accounts scored on both. */
    async listScoreChanges(workspaceId: string, from: string, to: string) {
      const rows = await queryRows<{
        id: string;
        name: string;
        tier: 'S' | 'A' | 'B' | 'C' | null;
        owner_name: string | null;
        from_score: number;
        to_score: number;
        from_band: Band | null;
        to_band: Band | null;
      }>(
        db,
        sql`SELECT a.id::text AS id, a.name, a.tier, u.name AS owner_name, s0.score AS from_score, s1.score AS to_score,
              s0.band AS from_band, s1.band AS to_band
            FROM health_snapshots s1
            JOIN health_snapshots s0 ON s0.workspace_id = s1.workspace_id AND s0.account_id = s1.account_id AND s0.date = ${from}::date
            JOIN accounts a ON a.id = s1.account_id AND a.workspace_id = s1.workspace_id AND a.deleted_at IS NULL
            LEFT JOIN users u ON u.id = a.owner_id
            WHERE s1.workspace_id = ${workspaceId}::uuid AND s1.date = ${to}::date AND s1.score IS NOT NULL AND s0.score IS NOT NULL`,
      );
      return rows.map((r) => ({
        accountId: r.id,
        name: r.name,
        tier: r.tier,
        ownerName: r.owner_name,
        fromScore: toScore(r.from_score)!,
        toScore: toScore(r.to_score)!,
        fromBand: r.from_band,
        toBand: r.to_band,
      }));
    },
  };
}
