import { addDays, addYears } from './calculate-local-date';

/** What the backtest needs to know about an account's outcome. */
export type OutcomeFacts = {
  id: string;
  status: 'active' | 'churned';
  churnDate: string | null;
  contractStart: string | null;
  /** The next renewal date as stored; an active account was retained past the one a year before it. */
  renewalDate: string | null;
};

/** An account with a known outcome and the date to score it on: `horizonDays` before that outcome. */
export type BacktestOutcome = { accountId: string; churned: boolean; outcomeDate: string; scoreDate: string };

/**
 * The accounts whose outcome is known as of `today` (issue #5 §5): churned (status and churn
 * date), or still active past a renewal date — the stored one if it has passed, else the
 * anniversary a year before it, when the contract had run a full year by then. An account that
 * was not yet a customer on its score date is left out: there is nothing to score.
 */
export function calculateBacktestOutcomes(accounts: readonly OutcomeFacts[], today: string, horizonDays: number): BacktestOutcome[] {
  const outcomes: BacktestOutcome[] = [];
  for (const account of accounts) {
    let outcome: { churned: boolean; date: string } | null = null;
    if (account.status === 'churned') {
      if (account.churnDate && account.churnDate <= today) outcome = { churned: true, date: account.churnDate };
    } else if (account.renewalDate) {
      const passed = account.renewalDate <= today ? account.renewalDate : addYears(account.renewalDate, -1);
      const ranAYear = account.contractStart === null || addYears(account.contractStart, 1) <= passed;
      if (passed <= today && ranAYear) outcome = { churned: false, date: passed };
    }
    if (!outcome) continue;
    const scoreDate = addDays(outcome.date, -horizonDays);
    if (account.contractStart && scoreDate < account.contractStart) continue;
    outcomes.push({ accountId: account.id, churned: outcome.churned, outcomeDate: outcome.date, scoreDate });
  }
  return outcomes;
}
