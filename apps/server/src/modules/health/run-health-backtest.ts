import type { BacktestReportDto } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { calculateBacktestReport, scoreBacktestAccounts, type BacktestAccount } from './calculate-backtest-report';
import { calculateBacktestOutcomes } from './calculate-backtest-outcomes';
import { calculateMeasureInputs } from './calculate-measure-inputs';
import { localDate } from './calculate-local-date';
import { DEFAULT_SCORECARD_ID } from './default-scorecards';
import { perAccountScope } from './facts-scope';
import { loadHealthContext } from './health-context';
import { loadAccountsById, loadOutcomeFacts } from './scorable-accounts.repository';
import { createSessionRunner, gatherFacts } from './score-accounts';
import type { Scorecard } from './scorecard';
import { suggestScorecardWeights, type WeightSuggestion } from './suggest-scorecard-weights';

export const DEFAULT_HORIZON_DAYS = 90;

/** The report, and the suggested scorecard behind it (for "accept as a new version"). */
export type BacktestRun = { report: BacktestReportDto; scorecard: Scorecard; suggested: Scorecard | null };

/**
 * How well a scorecard would have predicted the churn that happened: every account with a known
 * outcome, scored from the data as it stood `horizonDays` before that outcome (inputs gathered in
 * bulk, each account at its own date), then ROC AUC, churn per band, decile lift, each measure's
 * AUC, and weights fitted by L2 logistic regression (ADR 0008) with their cross-validated AUC.
 */
export function createHealthBacktest({ database, clock }: { database: Database; clock: Clock }) {
  const session = createSessionRunner(database);
  return async function runHealthBacktest(
    workspaceId: string,
    query: { horizonDays?: number; scorecardId?: string },
  ): Promise<BacktestRun> {
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const scorecardId = query.scorecardId ?? DEFAULT_SCORECARD_ID;
    const context = await loadHealthContext(database, workspaceId, clock.now());
    const scorecard = context.scorecards.find((s) => s.id === scorecardId);
    if (!scorecard) throw new AppError('HEALTH_SCORECARD_NOT_FOUND', `Scorecard ${scorecardId} not found`);
    const today = localDate(clock.now(), context.timeZone);

    const outcomes = calculateBacktestOutcomes(await session((q) => loadOutcomeFacts(q, workspaceId)), today, horizonDays);
    const accounts = await session((q) =>
      loadAccountsById(
        q,
        workspaceId,
        outcomes.map((o) => o.accountId),
      ),
    );
    const scope = perAccountScope(
      workspaceId,
      context.timeZone,
      outcomes.map((o) => ({ accountId: o.accountId, date: o.scoreDate })),
    );
    const gathered = await gatherFacts(database, context, scope, accounts, [scorecard]);
    const samples: BacktestAccount[] = outcomes.flatMap((o) => {
      const facts = gathered.facts.get(o.accountId);
      return facts ? [{ accountId: o.accountId, churned: o.churned, inputs: calculateMeasureInputs(scorecard, facts).inputs }] : [];
    });

    const report = calculateBacktestReport(scorecard, samples);
    const results = scoreBacktestAccounts(scorecard, samples);
    const scored = results.filter((r) => r.score !== null);
    const suggestion = samples.length > 0 ? suggestScorecardWeights(scorecard, samples) : null;
    return {
      scorecard,
      suggested: suggestion?.scorecard ?? null,
      report: {
        scorecardId,
        scorecardVersion: scorecard.version,
        horizonDays,
        asOf: today,
        auc: report.auc.auc,
        accounts: report.accounts,
        churned: report.churned,
        retained: report.accounts - report.churned,
        scored: scored.length,
        meanCoverage:
          results.length > 0 ? Math.round((results.reduce((sum, r) => sum + r.coverage, 0) / results.length) * 1000) / 1000 : null,
        bands: report.bandChurnRates,
        baseChurnRate: report.decileLift.baseChurnRate,
        lowestDecileLift: report.decileLift.lowestDecileLift,
        deciles: report.decileLift.deciles,
        measures: report.measureAucs.map(({ key, auc }) => {
          const measure = scorecard.measures.find((m) => m.key === key)!;
          return { name: key, label: measure.label, group: measure.group, auc: auc.auc, accounts: auc.accounts, churned: auc.churned };
        }),
        suggestion: suggestion ? toSuggestionDto(scorecard, suggestion) : null,
      },
    };
  };
}

function toSuggestionDto(scorecard: Scorecard, suggestion: WeightSuggestion): NonNullable<BacktestReportDto['suggestion']> {
  const cv = suggestion.crossValidated;
  const [current, suggested] =
    cv && cv.current !== null && cv.suggested !== null
      ? [cv.current, cv.suggested]
      : [suggestion.inSample.current, suggestion.inSample.suggested];
  return {
    method: suggestion.method,
    groups: {
      outcome: {
        current: scorecard.groups.outcome.weight,
        suggested: suggestion.scorecard?.groups.outcome.weight ?? scorecard.groups.outcome.weight,
      },
      experience: {
        current: scorecard.groups.experience.weight,
        suggested: suggestion.scorecard?.groups.experience.weight ?? scorecard.groups.experience.weight,
      },
    },
    measures: suggestion.measures.map((m) => ({
      key: m.key,
      group: m.group,
      currentWeight: m.currentWeight,
      suggestedWeight: m.suggestedWeight,
      perPoint: m.perPoint,
      observed: m.observed,
    })),
    inSample: suggestion.inSample,
    crossValidated: cv,
    aucChange: current !== null && suggested !== null && suggestion.scorecard ? Math.round((suggested - current) * 1000) / 1000 : null,
  };
}
