import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateSeatEngagement } from './calculate-seat-engagement';

describe('calculateSeatEngagement', () => {
  it('divides 30-day active users by licensed seats', () => {
    const result = calculateSeatEngagement([
      { accountId: 'a', licensedSeats: 20, activeUsers30d: 5, hasUsage: true },
      { accountId: 'b', licensedSeats: 10, activeUsers30d: 12, hasUsage: true },
    ]);
    assert.deepEqual(
      [...result],
      [
        ['a', 0.25],
        ['b', 1.2],
      ],
    );
  });

  it('counts a quiet but instrumented account as 0 and leaves out the unknown ones', () => {
    const result = calculateSeatEngagement([
      { accountId: 'quiet', licensedSeats: 10, activeUsers30d: 0, hasUsage: true },
      { accountId: 'never-tracked', licensedSeats: 10, activeUsers30d: 0, hasUsage: false },
      { accountId: 'no-seats', licensedSeats: null, activeUsers30d: 4, hasUsage: true },
      { accountId: 'zero-seats', licensedSeats: 0, activeUsers30d: 4, hasUsage: true },
    ]);
    assert.deepEqual([...result], [['quiet', 0]]);
  });
});
