import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateStageDurations } from './calculate-stage-durations';
import { DEFAULT_LIFECYCLE_CONFIG } from './lifecycle-config';

describe('calculateStageDurations', () => {
  const history = [
    { stage: 'onboarding' as const, enteredAt: '2025-01-20' },
    { stage: 'handoff' as const, enteredAt: '2025-01-01' },
    { stage: 'stable' as const, enteredAt: '2025-06-01' },
    { stage: 'renewal' as const, enteredAt: '2025-10-01' },
  ];

  it('measures each stay until the next stage was entered, in date order', () => {
    const { stays } = calculateStageDurations(history, DEFAULT_LIFECYCLE_CONFIG, '2026-02-01');
    assert.deepEqual(
      stays.map((s) => [s.stage, s.days, s.leftAt]),
      [
        ['handoff', 19, '2025-01-20'],
        ['onboarding', 132, '2025-06-01'],
        ['stable', 122, '2025-10-01'],
        ['renewal', 123, null],
      ],
    );
  });

  it('flags stays beyond the expected duration, and never a stage without one', () => {
    const { stays, current } = calculateStageDurations(history, DEFAULT_LIFECYCLE_CONFIG, '2026-02-01');
    assert.deepEqual(
      stays.map((s) => [s.stage, s.isOverdue, s.overdueDays]),
      [
        ['handoff', true, 5],
        ['onboarding', true, 42],
        ['stable', false, 0],
        ['renewal', true, 33],
      ],
    );
    assert.equal(current?.stage, 'renewal');
  });

  it('is on time on the last expected day', () => {
    const { current } = calculateStageDurations([{ stage: 'handoff', enteredAt: '2026-01-01' }], DEFAULT_LIFECYCLE_CONFIG, '2026-01-15');
    assert.deepEqual([current?.days, current?.isOverdue], [14, false]);
  });

  it('adds up repeated visits to a stage', () => {
    const { totalDaysByStage } = calculateStageDurations(
      [
        { stage: 'renewal', enteredAt: '2025-01-01' },
        { stage: 'stable', enteredAt: '2025-02-01' },
        { stage: 'renewal', enteredAt: '2026-01-01' },
      ],
      DEFAULT_LIFECYCLE_CONFIG,
      '2026-01-11',
    );
    assert.deepEqual(totalDaysByStage, { renewal: 41, stable: 334 });
  });

  it('has no current stay for an empty history', () => {
    assert.equal(calculateStageDurations([], DEFAULT_LIFECYCLE_CONFIG, '2026-01-01').current, null);
  });
});
