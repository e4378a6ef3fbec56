import type { Database } from '../../platform/db/database';
import { calculateHealthScore, type HealthScoreResult } from './calculate-health-score';
import { calculateMeasureInputs, northStarKey } from './calculate-measure-inputs';
import type { FactsScope } from './facts-scope';
import type { HealthContext } from './health-context';
import { withHealthSession, type SessionQuery } from './health-session';
import { collectMeasureFacts } from './measure-facts.repository';
import { loadFeatureKeys, loadSegmentMemberships, type ScorableAccount } from './scorable-accounts.repository';
import type { NorthStarSource, Scorecard } from './scorecard';
import { selectScorecard } from './select-scorecard';

/** One account's score with the scorecard that gave it. */
export type ScoredAccount = { account: ScorableAccount; scorecard: Scorecard; result: HealthScoreResult };

/** A session per call: concurrent calls run on separate pooled connections on PostgreSQL. */
export function createSessionRunner(database: Database) {
  return <T>(fn: (query: SessionQuery) => Promise<T>) => withHealthSession(database, fn);
}

/** Every distinct north-star source the scorecards name. */
export function listNorthStarSources(scorecards: readonly Scorecard[]): NorthStarSource[] {
  const sources = new Map<string, NorthStarSource>();
  for (const scorecard of scorecards) {
    for (const measure of scorecard.measures) if (measure.kind === 'north_star' && measure.northStar) sources.set(northStarKey(measure.northStar), measure.northStar);
  }
  return [...sources.values()];
}

/**
 * Scores accounts as of the scope's date(s): gathers their inputs in bulk, picks each account's
 * scorecard (tier, stage, segments), and scores in memory with the pure core. `scorecards`
 * defaults to the workspace's current ones (a preview passes a proposed set; the backtest one).
 */
export async function scoreAccounts(
  database: Database,
  context: HealthContext,
  scope: FactsScope,
  accounts: readonly ScorableAccount[],
  scorecards: readonly Scorecard[] = context.scorecards,
): Promise<ScoredAccount[]> {
  if (accounts.length === 0) return [];
  const session = createSessionRunner(database);
  const usesSegments = scorecards.some((s) => (s.applicability.segmentIds?.length ?? 0) > 0);
  const [features, memberships] = await session(async (query) => [
    await loadFeatureKeys(query, context.workspaceId),
    usesSegments ? await loadSegmentMemberships(query, context.workspaceId) : new Map<string, string[]>(),
  ] as const);
  const facts = await collectMeasureFacts(session, scope, accounts, { northStar: listNorthStarSources(scorecards), features });
  return accounts.map((account) => {
    const scorecard = selectScorecard({ tier: account.tier, stage: account.stage, segmentIds: memberships.get(account.id) ?? [] }, scorecards);
    const { inputs, details } = calculateMeasureInputs(scorecard, facts.get(account.id)!);
    return { account, scorecard, result: calculateHealthScore(scorecard, inputs, details) };
  });
}
