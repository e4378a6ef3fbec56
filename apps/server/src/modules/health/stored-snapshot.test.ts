import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateHealthScore, calculateScoreParts } from './calculate-health-score';
import { defaultScorecards } from './default-scorecards';
import { decodeMeasures, encodeMeasures, encodeScoreParts } from './stored-snapshot';

describe('stored snapshot measures', () => {
  it('round-trips a score’s measures through the compact form, parts and missing data included', () => {
    const scorecard = defaultScorecards()[0]!;
    const result = calculateHealthScore(
      scorecard,
      { seat_utilisation: 44, nps: 8, usage_trend: -12.5 },
      { seat_utilisation: { count: 22, of: 50 } },
    );
    const stored = encodeMeasures(result.measures);
    assert.deepEqual(JSON.parse(JSON.stringify(stored)), stored, 'survives JSON');
    const decoded = decodeMeasures(stored, scorecard);
    assert.deepEqual(
      decoded.map((m) => ({ ...m, effectiveWeight: Math.round(m.effectiveWeight * 10_000) })),
      result.measures.map((m) => ({ ...m, effectiveWeight: Math.round(m.effectiveWeight * 10_000) })),
    );
    assert.deepEqual(decoded.find((m) => m.key === 'seat_utilisation')!.detail, { count: 22, of: 50 });
    assert.equal(decoded.find((m) => m.key === 'csat')!.raw, null);
  });

  it('encodes straight from a score’s parts exactly what encodeMeasures gives for the labelled measures', () => {
    const value = fc.option(fc.oneof(fc.double({ min: -500, max: 500, noNaN: true }), fc.integer({ min: -50, max: 200 })));
    for (const scorecard of defaultScorecards()) {
      const keys = scorecard.measures.map((m) => m.key);
      fc.assert(
        fc.property(
          fc.array(value, { minLength: keys.length, maxLength: keys.length }),
          fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }),
          (values, withDetail) => {
            const inputs = Object.fromEntries(keys.map((key, i) => [key, values[i]]));
            const details = Object.fromEntries(keys.flatMap((key, i) => (withDetail[i] ? [[key, { count: i, of: 10 }]] : [])));
            const expected = encodeMeasures(calculateHealthScore(scorecard, inputs, details).measures);
            assert.deepEqual(encodeScoreParts(scorecard, calculateScoreParts(scorecard, inputs), details), expected);
          },
        ),
        { numRuns: 500 },
      );
    }
  });
});
