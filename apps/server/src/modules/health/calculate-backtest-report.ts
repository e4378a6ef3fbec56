import { calculateBandChurnRates, type BandChurnRate } from './calculate-band-churn-rates';
import { calculateDecileLift, type DecileLift } from './calculate-decile-lift';
import { calculateHealthScore, type HealthScoreResult } from './calculate-health-score';
import { calculateRocAuc, type RocAuc } from './calculate-roc-auc';
import type { MeasureInputs, Scorecard } from './scorecard';

/**
 * An account whose outcome is known, with its measure inputs as they stood N days before that
 * outcome (the churn date, or the renewal date it was retained past). Choosing N and reading
 * the inputs as of that date is the caller's job.
 */
export type BacktestAccount = { accountId: string; inputs: MeasureInputs; churned: boolean };

/** How well a scorecard would have predicted the known outcomes. */
export type BacktestReport = {
  accounts: number;
  churned: number;
  /** AUC of the health score, low score predicting churn (see calculateRocAuc). */
  auc: RocAuc;
  bandChurnRates: BandChurnRate[];
  decileLift: DecileLift;
  /** Each measure's own AUC over the accounts where it had data. */
  measureAucs: { key: string; auc: RocAuc }[];
};

/** Scores every account with the scorecard. */
export function scoreBacktestAccounts(scorecard: Scorecard, accounts: readonly BacktestAccount[]): HealthScoreResult[] {
  return accounts.map((account) => calculateHealthScore(scorecard, account.inputs));
}

/** The backtest of one scorecard over accounts with known outcomes. */
export function calculateBacktestReport(scorecard: Scorecard, accounts: readonly BacktestAccount[]): BacktestReport {
  const results = scoreBacktestAccounts(scorecard, accounts);
  const samples = results.map((result, i) => ({ score: result.score, churned: accounts[i]?.churned ?? false }));
  return {
    accounts: accounts.length,
    churned: accounts.filter((account) => account.churned).length,
    auc: calculateRocAuc(samples),
    bandChurnRates: calculateBandChurnRates(samples, scorecard.bands),
    decileLift: calculateDecileLift(samples),
    measureAucs: scorecard.measures.map((measure, m) => ({
      key: measure.key,
      auc: calculateRocAuc(
        results.map((result, i) => ({ score: result.measures[m]?.score ?? null, churned: accounts[i]?.churned ?? false })),
      ),
    })),
  };
}
