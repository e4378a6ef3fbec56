import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateHealthScore } from './calculate-health-score';
import { defaultScorecards } from './default-scorecards';
import { decodeMeasures, encodeMeasures } from './stored-snapshot';

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
});
