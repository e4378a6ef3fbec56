import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateBacktestOutcomes, type OutcomeFacts } from './calculate-backtest-outcomes';
import { addYears, localDate } from './calculate-local-date';

const today = '2026-05-01';
const account = (id: string, facts: Partial<OutcomeFacts>): OutcomeFacts => ({
  id,
  status: 'active',
  churnDate: null,
  contractStart: '2024-01-10',
  renewalDate: '2027-01-10',
  ...facts,
});

describe('calculateBacktestOutcomes', () => {
  it('scores a churned account the horizon before its churn date', () => {
    const [outcome] = calculateBacktestOutcomes(
      [account('a', { status: 'churned', churnDate: '2026-03-31', renewalDate: null })],
      today,
      90,
    );
    assert.deepEqual(outcome, { accountId: 'a', churned: true, outcomeDate: '2026-03-31', scoreDate: '2025-12-31' });
  });

  it('counts an active account as retained past the renewal a year before its next one', () => {
    const [outcome] = calculateBacktestOutcomes([account('b', {})], today, 30);
    assert.deepEqual(outcome, { accountId: 'b', churned: false, outcomeDate: '2026-01-10', scoreDate: '2025-12-11' });
  });

  it('takes a stored renewal date that has passed as the renewal retained past', () => {
    const [outcome] = calculateBacktestOutcomes([account('c', { renewalDate: '2026-04-01' })], today, 10);
    assert.equal(outcome!.outcomeDate, '2026-04-01');
  });

  it('leaves out accounts without a known outcome or not yet customers on the score date', () => {
    const outcomes = calculateBacktestOutcomes(
      [
        account('first-year', { contractStart: '2025-09-01', renewalDate: '2026-09-01' }),
        account('no-renewal', { renewalDate: null }),
        account('churn-no-date', { status: 'churned', churnDate: null }),
        account('too-new', { status: 'churned', churnDate: '2026-02-01', contractStart: '2026-01-01' }),
      ],
      today,
      90,
    );
    assert.deepEqual(outcomes, []);
  });
});

describe('calendar dates', () => {
  it('moves 29 February to 28 February in a common year and reads a local date in a zone', () => {
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(localDate(new Date('2026-05-01T20:00:00Z'), 'Asia/Shanghai'), '2026-05-02');
    assert.equal(localDate(new Date('2026-05-01T20:00:00Z'), 'UTC'), '2026-05-01');
  });
});
