import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculatePeriod } from './calculate-period';

describe('calculatePeriod', () => {
  it('defaults to the days before today, including today', () => {
    const period = calculatePeriod({}, '2026-04-30', 90);
    assert.ok(!('problem' in period));
    assert.equal(period.from, '2026-01-30');
    assert.equal(period.to, '2026-04-30');
    assert.equal(period.end.toISOString(), '2026-05-01T00:00:00.000Z');
  });

  it('names `to` when the period runs backwards', () => {
    assert.deepEqual(calculatePeriod({ from: '2026-05-01', to: '2026-04-01' }, '2026-04-30', 90), {
      problem: { field: 'to', message: 'must not be before from' },
    });
  });
});
