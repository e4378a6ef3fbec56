import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateDecileLift } from './calculate-decile-lift';

describe('calculateDecileLift', () => {
  it('compares churn in the lowest-scoring tenth with the base rate', () => {
    // 20 accounts, 4 churned (20%); the two lowest scores both churned: lift 1 / 0.2 = 5.
    const samples = Array.from({ length: 20 }, (_, i) => ({ score: i, churned: i < 2 || i === 10 || i === 15 }));
    const result = calculateDecileLift(samples);
    assert.equal(result.baseChurnRate, 0.2);
    assert.equal(result.lowestDecileLift, 5);
    assert.equal(result.deciles.length, 10);
    assert.equal(result.deciles[5]!.churnRate, 0.5);
  });

  it('shares accounts tied across a decile boundary in proportion', () => {
    // 10 accounts: one decile is a single account, but the lowest score is shared by 2 (1 churned).
    const samples = [
      { score: 1, churned: true },
      { score: 1, churned: false },
      ...Array.from({ length: 8 }, (_, i) => ({ score: 10 + i, churned: false })),
    ];
    const result = calculateDecileLift(samples);
    assert.equal(result.deciles[0]!.churnRate, 0.5);
    assert.equal(result.lowestDecileLift, 5);
  });

  it('is null without churn or without scored accounts', () => {
    assert.equal(calculateDecileLift([{ score: 5, churned: false }]).lowestDecileLift, null);
    assert.equal(calculateDecileLift([{ score: null, churned: true }]).baseChurnRate, null);
  });

  it('does not depend on input order, and deciles average to the base rate (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }), churned: fc.boolean() }), { minLength: 1, maxLength: 50 }),
        (samples) => {
          const result = calculateDecileLift(samples);
          const reversed = calculateDecileLift([...samples].reverse());
          assert.deepEqual(reversed, result);
          const mean = result.deciles.reduce((sum, d) => sum + d.churnRate, 0) / 10;
          assert.ok(Math.abs(mean - result.baseChurnRate!) < 1e-9);
        },
      ),
    );
  });
});
