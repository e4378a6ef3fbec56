import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { users } from '../users/users.schema';
import type { ScorecardChange } from './diff-scorecards';
import { healthScorecards, healthScorecardVersions, healthSettings } from './health.schema';
import { toStoredScorecard, type StoredScorecard } from './stored-scorecard';

export type VersionSource = (typeof healthScorecardVersions.$inferSelect)['source'];
export type ScorecardVersionRow = typeof healthScorecardVersions.$inferSelect & { authorName: string | null; currentVersion: number };
export type NewScorecardVersion = {
  scorecardId: string;
  version: number;
  definition: StoredScorecard;
  authorId: string | null;
  source: VersionSource;
  note: string | null;
  changes: ScorecardChange[];
  summary: string;
  at: Date;
};

const versionColumns = {
  workspaceId: healthScorecardVersions.workspaceId,
  scorecardId: healthScorecardVersions.scorecardId,
  version: healthScorecardVersions.version,
  definition: healthScorecardVersions.definition,
  authorId: healthScorecardVersions.authorId,
  source: healthScorecardVersions.source,
  note: healthScorecardVersions.note,
  changes: healthScorecardVersions.changes,
  summary: healthScorecardVersions.summary,
  createdAt: healthScorecardVersions.createdAt,
  authorName: users.name,
  currentVersion: healthScorecards.currentVersion,
};

// jsonb keeps object keys in its own order (shortest first): put them back in the scorecard's
// canonical order, so exports read naturally and diffs compare like with like.
const normalise = (row: ScorecardVersionRow): ScorecardVersionRow => ({ ...row, definition: toStoredScorecard(row.definition) });

/** SQL for scorecards, their versions and the workspace's health settings. workspaceId first. */
export function createHealthScorecardsRepository(db: Db) {
  const fromVersions = () =>
    db
      .select(versionColumns)
      .from(healthScorecardVersions)
      .innerJoin(
        healthScorecards,
        and(
          eq(healthScorecards.workspaceId, healthScorecardVersions.workspaceId),
          eq(healthScorecards.scorecardId, healthScorecardVersions.scorecardId),
        ),
      )
      .leftJoin(users, eq(users.id, healthScorecardVersions.authorId));

  return {
    /** The current version of every scorecard. */
    async listCurrent(workspaceId: string): Promise<ScorecardVersionRow[]> {
      const rows = await fromVersions()
        .where(
          and(eq(healthScorecardVersions.workspaceId, workspaceId), eq(healthScorecardVersions.version, healthScorecards.currentVersion)),
        )
        .orderBy(asc(healthScorecardVersions.scorecardId));
      return rows.map(normalise);
    },

    async findVersion(workspaceId: string, scorecardId: string, version?: number): Promise<ScorecardVersionRow | undefined> {
      const [row] = await fromVersions().where(
        and(
          eq(healthScorecardVersions.workspaceId, workspaceId),
          eq(healthScorecardVersions.scorecardId, scorecardId),
          eq(healthScorecardVersions.version, version ?? healthScorecards.currentVersion),
        ),
      );
      return row && normalise(row);
    },

    async listVersions(workspaceId: string, scorecardId: string): Promise<ScorecardVersionRow[]> {
      const rows = await fromVersions()
        .where(and(eq(healthScorecardVersions.workspaceId, workspaceId), eq(healthScorecardVersions.scorecardId, scorecardId)))
        .orderBy(desc(healthScorecardVersions.version));
      return rows.map(normalise);
    },

    /** Every version some snapshot may point at, for decoding history (small: a few per scorecard). */
    async listAllVersions(workspaceId: string): Promise<ScorecardVersionRow[]> {
      return (await fromVersions().where(eq(healthScorecardVersions.workspaceId, workspaceId))).map(normalise);
    },

    async hasScorecards(workspaceId: string): Promise<boolean> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(healthScorecards)
        .where(eq(healthScorecards.workspaceId, workspaceId));
      return (row?.n ?? 0) > 0;
    },

    /** Appends a version and makes it current, in the caller's transaction. */
    async insertVersion(workspaceId: string, v: NewScorecardVersion): Promise<void> {
      await db.insert(healthScorecardVersions).values({ workspaceId, ...v, createdAt: v.at });
      await db
        .insert(healthScorecards)
        .values({ workspaceId, scorecardId: v.scorecardId, currentVersion: v.version, createdAt: v.at, updatedAt: v.at })
        .onConflictDoUpdate({
          target: [healthScorecards.workspaceId, healthScorecards.scorecardId],
          set: { currentVersion: v.version, updatedAt: v.at },
        });
    },

    /** The built-in scorecards as version 1, once per workspace; a concurrent seeder's rows win. */
    async seedVersions(workspaceId: string, versions: readonly NewScorecardVersion[]): Promise<void> {
      for (const v of versions) {
        const inserted = await db
          .insert(healthScorecards)
          .values({ workspaceId, scorecardId: v.scorecardId, currentVersion: v.version, createdAt: v.at, updatedAt: v.at })
          .onConflictDoNothing()
          .returning({ id: healthScorecards.scorecardId });
        if (inserted.length > 0) await db.insert(healthScorecardVersions).values({ workspaceId, ...v, createdAt: v.at });
      }
    },

    /** Serialises saves of one workspace's scorecards inside the caller's transaction. */
    async lockScorecards(workspaceId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`health-scorecards:${workspaceId}`}))`);
    },

    async findSettings(workspaceId: string) {
      const [row] = await db.select().from(healthSettings).where(eq(healthSettings.workspaceId, workspaceId));
      return row;
    },

    async upsertSettings(
      workspaceId: string,
      values: { bandRed: number; bandYellow: number; scoreDropThreshold: number; updatedBy: string | null; at: Date },
    ) {
      const row = {
        bandRed: values.bandRed,
        bandYellow: values.bandYellow,
        scoreDropThreshold: values.scoreDropThreshold,
        updatedBy: values.updatedBy,
        updatedAt: values.at,
      };
      await db
        .insert(healthSettings)
        .values({ workspaceId, ...row })
        .onConflictDoUpdate({ target: healthSettings.workspaceId, set: row });
    },

    async findWorkspaceTimezone(workspaceId: string): Promise<string | undefined> {
      const rows = (await db.execute(sql`SELECT timezone FROM workspaces WHERE id = ${workspaceId}::uuid`)) as unknown as {
        rows: { timezone: string }[];
      };
      return rows.rows[0]?.timezone;
    },
  };
}
