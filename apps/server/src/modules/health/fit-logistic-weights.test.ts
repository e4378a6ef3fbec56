import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitLogisticWeights, predictLogOdds, type LogisticSample } from './fit-logistic-weights';

// mulberry32: a tiny seeded generator so the synthetic data is the same on every run.
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

/** Rows of three 0–100 features whose true log-odds per unit are `planted`; feature 2 is missing 30% of the time. */
function syntheticSamples(count: number, planted: [number, number, number], seed: number): LogisticSample[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const x = [random() * 100, random() * 100, random() * 100];
    const logOdds = 0.5 + planted.reduce((sum, weight, j) => sum + weight * ((x[j] ?? 0) - 50), 0);
    const positive = random() < 1 / (1 + Math.exp(-logOdds));
    return { features: [x[0]!, random() < 0.3 ? null : x[1]!, x[2]!], positive };
  });
}

describe('fitLogisticWeights', () => {
  const samples = syntheticSamples(4000, [0.06, 0.02, -0.03], 42);
  const fit = fitLogisticWeights(samples);

  it('converges in a few Newton steps', () => {
    assert.ok(fit.converged);
    assert.ok(fit.iterations < 20, `${fit.iterations} iterations`);
  });

  it('recovers the sign and rough ratio of planted weights', () => {
    const [a, b, c] = fit.features.map((feature) => feature.perUnit) as [number, number, number];
    assert.ok(a > 0 && b > 0 && c < 0, `${a} ${b} ${c}`);
    assert.ok(a / b > 2 && a / b < 4.5, `ratio ${a / b}, planted 3`);
    assert.ok(Math.abs(a - 0.06) < 0.015 && Math.abs(c + 0.03) < 0.01);
  });

  it('leaves the missing indicator near 0 when values are missing at random', () => {
    assert.ok(Math.abs(fit.features[1]!.missingCoefficient) < 0.25);
    assert.equal(fit.features[1]!.observed < 4000 * 0.75, true);
  });

  it('learns a missing indicator that carries signal', () => {
    // Positives never miss feature 0, so "missing" must predict the negative class.
    const random = seededRandom(3);
    const data = Array.from({ length: 600 }, () => {
      const positive = random() < 0.5;
      return { features: [positive || random() < 0.3 ? random() * 100 : null], positive };
    });
    assert.ok(fitLogisticWeights(data).features[0]!.missingCoefficient < -1);
  });

  it('stays finite on perfectly separable data thanks to the penalty', () => {
    const data = Array.from({ length: 40 }, (_, i) => ({ features: [i], positive: i >= 20 }));
    const separable = fitLogisticWeights(data);
    assert.ok(separable.converged);
    assert.ok(Number.isFinite(separable.features[0]!.coefficient) && separable.features[0]!.coefficient > 0);
  });

  it('shrinks coefficients toward 0 as the penalty grows', () => {
    const small = fitLogisticWeights(samples.slice(0, 300), { l2: 0.1 }).features[0]!.coefficient;
    const large = fitLogisticWeights(samples.slice(0, 300), { l2: 300 }).features[0]!.coefficient;
    assert.ok(Math.abs(large) < Math.abs(small));
  });

  it('is deterministic', () => {
    assert.deepEqual(fitLogisticWeights(samples), fit);
  });

  it('gives a constant feature no weight', () => {
    const data = Array.from({ length: 50 }, (_, i) => ({ features: [7, i], positive: i % 3 === 0 }));
    assert.equal(fitLogisticWeights(data).features[0]!.perUnit, 0);
  });

  it('predicts higher log-odds for rows the planted weights favour', () => {
    assert.ok(predictLogOdds(fit, [90, 90, 10]) > predictLogOdds(fit, [10, 10, 90]));
    assert.ok(Number.isFinite(predictLogOdds(fit, [null, null, null])));
  });
});
