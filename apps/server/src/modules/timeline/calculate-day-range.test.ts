import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateDayRange } from './calculate-day-range';

describe('calculateDayRange', () => {
  it('includes the whole last day', () => {
    const { start, end } = calculateDayRange('2026-03-01', '2026-03-31');
    assert.equal(start?.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(end?.toISOString(), '2026-04-01T00:00:00.000Z');
  });

  it('leaves a missing end open', () => {
    assert.deepEqual(calculateDayRange(undefined, undefined), {});
    assert.equal(calculateDayRange(undefined, '2026-02-28').end?.toISOString(), '2026-03-01T00:00:00.000Z');
  });
});
