import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateHealthScore } from './calculate-health-score';
import { defaultScorecards } from './default-scorecards';
import { explainScoreChange } from './explain-score-change';
import type { MeasureInputs } from './scorecard';

const scorecard = defaultScorecards()[0]!;
const full: MeasureInputs = {
  north_star: 90,
  seat_utilisation: 82,
  active_days_per_user: 9,
  feature_adoption: 55,
  usage_trend: 0,
  nps: 9,
  csat: 4.4,
  support_tickets: 2,
  csm_sentiment: 4,
  days_since_key_contact: 10,
};

describe('explainScoreChange', () => {
  it('ranks what changed by points, with the parts of a ratio, in en and zh-CN', () => {
    const before = calculateHealthScore(scorecard, full, { seat_utilisation: { count: 41, of: 50 } });
    const after = calculateHealthScore(scorecard, { ...full, seat_utilisation: 44, nps: 4 }, { seat_utilisation: { count: 22, of: 50 } });
    const explanation = explainScoreChange(before, after);
    assert.deepEqual(
      explanation.items.map((item) => item.text),
      [
        { en: '−10.3: active users 41 → 22 of 50 seats', 'zh-CN': '−10.3：活跃用户 41 → 22（共 50 席位）' },
        { en: '−5: NPS 9 → 4', 'zh-CN': '−5：NPS 9 → 4' },
      ],
    );
    assert.equal(explanation.change, -15.3);
    assert.deepEqual(
      explanation.items.map((item) => item.kind),
      ['changed', 'changed'],
    );
  });

  it('lists a measure that lost data and the measures reweighted because of it', () => {
    const before = calculateHealthScore(scorecard, full);
    const after = calculateHealthScore(scorecard, { ...full, nps: null });
    const explanation = explainScoreChange(before, after);
    const lost = explanation.items.find((item) => item.key === 'nps')!;
    assert.equal(lost.kind, 'lost_data');
    assert.equal(lost.text.en, `${lost.points! < 0 ? '−' : '+'}${Math.abs(lost.points!)}: NPS has no data (was 9)`);
    assert.ok(explanation.items.filter((item) => item.key !== 'nps').every((item) => item.kind === 'reweighted'));
    assert.match(explanation.items.find((item) => item.key === 'csat')!.text['zh-CN'], /满意度保持 4\.4，权重 3% → 4%/);
  });

  it('lists a measure that gained data', () => {
    const explanation = explainScoreChange(
      calculateHealthScore(scorecard, { ...full, days_since_key_contact: null }),
      calculateHealthScore(scorecard, full),
    );
    const gained = explanation.items.find((item) => item.key === 'days_since_key_contact')!;
    assert.equal(gained.kind, 'gained_data');
    assert.match(gained.text.en, /days since key-person contact now has data \(10 days\)$/);
    assert.match(gained.text['zh-CN'], /距上次联系关键人天数有了数据（10 天）$/);
  });

  it('gives no points when one side is "no data", but still lists what gained data', () => {
    const explanation = explainScoreChange(calculateHealthScore(scorecard, {}), calculateHealthScore(scorecard, { nps: 9 }));
    assert.equal(explanation.change, null);
    assert.deepEqual(
      explanation.items.map((item) => [item.key, item.kind, item.points, item.text.en]),
      [['nps', 'gained_data', null, 'NPS now has data (9)']],
    );
  });

  it('lists nothing when nothing moved', () => {
    const result = calculateHealthScore(scorecard, full);
    assert.deepEqual(explainScoreChange(result, result).items, []);
  });

  const inputsArbitrary = fc.record(
    Object.fromEntries(
      scorecard.measures.map((m) => [m.key, fc.option(fc.double({ min: -60, max: 160, noNaN: true }), { nil: null })]),
    ) as Record<string, fc.Arbitrary<number | null>>,
  );

  it('has listed points that add up exactly to the change (property)', () => {
    fc.assert(
      fc.property(inputsArbitrary, inputsArbitrary, (a, b) => {
        const explanation = explainScoreChange(calculateHealthScore(scorecard, a), calculateHealthScore(scorecard, b));
        if (explanation.change === null) return;
        const sum = explanation.items.reduce((total, item) => total + Math.round(item.points! * 10), 0);
        assert.equal(sum, Math.round(explanation.change * 10));
        const magnitudes = explanation.items.map((item) => Math.abs(item.points!));
        assert.deepEqual(
          magnitudes,
          [...magnitudes].sort((x, y) => y - x),
        );
      }),
    );
  });
});
