import type { HealthSettings } from '@northstar/contracts';
import type { Database } from '../../platform/db/database';
import { defaultScorecards } from './default-scorecards';
import { createHealthScorecardsRepository, type ScorecardVersionRow } from './health-scorecards.repository';
import type { BandThresholds, Scorecard } from './scorecard';
import { DEFAULT_BANDS, toScorecard, toStoredScorecard } from './stored-scorecard';

/** The workspace's settings when it never saved any. */
export const DEFAULT_HEALTH_SETTINGS: HealthSettings = { bands: DEFAULT_BANDS, scoreDropThreshold: 10 };

/** What every scoring use case starts from. */
export type HealthContext = {
  workspaceId: string;
  timeZone: string;
  settings: HealthSettings;
  /** The current version of each scorecard, with the workspace's bands. */
  scorecards: Scorecard[];
  /** Every stored version by "id@version", to read old snapshots with the version that scored them. */
  versions: Map<string, Scorecard>;
};

export const versionKey = (id: string, version: number) => `${id}@${version}`;

/** A version row as the scorer sees it. */
export function toScorecardFromRow(
  row: Pick<ScorecardVersionRow, 'scorecardId' | 'version' | 'definition'>,
  bands: BandThresholds,
): Scorecard {
  return toScorecard(row.definition, row.scorecardId, row.version, bands);
}

/**
 * Gives a workspace that has no scorecard the built-in ones (DOMAIN §2: default 80/20, key
 * accounts 70/30) as version 1, so they are versioned, exported and rolled back like any other.
 */
export async function ensureBuiltInScorecards(database: Database, workspaceId: string, at: Date): Promise<void> {
  const repo = createHealthScorecardsRepository(database.db);
  if (await repo.hasScorecards(workspaceId)) return;
  await repo.seedVersions(
    workspaceId,
    defaultScorecards().map((scorecard) => ({
      scorecardId: scorecard.id,
      version: 1,
      definition: toStoredScorecard(scorecard),
      authorId: null,
      source: 'built_in' as const,
      note: null,
      changes: [],
      summary: 'built-in scorecard',
      at,
    })),
  );
}

/** Settings, time zone and scorecards of a workspace (seeding the built-in scorecards on first use). */
export async function loadHealthContext(database: Database, workspaceId: string, at: Date): Promise<HealthContext> {
  await ensureBuiltInScorecards(database, workspaceId, at);
  const repo = createHealthScorecardsRepository(database.db);
  const [settingsRow, timeZone, all] = await Promise.all([
    repo.findSettings(workspaceId),
    repo.findWorkspaceTimezone(workspaceId),
    repo.listAllVersions(workspaceId),
  ]);
  const settings: HealthSettings = settingsRow
    ? { bands: { red: settingsRow.bandRed, yellow: settingsRow.bandYellow }, scoreDropThreshold: settingsRow.scoreDropThreshold }
    : DEFAULT_HEALTH_SETTINGS;
  const versions = new Map(all.map((row) => [versionKey(row.scorecardId, row.version), toScorecardFromRow(row, settings.bands)]));
  const scorecards = all
    .filter((row) => row.version === row.currentVersion)
    .map((row) => versions.get(versionKey(row.scorecardId, row.version))!);
  return { workspaceId, timeZone: timeZone ?? 'UTC', settings, scorecards, versions };
}
