import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateRocAuc, type OutcomeSample } from './calculate-roc-auc';

function samples(churned: number[], retained: number[]): OutcomeSample[] {
  return [...churned.map((score) => ({ score, churned: true })), ...retained.map((score) => ({ score, churned: false }))];
}

// mulberry32: a tiny seeded generator so the "random" case is the same on every run.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('calculateRocAuc', () => {
  it('is 1 when every churner scored below every retained account (low score predicts churn)', () => {
    assert.equal(calculateRocAuc(samples([10, 20, 30], [40, 50])).auc, 1);
  });

  it('is 0 when the ranking is reversed', () => {
    assert.equal(calculateRocAuc(samples([60, 70], [10, 20, 30])).auc, 0);
  });

  it('counts a tie between classes as one half', () => {
    assert.equal(calculateRocAuc(samples([50], [50])).auc, 0.5);
    // Pairs (churned, retained): (20,30) ✓ (20,50) ✓ (50,30) ✗ (50,50) ½ → 2.5 / 4
    assert.equal(calculateRocAuc(samples([20, 50], [30, 50])).auc, 0.625);
  });

  it('matches a hand count with ties inside a class', () => {
    // churned 10, 40, 40; retained 40, 60: pairs won 2 (10) + ½+½ + 1+1 (40s) → 5 of 6
    assert.ok(Math.abs(calculateRocAuc(samples([10, 40, 40], [40, 60])).auc! - 5 / 6) < 1e-12);
  });

  it('leaves out accounts without a score and is null with one class only', () => {
    const result = calculateRocAuc([...samples([10], [90]), { score: null, churned: true }]);
    assert.deepEqual(result, { auc: 1, accounts: 2, churned: 1, retained: 1 });
    assert.equal(calculateRocAuc(samples([], [1, 2])).auc, null);
  });

  it('is about 0.5 for scores unrelated to churn', () => {
    const random = seededRandom(7);
    const data = Array.from({ length: 4000 }, () => ({ score: Math.round(random() * 100), churned: random() < 0.2 }));
    assert.ok(Math.abs(calculateRocAuc(data).auc! - 0.5) < 0.03);
  });

  const dataArbitrary = fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }), churned: fc.boolean() }), { maxLength: 60 });

  it('equals the share of (churned, retained) pairs ranked right, ties ½ (property)', () => {
    fc.assert(
      fc.property(dataArbitrary, (data) => {
        const churned = data.filter((d) => d.churned);
        const retained = data.filter((d) => !d.churned);
        const { auc } = calculateRocAuc(data);
        if (churned.length === 0 || retained.length === 0) return assert.equal(auc, null);
        let wins = 0;
        for (const c of churned) for (const r of retained) wins += r.score > c.score ? 1 : r.score === c.score ? 0.5 : 0;
        assert.ok(Math.abs(auc! - wins / (churned.length * retained.length)) < 1e-9);
      }),
    );
  });

  it('turns into 1 − AUC when the score is negated (property)', () => {
    fc.assert(
      fc.property(dataArbitrary, (data) => {
        const { auc } = calculateRocAuc(data);
        const flipped = calculateRocAuc(data.map((d) => ({ ...d, score: -d.score }))).auc;
        if (auc === null) return;
        assert.ok(Math.abs(auc + flipped! - 1) < 1e-9);
      }),
    );
  });
});
