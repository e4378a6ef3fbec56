import type { Database } from '../../platform/db/database';
import { calculateHealthScore, calculateScoreParts, type HealthScoreResult } from './calculate-health-score';
import { calculateMeasureInputs, northStarKey, type AccountMeasureFacts } from './calculate-measure-inputs';
import type { FactsScope } from './facts-scope';
import type { SnapshotWrite } from './health-snapshots.repository';
import type { HealthContext } from './health-context';
import { withHealthSession, type SessionQuery } from './health-session';
import { collectMeasureFacts, type FactsNeeds } from './measure-facts.repository';
import { loadFeatureKeys, loadSegmentMemberships, type ScorableAccount } from './scorable-accounts.repository';
import type { NorthStarSource, Scorecard } from './scorecard';
import { selectScorecard } from './select-scorecard';
import { encodeScoreParts } from './stored-snapshot';

/** One account's score with the scorecard that gave it. */
export type ScoredAccount = { account: ScorableAccount; scorecard: Scorecard; result: HealthScoreResult };

/** Runs a unit of gathering work in a session. */
export type SessionRunner = <T>(fn: (query: SessionQuery) => Promise<T>) => Promise<T>;

/** A session per call: concurrent calls run on separate pooled connections on PostgreSQL. */
export function createSessionRunner(database: Database): SessionRunner {
  return (fn) => withHealthSession(database, fn);
}

/**
 * Runs `fn` with the runner suited to the engine: on PostgreSQL a session per call (the large
 * aggregates then run on two cores at once); on PGlite, which has one connection and serialises
 * them anyway, every call in one session, saving a transaction and its settings per query.
 */
export async function withGatheringSessions<T>(database: Database, fn: (session: SessionRunner) => Promise<T>): Promise<T> {
  if (database.engine === 'postgres') return fn(createSessionRunner(database));
  return withHealthSession(database, (query) => fn((work) => work(query)));
}

/** Every distinct north-star source the scorecards name. */
export function listNorthStarSources(scorecards: readonly Scorecard[]): NorthStarSource[] {
  const sources = new Map<string, NorthStarSource>();
  for (const scorecard of scorecards) {
    for (const measure of scorecard.measures)
      if (measure.kind === 'north_star' && measure.northStar) sources.set(northStarKey(measure.northStar), measure.northStar);
  }
  return [...sources.values()];
}

/** The gathered inputs of a batch of accounts, to score with one or several sets of scorecards. */
export type GatheredFacts = {
  accounts: readonly ScorableAccount[];
  facts: Map<string, AccountMeasureFacts>;
  memberships: Map<string, string[]>;
};

/**
 * Gathers the inputs of accounts as of the scope's date(s) in bulk: what every scorecard in
 * `scorecards` needs (their north-star sources, segment rules).
 */
export async function gatherFacts(
  database: Database,
  context: HealthContext,
  scope: FactsScope,
  accounts: readonly ScorableAccount[],
  scorecards: readonly Scorecard[],
  session: SessionRunner = createSessionRunner(database),
  experience?: FactsNeeds['experience'],
): Promise<GatheredFacts> {
  if (accounts.length === 0) return { accounts, facts: new Map(), memberships: new Map() };
  const usesSegments = scorecards.some((s) => (s.applicability.segmentIds?.length ?? 0) > 0);
  const [features, memberships] = await session(
    async (query) =>
      [
        await loadFeatureKeys(query, context.workspaceId),
        usesSegments ? await loadSegmentMemberships(query, context.workspaceId) : new Map<string, string[]>(),
      ] as const,
  );
  const facts = await collectMeasureFacts(session, scope, accounts, {
    northStar: listNorthStarSources(scorecards),
    features,
    ...(experience ? { experience } : {}),
  });
  return { accounts, facts, memberships };
}

const NO_SEGMENTS: readonly string[] = [];

/**
 * Picks an account's scorecard by tier, stage and segments. The choice depends on those alone,
 * which 100k accounts share in a few combinations: each is chosen once.
 */
function createScorecardChooser(gathered: GatheredFacts, scorecards: readonly Scorecard[]): (account: ScorableAccount) => Scorecard {
  const chosen = new Map<string, Scorecard>();
  return (account) => {
    const segmentIds = gathered.memberships.get(account.id) ?? NO_SEGMENTS;
    const subjectKey = `${account.tier}\u001f${account.stage}\u001f${segmentIds.join('\u001f')}`;
    let scorecard = chosen.get(subjectKey);
    if (!scorecard) {
      scorecard = selectScorecard({ tier: account.tier, stage: account.stage, segmentIds }, scorecards);
      chosen.set(subjectKey, scorecard);
    }
    return scorecard;
  };
}

/** Picks each account's scorecard (tier, stage, segments) and scores it in memory with the pure core. */
export function scoreGathered(gathered: GatheredFacts, scorecards: readonly Scorecard[]): ScoredAccount[] {
  const chooseScorecard = createScorecardChooser(gathered, scorecards);
  return gathered.accounts.map((account) => {
    const scorecard = chooseScorecard(account);
    const { inputs, details } = calculateMeasureInputs(scorecard, gathered.facts.get(account.id)!);
    return { account, scorecard, result: calculateHealthScore(scorecard, inputs, details) };
  });
}

/**
 * scoreGathered for storage: each account's snapshot as written, measures encoded straight from
 * the score's parts (no labelled measure objects for 100k accounts to allocate and collect).
 */
export function scoreGatheredForStorage(gathered: GatheredFacts, scorecards: readonly Scorecard[]): SnapshotWrite[] {
  const chooseScorecard = createScorecardChooser(gathered, scorecards);
  return gathered.accounts.map((account) => {
    const scorecard = chooseScorecard(account);
    const { inputs, details } = calculateMeasureInputs(scorecard, gathered.facts.get(account.id)!);
    const parts = calculateScoreParts(scorecard, inputs);
    return {
      accountId: account.id,
      score: parts.score,
      outcome: parts.outcome,
      experience: parts.experience,
      band: parts.band,
      coverage: parts.coverage,
      scorecardId: parts.scorecardId,
      scorecardVersion: parts.scorecardVersion,
      measuresJson: JSON.stringify(encodeScoreParts(scorecard, parts, details)),
    };
  });
}

/** Scores accounts as of the scope's date(s) with the workspace's current scorecards (or `scorecards`). */
export async function scoreAccounts(
  database: Database,
  context: HealthContext,
  scope: FactsScope,
  accounts: readonly ScorableAccount[],
  scorecards: readonly Scorecard[] = context.scorecards,
  session?: SessionRunner,
  experience?: FactsNeeds['experience'],
): Promise<ScoredAccount[]> {
  return scoreGathered(await gatherFacts(database, context, scope, accounts, scorecards, session, experience), scorecards);
}
