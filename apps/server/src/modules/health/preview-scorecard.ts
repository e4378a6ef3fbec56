import type { ScorecardDefinition, ScorecardPreview } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { localDate } from './calculate-local-date';
import { singleDateScope } from './facts-scope';
import { loadHealthContext } from './health-context';
import { loadScorableAccounts } from './scorable-accounts.repository';
import { createSessionRunner, gatherFacts, scoreGathered, type ScoredAccount } from './score-accounts';
import type { Band } from './scorecard';
import { findScorecardProblems, toScorecard, toStoredScorecard } from './stored-scorecard';

const MAX_ITEMS = 500;

function countBands(scored: readonly ScoredAccount[]) {
  const counts = { red: 0, yellow: 0, green: 0, noData: 0 };
  for (const { result } of scored) counts[(result.band ?? 'noData') as Band | 'noData'] += 1;
  return counts;
}

/**
 * What saving a proposed scorecard would do today: every live account scored from the same
 * gathered inputs twice, with the current scorecards and with the proposal in place (replacing
 * the scorecard of the same id, or added), and the accounts whose band would change.
 */
export function createScorecardPreview({ database, clock }: { database: Database; clock: Clock }) {
  const session = createSessionRunner(database);
  return async function previewScorecard(workspaceId: string, proposal: ScorecardDefinition): Promise<ScorecardPreview> {
    const { id, ...definition } = proposal;
    const stored = toStoredScorecard(definition);
    const problems = findScorecardProblems(stored, id, 'scorecard.');
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', `Invalid scorecard: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, problems);
    const context = await loadHealthContext(database, workspaceId, clock.now());
    const current = context.scorecards.find((s) => s.id === id);
    const proposed = toScorecard(stored, id, (current?.version ?? 0) + 1, context.settings.bands);
    const proposedSet = [...context.scorecards.filter((s) => s.id !== id), proposed];

    const date = localDate(clock.now(), context.timeZone);
    const scope = singleDateScope(workspaceId, context.timeZone, date, null);
    const accounts = await session((query) => loadScorableAccounts(query, scope));
    const gathered = await gatherFacts(database, context, scope, accounts, [...context.scorecards, proposed]);
    const before = scoreGathered(gathered, context.scorecards);
    const after = scoreGathered(gathered, proposedSet);

    const moved = after.flatMap((next, i) => {
      const previous = before[i]!;
      if (previous.result.band === next.result.band) return [];
      return [
        {
          accountId: next.account.id,
          name: next.account.name,
          tier: next.account.tier,
          fromScore: previous.result.score,
          toScore: next.result.score,
          fromBand: previous.result.band,
          toBand: next.result.band,
          fromScorecardId: previous.scorecard.id,
          toScorecardId: next.scorecard.id,
        },
      ];
    });
    moved.sort(
      (a, b) =>
        Math.abs((b.toScore ?? 0) - (b.fromScore ?? 0)) - Math.abs((a.toScore ?? 0) - (a.fromScore ?? 0)) || (a.name < b.name ? -1 : 1),
    );
    return {
      date,
      accounts: accounts.length,
      affected: after.filter((s) => s.scorecard.id === id).length,
      changed: moved.length,
      before: countBands(before),
      after: countBands(after),
      items: moved.slice(0, MAX_ITEMS),
      truncated: moved.length > MAX_ITEMS,
    };
  };
}
