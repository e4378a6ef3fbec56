import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateMeasureInputs, type AccountMeasureFacts } from './calculate-measure-inputs';
import { defaultScorecards } from './default-scorecards';
import type { Scorecard } from './scorecard';

const scorecard: Scorecard = {
  ...defaultScorecards()[0]!,
  measures: [
    ...defaultScorecards()[0]!.measures.map((m) =>
      m.kind === 'north_star' ? { ...m, northStar: { event: 'Order Processed', aggregate: 'count' as const } } : m,
    ),
    {
      key: 'renewal_intent',
      label: { en: 'renewal intent', 'zh-CN': '续约意向' },
      group: 'experience',
      kind: 'custom',
      weight: 10,
      transform: { type: 'linear', direction: 'higher_is_better', min: 0, max: 10 },
    },
  ],
};

const facts = (overrides: Partial<AccountMeasureFacts> = {}): AccountMeasureFacts => ({
  licensedSeats: 50,
  hasUsage: true,
  hasFullTrendBase: true,
  activeUsers30d: 22,
  userDays30d: 132,
  userDaysPrevious30d: 200,
  featuresUsed30d: 3,
  featureCount: 6,
  northStar: new Map([['count:Order Processed', 1200]]),
  northStarTarget: 1500,
  experience: new Map([
    ['nps', 8.5],
    ['custom:renewal_intent', 7],
  ]),
  daysSinceKeyContact: 12,
  ...overrides,
});

describe('calculateMeasureInputs', () => {
  it('turns the gathered facts into each measure’s raw value with its parts', () => {
    const { inputs, details } = calculateMeasureInputs(scorecard, facts());
    assert.deepEqual(inputs, {
      north_star: 80,
      seat_utilisation: 44,
      active_days_per_user: 6,
      feature_adoption: 50,
      usage_trend: -34,
      nps: 8.5,
      csat: null,
      support_tickets: null,
      csm_sentiment: null,
      days_since_key_contact: 12,
      renewal_intent: 7,
    });
    assert.deepEqual(details.seat_utilisation, { count: 22, of: 50 });
    assert.deepEqual(details.north_star, { count: 1200, of: 1500 });
    assert.deepEqual(details.feature_adoption, { count: 3, of: 6 });
  });

  it('leaves usage measures without data for an account that never sent usage, rather than scoring zero', () => {
    const { inputs } = calculateMeasureInputs(
      scorecard,
      facts({ hasUsage: false, activeUsers30d: 0, userDays30d: 0, userDaysPrevious30d: 0 }),
    );
    for (const key of ['north_star', 'seat_utilisation', 'active_days_per_user', 'feature_adoption', 'usage_trend'])
      assert.equal(inputs[key], null, key);
  });

  it('scores an instrumented account that went quiet as zero use, with no trend base when it was quiet before too', () => {
    const { inputs } = calculateMeasureInputs(
      scorecard,
      facts({ activeUsers30d: 0, userDays30d: 0, userDaysPrevious30d: 0, featuresUsed30d: 0, northStar: new Map() }),
    );
    assert.equal(inputs.seat_utilisation, 0);
    assert.equal(inputs.active_days_per_user, 0);
    assert.equal(inputs.feature_adoption, 0);
    assert.equal(inputs.north_star, 0);
    assert.equal(inputs.usage_trend, null);
  });

  it('has no trend for an account instrumented partway through the previous 30 days', () => {
    assert.equal(calculateMeasureInputs(scorecard, facts({ hasFullTrendBase: false })).inputs.usage_trend, null);
  });

  it('has no data where there is nothing to divide by: no seats, no target, no mapped feature', () => {
    const { inputs, details } = calculateMeasureInputs(scorecard, facts({ licensedSeats: null, northStarTarget: null, featureCount: 0 }));
    assert.equal(inputs.seat_utilisation, null);
    assert.equal(inputs.north_star, null);
    assert.equal(inputs.feature_adoption, null);
    assert.equal(details.seat_utilisation, undefined);
  });

  it('rounds raw values to two decimals, the precision stored', () => {
    const { inputs } = calculateMeasureInputs(scorecard, facts({ activeUsers30d: 1, licensedSeats: 3 }));
    assert.equal(inputs.seat_utilisation, 33.33);
  });
});
