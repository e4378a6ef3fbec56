import type {
  ImportScorecard,
  RollbackScorecard,
  SaveScorecard,
  Scorecard as ScorecardDto,
  ScorecardDefinition,
  ScorecardExport,
  ScorecardList,
  ScorecardVersionList,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { diffScorecards, summariseScorecardChanges } from './diff-scorecards';
import { ensureBuiltInScorecards } from './health-context';
import { createHealthScorecardsRepository, type ScorecardVersionRow, type VersionSource } from './health-scorecards.repository';
import { parseScorecard, serialiseScorecard, type ScorecardFormat } from './scorecard-as-code';
import type { NorthStarSource } from './scorecard';
import { findScorecardProblems, toStoredScorecard, type StoredScorecard } from './stored-scorecard';
import { toScorecardDefinition, toScorecardDto, toVersionSummary } from './to-health-dto';

type Deps = { database: Database; clock: Clock; afterChange: (workspaceId: string) => Promise<void> };

function invalid(details: ReturnType<typeof findScorecardProblems>): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid scorecard: ${details.map((d) => `${d.field}: ${d.problem}`).join('; ')}`, details);
}

/** Scorecards as versioned code: every save is a new version with its author and diff; rollback is a save too. */
export function createHealthScorecardsService({ database, clock, afterChange }: Deps) {
  const repo = createHealthScorecardsRepository(database.db);
  const ensure = (workspaceId: string) => ensureBuiltInScorecards(database, workspaceId, clock.now());

  async function getRow(workspaceId: string, scorecardId: string, version?: number): Promise<ScorecardVersionRow> {
    await ensure(workspaceId);
    const row = await repo.findVersion(workspaceId, scorecardId, version);
    if (row) return row;
    if (version !== undefined && (await repo.findVersion(workspaceId, scorecardId))) {
      throw new AppError('HEALTH_SCORECARD_VERSION_NOT_FOUND', `Scorecard ${scorecardId} has no version ${version}`);
    }
    throw new AppError('HEALTH_SCORECARD_NOT_FOUND', `Scorecard ${scorecardId} not found`);
  }

  /**
   * Appends a version under the workspace's scorecard lock. `expect` is 'new' (the id must be
   * free), or the base version the caller edited (refused if someone saved since). Saving what is
   * already current records nothing and returns the current version.
   */
  async function writeVersion(
    workspaceId: string,
    scorecardId: string,
    definition: StoredScorecard,
    meta: {
      authorId: string | null;
      source: VersionSource;
      note: string | null;
      expect: 'new' | 'any' | number;
      problemPrefix?: string;
      /** The caller rescores itself (the demo rebuilds history right after). */
      skipRescore?: boolean;
    },
  ): Promise<ScorecardDto> {
    const problems = findScorecardProblems(definition, scorecardId, meta.problemPrefix ?? '');
    if (problems.length > 0) throw invalid(problems);
    await ensure(workspaceId);
    const saved = await database.db.transaction(async (tx) => {
      const txRepo = createHealthScorecardsRepository(tx);
      await txRepo.lockScorecards(workspaceId);
      const current = await txRepo.findVersion(workspaceId, scorecardId);
      if (meta.expect === 'new' && current)
        throw new AppError('HEALTH_SCORECARD_EXISTS', `A scorecard with id ${scorecardId} already exists`, [
          { field: 'id', location: 'body', problem: 'is taken' },
        ]);
      if (typeof meta.expect === 'number' && current && current.version !== meta.expect) {
        throw new AppError(
          'HEALTH_SCORECARD_VERSION_CONFLICT',
          `Scorecard ${scorecardId} is at version ${current.version}, not ${meta.expect}: reload and apply your change again`,
          [{ field: 'baseVersion', location: 'body', problem: `is ${meta.expect} but the current version is ${current.version}` }],
        );
      }
      const changes = diffScorecards(current?.definition ?? null, definition);
      if (current && changes.length === 0) return null;
      await txRepo.insertVersion(workspaceId, {
        scorecardId,
        version: (current?.version ?? 0) + 1,
        definition,
        authorId: meta.authorId,
        source: meta.source,
        note: meta.note,
        changes,
        summary: current ? summariseScorecardChanges(changes) : `new scorecard "${definition.name}"`,
        at: clock.now(),
      });
      return true;
    });
    if (saved && !meta.skipRescore) await afterChange(workspaceId);
    return toScorecardDto(await getRow(workspaceId, scorecardId));
  }

  return {
    /** Every scorecard at its current version. */
    async listScorecards(workspaceId: string): Promise<ScorecardList> {
      await ensure(workspaceId);
      return { items: (await repo.listCurrent(workspaceId)).map(toScorecardDto) };
    },

    /** The current version, or a given one. */
    async getScorecard(workspaceId: string, scorecardId: string, version?: number): Promise<ScorecardDto> {
      return toScorecardDto(await getRow(workspaceId, scorecardId, version));
    },

    async listVersions(workspaceId: string, scorecardId: string): Promise<ScorecardVersionList> {
      await getRow(workspaceId, scorecardId);
      return { scorecardId, items: (await repo.listVersions(workspaceId, scorecardId)).map(toVersionSummary) };
    },

    /** A new scorecard, version 1. */
    async createScorecard(workspaceId: string, authorId: string | null, input: ScorecardDefinition): Promise<ScorecardDto> {
      return writeVersion(workspaceId, input.id, toStoredScorecard(input), { authorId, source: 'created', note: null, expect: 'new' });
    },

    /** A new version of an existing scorecard. */
    async saveScorecard(workspaceId: string, authorId: string | null, scorecardId: string, input: SaveScorecard): Promise<ScorecardDto> {
      const current = await getRow(workspaceId, scorecardId);
      const { baseVersion, note, ...definition } = input;
      return writeVersion(workspaceId, scorecardId, toStoredScorecard(definition), {
        authorId,
        source: 'edit',
        note: note?.trim() || null,
        expect: baseVersion ?? current.version,
      });
    },

    /** Rollback is forward-only: a new version copying an old one. */
    async rollbackScorecard(
      workspaceId: string,
      authorId: string | null,
      scorecardId: string,
      input: RollbackScorecard,
    ): Promise<ScorecardDto> {
      const old = await getRow(workspaceId, scorecardId, input.version);
      return writeVersion(workspaceId, scorecardId, old.definition, {
        authorId,
        source: 'rollback',
        note: input.note?.trim() || `rolled back to version ${input.version}`,
        expect: 'any',
      });
    },

    /** Fitted weights (see suggest-scorecard-weights) saved as a version. */
    async saveSuggestedVersion(
      workspaceId: string,
      authorId: string | null,
      scorecardId: string,
      definition: StoredScorecard,
      baseVersion: number,
      note: string,
    ) {
      return writeVersion(workspaceId, scorecardId, definition, { authorId, source: 'suggestion', note, expect: baseVersion });
    },

    /** Points every scorecard's north-star measure at one event: a workspace names its north star once. */
    async setNorthStarSource(
      workspaceId: string,
      authorId: string | null,
      source: NorthStarSource,
      options: { note: string; skipRescore?: boolean },
    ): Promise<void> {
      await ensure(workspaceId);
      for (const row of await repo.listCurrent(workspaceId)) {
        if (!row.definition.measures.some((m) => m.kind === 'north_star')) continue;
        const definition = {
          ...row.definition,
          measures: row.definition.measures.map((m) => (m.kind === 'north_star' ? { ...m, northStar: source } : m)),
        };
        await writeVersion(workspaceId, row.scorecardId, definition, {
          authorId,
          source: 'edit',
          note: options.note,
          expect: row.version,
          skipRescore: options.skipRescore ?? false,
        });
      }
    },

    async exportScorecard(workspaceId: string, scorecardId: string, format: ScorecardFormat): Promise<ScorecardExport> {
      const row = await getRow(workspaceId, scorecardId);
      return {
        format,
        filename: `scorecard-${scorecardId}-v${row.version}.${format === 'json' ? 'json' : 'yaml'}`,
        content: serialiseScorecard(toScorecardDefinition(row), format),
      };
    },

    /** A scorecard file: creates the scorecard, or saves a new version when its id exists. */
    async importScorecard(workspaceId: string, authorId: string | null, input: ImportScorecard): Promise<ScorecardDto> {
      const parsed = parseScorecard(input.content, input.format);
      if ('problems' in parsed) throw invalid(parsed.problems);
      const { id, ...definition } = parsed.definition;
      return writeVersion(workspaceId, id, toStoredScorecard(definition), {
        authorId,
        source: 'import',
        note: input.note?.trim() || null,
        expect: 'any',
        problemPrefix: 'content.',
      });
    },
  };
}

export type HealthScorecardsService = ReturnType<typeof createHealthScorecardsService>;
