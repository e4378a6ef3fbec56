import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultScorecards } from './default-scorecards';
import { validateScorecard, type Scorecard } from './scorecard';

function defaultScorecard(): Scorecard {
  return defaultScorecards()[0]!;
}

function fields(scorecard: Scorecard): (string | undefined)[] {
  return validateScorecard(scorecard).map((problem) => problem.field);
}

describe('validateScorecard', () => {
  it('accepts both built-in scorecards', () => {
    for (const scorecard of defaultScorecards()) assert.deepEqual(validateScorecard(scorecard), []);
  });

  it('names a negative measure weight', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[1]!.weight = -1;
    assert.deepEqual(fields(scorecard), ['measures[1].weight']);
  });

  it('names a negative or non-finite group weight', () => {
    const scorecard = defaultScorecard();
    scorecard.groups.experience.weight = Number.NaN;
    assert.deepEqual(fields(scorecard), ['groups.experience.weight']);
  });

  it('requires at least one measure', () => {
    assert.ok(fields({ ...defaultScorecard(), measures: [] }).includes('measures'));
  });

  it('refuses cuts that do not ascend, naming the cut', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[4]!.transform = {
      type: 'thresholds',
      direction: 'higher_is_better',
      cuts: [-10, -30, 10],
      scores: [0, 40, 75, 100],
    };
    assert.deepEqual(fields(scorecard), ['measures[4].transform.cuts[1]']);
  });

  it('refuses step scores that go against the direction', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[4]!.transform = { type: 'thresholds', direction: 'lower_is_better', cuts: [-30, -10, 10], scores: [0, 40, 75, 100] };
    assert.deepEqual(fields(scorecard), [
      'measures[4].transform.scores[1]',
      'measures[4].transform.scores[2]',
      'measures[4].transform.scores[3]',
    ]);
  });

  it('needs one more step score than cuts', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[4]!.transform = { type: 'thresholds', direction: 'higher_is_better', cuts: [0], scores: [0, 50, 100] };
    assert.deepEqual(fields(scorecard), ['measures[4].transform.scores']);
  });

  it('refuses a linear range whose max is not above its min', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[0]!.transform = { type: 'linear', direction: 'higher_is_better', min: 5, max: 5 };
    assert.deepEqual(fields(scorecard), ['measures[0].transform.max']);
  });

  it('requires 0 < red < yellow < 100', () => {
    assert.deepEqual(fields({ ...defaultScorecard(), bands: { red: 70, yellow: 40 } }), ['bands.yellow']);
    assert.deepEqual(fields({ ...defaultScorecard(), bands: { red: 0, yellow: 40 } }), ['bands.red']);
    assert.deepEqual(fields({ ...defaultScorecard(), bands: { red: 40, yellow: 100 } }), ['bands.yellow']);
  });

  it('refuses duplicate measure keys', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[1]!.key = scorecard.measures[0]!.key;
    assert.deepEqual(fields(scorecard), ['measures[1].key']);
  });

  it('requires the event of a north-star measure', () => {
    const scorecard = defaultScorecard();
    scorecard.measures[0]!.northStar = { event: ' ', aggregate: 'count' };
    assert.deepEqual(fields(scorecard), ['measures[0].northStar.event']);
  });
});

describe('defaultScorecards', () => {
  it('blends 80/20 by default and 70/30 for S-tier accounts', () => {
    const [standard, key] = defaultScorecards();
    assert.deepEqual(standard!.groups, { outcome: { weight: 80 }, experience: { weight: 20 } });
    assert.deepEqual(key!.groups, { outcome: { weight: 70 }, experience: { weight: 30 } });
    assert.deepEqual(key!.applicability.tiers, ['S']);
  });

  it('uses the bands red < 40 ≤ yellow < 70 ≤ green', () => {
    for (const scorecard of defaultScorecards()) assert.deepEqual(scorecard.bands, { red: 40, yellow: 70 });
  });
});
