import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateMeasureScore } from './calculate-measure-score';
import type { Direction, MeasureTransform } from './scorecard';

const seats: MeasureTransform = { type: 'linear', direction: 'higher_is_better', min: 10, max: 80 };
const days: MeasureTransform = { type: 'linear', direction: 'lower_is_better', min: 14, max: 90 };
const tickets: MeasureTransform = { type: 'thresholds', direction: 'lower_is_better', cuts: [3, 6, 11], scores: [100, 75, 40, 0] };
const nps: MeasureTransform = { type: 'thresholds', direction: 'higher_is_better', cuts: [5, 7, 9], scores: [0, 40, 75, 100] };

describe('calculateMeasureScore', () => {
  it('maps a linear range min → 0 and max → 100 when higher is better', () => {
    assert.equal(calculateMeasureScore(10, seats), 0);
    assert.equal(calculateMeasureScore(45, seats), 50);
    assert.equal(calculateMeasureScore(80, seats), 100);
  });

  it('clamps outside the range', () => {
    assert.equal(calculateMeasureScore(-5, seats), 0);
    assert.equal(calculateMeasureScore(250, seats), 100);
  });

  it('reverses the range when lower is better', () => {
    assert.equal(calculateMeasureScore(7, days), 100);
    assert.equal(calculateMeasureScore(52, days), 50);
    assert.equal(calculateMeasureScore(120, days), 0);
  });

  it('puts a value equal to a cut in the step above it', () => {
    assert.equal(calculateMeasureScore(6.99, nps), 40);
    assert.equal(calculateMeasureScore(7, nps), 75);
    assert.equal(calculateMeasureScore(4, nps), 0);
    assert.equal(calculateMeasureScore(10, nps), 100);
  });

  it('scores fewer tickets higher', () => {
    assert.equal(calculateMeasureScore(0, tickets), 100);
    assert.equal(calculateMeasureScore(3, tickets), 75);
    assert.equal(calculateMeasureScore(11, tickets), 0);
  });

  it('returns no data for null, undefined, NaN and ±Infinity, never 0', () => {
    for (const raw of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.equal(calculateMeasureScore(raw, seats), null);
      assert.equal(calculateMeasureScore(raw, nps), null);
    }
  });

  const transformArbitrary: fc.Arbitrary<MeasureTransform> = fc.oneof(
    fc
      .record({
        direction: fc.constantFrom<Direction>('higher_is_better', 'lower_is_better'),
        a: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        width: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      })
      .map(({ direction, a, width }) => ({ type: 'linear' as const, direction, min: a, max: a + width })),
    fc
      .record({
        direction: fc.constantFrom<Direction>('higher_is_better', 'lower_is_better'),
        cuts: fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 5 }),
        scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
      })
      .map(({ direction, cuts, scores }) => {
        const sortedScores = scores.slice(0, cuts.length + 1).sort((x, y) => x - y);
        return {
          type: 'thresholds' as const,
          direction,
          cuts: [...cuts].sort((x, y) => x - y),
          scores: direction === 'higher_is_better' ? sortedScores : sortedScores.reverse(),
        };
      }),
  );

  it('always scores within 0–100 (property)', () => {
    fc.assert(
      fc.property(transformArbitrary, fc.double({ noNaN: true, min: -1e9, max: 1e9 }), (transform, raw) => {
        const score = calculateMeasureScore(raw, transform);
        assert.ok(score !== null && score >= 0 && score <= 100);
      }),
    );
  });

  it('is monotone in the direction of the measure (property)', () => {
    fc.assert(
      fc.property(
        transformArbitrary,
        fc.double({ noNaN: true, min: -1e4, max: 1e4 }),
        fc.double({ noNaN: true, min: -1e4, max: 1e4 }),
        (transform, x, y) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          const lowScore = calculateMeasureScore(low, transform)!;
          const highScore = calculateMeasureScore(high, transform)!;
          assert.ok(transform.direction === 'higher_is_better' ? highScore >= lowScore : highScore <= lowScore);
        },
      ),
    );
  });
});
