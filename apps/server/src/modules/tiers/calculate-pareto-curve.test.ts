import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateParetoCurve } from './calculate-pareto-curve';

describe('calculateParetoCurve', () => {
  const accounts = [
    { arr: 80, tier: 'S' as const },
    { arr: 10, tier: 'A' as const },
    { arr: 6, tier: 'B' as const },
    { arr: 4, tier: 'C' as const },
    { arr: 0, tier: null },
  ];

  it('draws cumulative ARR against accounts, largest first, from the origin to (1, 1)', () => {
    const { points } = calculateParetoCurve(accounts);
    assert.deepEqual(points, [
      { accountShare: 0, arrShare: 0 },
      { accountShare: 0.2, arrShare: 0.8 },
      { accountShare: 0.4, arrShare: 0.9 },
      { accountShare: 0.6, arrShare: 0.96 },
      { accountShare: 0.8, arrShare: 1 },
      { accountShare: 1, arrShare: 1 },
    ]);
  });

  it('counts each tier and its ARR share, and gives the 80/20 headline', () => {
    const summary = calculateParetoCurve(accounts);
    assert.deepEqual(summary.tiers[0], { tier: 'S', accounts: 1, arr: 80, accountShare: 0.2, arrShare: 0.8 });
    assert.equal(summary.tiers.length, 4);
    assert.equal(summary.top20ArrShare, 0.8);
    assert.equal(summary.totalArr, 100);
  });

  it('samples a long portfolio down to the point budget, keeping both ends', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ arr: 10_000 - i, tier: null }));
    const { points } = calculateParetoCurve(many, { maxPoints: 51 });
    assert.equal(points.length, 51);
    assert.deepEqual(points[0], { accountShare: 0, arrShare: 0 });
    assert.deepEqual(points[50], { accountShare: 1, arrShare: 1 });
    for (let i = 1; i < points.length; i += 1) assert.ok(points[i]!.arrShare >= points[i - 1]!.arrShare);
  });

  it('handles an empty portfolio', () => {
    const summary = calculateParetoCurve([]);
    assert.deepEqual(summary.points, []);
    assert.equal(summary.top20ArrShare, 0);
  });
});
