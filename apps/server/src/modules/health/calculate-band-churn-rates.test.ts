import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateBandChurnRates } from './calculate-band-churn-rates';

describe('calculateBandChurnRates', () => {
  it('counts churn per band, with unscored accounts apart as no data', () => {
    const samples = [
      { score: 10, churned: true },
      { score: 39.9, churned: false },
      { score: 40, churned: true },
      { score: 69.9, churned: false },
      { score: 70, churned: false },
      { score: 95, churned: false },
      { score: null, churned: true },
    ];
    assert.deepEqual(calculateBandChurnRates(samples, { red: 40, yellow: 70 }), [
      { band: 'red', accounts: 2, churned: 1, churnRate: 0.5 },
      { band: 'yellow', accounts: 2, churned: 1, churnRate: 0.5 },
      { band: 'green', accounts: 2, churned: 0, churnRate: 0 },
      { band: 'no_data', accounts: 1, churned: 1, churnRate: 1 },
    ]);
  });

  it('reports an empty band as a null rate, not 0', () => {
    const rates = calculateBandChurnRates([{ score: 90, churned: false }], { red: 40, yellow: 70 });
    assert.equal(rates[0]!.churnRate, null);
  });
});
