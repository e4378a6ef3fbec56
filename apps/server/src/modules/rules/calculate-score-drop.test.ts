import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateScoreDrop, readScoreChange } from './calculate-score-drop';

const day = (d: number) => new Date(Date.UTC(2026, 2, d));

describe('calculateScoreDrop', () => {
  const changes = [
    { occurredAt: day(1), previousScore: 70, score: 80 },
    { occurredAt: day(10), previousScore: 80, score: 72 },
    { occurredAt: day(12), previousScore: 72, score: 58 },
  ];

  it('measures the current score against the highest of the window', () => {
    assert.deepEqual(calculateScoreDrop(changes, day(12), 14), { drop: 22, peak: 80, score: 58 });
  });

  it('counts the score held from before the window as a value of the window', () => {
    // Window 4 days back from the 12th: changes on the 10th and 12th; 80 held until the 10th.
    assert.deepEqual(calculateScoreDrop(changes, day(12), 4), { drop: 22, peak: 80, score: 58 });
    assert.deepEqual(calculateScoreDrop(changes, day(12), 1), { drop: 14, peak: 72, score: 58 });
  });

  it('ignores changes after asOf and has nothing to say without a change in the window', () => {
    assert.deepEqual(calculateScoreDrop(changes, day(10), 14), { drop: 8, peak: 80, score: 72 });
    assert.equal(calculateScoreDrop(changes, day(30), 7), null);
  });

  it('reads either payload shape', () => {
    assert.deepEqual(readScoreChange({ score: 58, previousScore: 72 }, day(1)), { occurredAt: day(1), score: 58, previousScore: 72 });
    assert.deepEqual(readScoreChange({ from: 72, to: 58 }, day(1)), { occurredAt: day(1), score: 58, previousScore: 72 });
    assert.deepEqual(readScoreChange({ score: null }, day(1)), { occurredAt: day(1), score: null, previousScore: null });
  });
});
