import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateHealthScore } from './calculate-health-score';
import { defaultScorecards } from './default-scorecards';
import type { Measure, MeasureInputs, Scorecard } from './scorecard';

function linearMeasure(key: string, group: Measure['group'], weight: number): Measure {
  return {
    key,
    label: { en: key, 'zh-CN': key },
    group,
    weight,
    kind: 'custom',
    transform: { type: 'linear', direction: 'higher_is_better', min: 0, max: 100 },
  };
}

function scorecardOf(measures: Measure[], groups = { outcome: 80, experience: 20 }): Scorecard {
  return {
    id: 'test',
    name: 'Test',
    version: 1,
    groups: { outcome: { weight: groups.outcome }, experience: { weight: groups.experience } },
    measures,
    bands: { red: 40, yellow: 70 },
    applicability: { priority: 0 },
  };
}

const twoByTwo = scorecardOf([
  linearMeasure('a', 'outcome', 3),
  linearMeasure('b', 'outcome', 1),
  linearMeasure('c', 'experience', 1),
  linearMeasure('d', 'experience', 1),
]);

function unitsOf(value: number): number {
  return Math.round(value * 10);
}

describe('calculateHealthScore', () => {
  it('blends weighted group means 80/20 (worked example)', () => {
    // outcome = (3·80 + 1·40) / 4 = 70; experience = (50 + 30) / 2 = 40; score = 0.8·70 + 0.2·40 = 64
    const result = calculateHealthScore(twoByTwo, { a: 80, b: 40, c: 50, d: 30 });
    assert.equal(result.outcome, 70);
    assert.equal(result.experience, 40);
    assert.equal(result.score, 64);
    assert.equal(result.band, 'yellow');
    assert.equal(result.coverage, 1);
    assert.deepEqual(
      result.measures.map((m) => [m.key, Math.round(m.effectiveWeight * 1e9) / 1e9, m.contribution]),
      [
        ['a', 0.6, 48],
        ['b', 0.2, 8],
        ['c', 0.1, 5],
        ['d', 0.1, 3],
      ],
    );
  });

  it('re-normalises within a group over the measures with data', () => {
    const result = calculateHealthScore(twoByTwo, { a: 80, b: null, c: 50, d: 30 });
    assert.equal(result.outcome, 80);
    assert.equal(result.score, 72);
    assert.equal(result.band, 'green');
    assert.equal(result.measures[1]!.score, null);
    assert.equal(result.measures[1]!.effectiveWeight, 0);
    // b carries 1/4 of the 80% outcome share: 20% of the weight rests on no data.
    assert.ok(Math.abs(result.coverage - 0.8) < 1e-12);
  });

  it('hands a group with no data its weight to the other group', () => {
    const result = calculateHealthScore(twoByTwo, { a: 80, b: 40 });
    assert.equal(result.experience, null);
    assert.equal(result.score, 70);
    assert.ok(Math.abs(result.coverage - 0.8) < 1e-12);
  });

  it('says "no data" when nothing has data: score and band null, never 0', () => {
    const result = calculateHealthScore(twoByTwo, { a: null, b: Number.NaN, c: Number.POSITIVE_INFINITY });
    assert.equal(result.score, null);
    assert.equal(result.band, null);
    assert.equal(result.outcome, null);
    assert.equal(result.coverage, 0);
    assert.ok(result.measures.every((m) => m.contribution === 0 && m.raw === null));
  });

  it('bands the shown score, so 39.96 shows as 40.0 and is yellow', () => {
    const result = calculateHealthScore(scorecardOf([linearMeasure('a', 'outcome', 1)]), { a: 39.96 });
    assert.equal(result.score, 40);
    assert.equal(result.band, 'yellow');
  });

  it('shows a weight-0 measure with data without letting it move the score', () => {
    const scorecard = scorecardOf([linearMeasure('a', 'outcome', 1), linearMeasure('z', 'outcome', 0)]);
    const result = calculateHealthScore(scorecard, { a: 50, z: 100 });
    assert.equal(result.score, 50);
    assert.equal(result.measures[1]!.score, 100);
    assert.equal(result.measures[1]!.contribution, 0);
  });

  it('passes the parts of a ratio through for explanations', () => {
    const scorecard = defaultScorecards()[0]!;
    const result = calculateHealthScore(scorecard, { seat_utilisation: 82 }, { seat_utilisation: { count: 41, of: 50 } });
    assert.deepEqual(result.measures.find((m) => m.key === 'seat_utilisation')!.detail, { count: 41, of: 50 });
  });

  const caseArbitrary = fc
    .record({
      groups: fc
        .record({ outcome: fc.integer({ min: 0, max: 100 }), experience: fc.integer({ min: 0, max: 100 }) })
        .filter((g) => g.outcome + g.experience > 0),
      measures: fc.array(
        fc.record({
          group: fc.constantFrom<Measure['group']>('outcome', 'experience'),
          weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
          lowerIsBetter: fc.boolean(),
          thresholds: fc.boolean(),
          raw: fc.option(fc.double({ min: -50, max: 150, noNaN: true }), { nil: null }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    })
    .map(({ groups, measures }) => {
      const scorecard = scorecardOf(
        measures.map(({ group, weight, lowerIsBetter, thresholds }, i) => ({
          ...linearMeasure(`m${i}`, group, weight),
          transform: thresholds
            ? {
                type: 'thresholds',
                direction: lowerIsBetter ? 'lower_is_better' : 'higher_is_better',
                cuts: [20, 50, 80],
                scores: lowerIsBetter ? [100, 60, 30, 0] : [0, 30, 60, 100],
              }
            : { type: 'linear', direction: lowerIsBetter ? 'lower_is_better' : 'higher_is_better', min: 0, max: 100 },
        })),
        groups,
      );
      const inputs: MeasureInputs = Object.fromEntries(measures.map((m, i) => [`m${i}`, m.raw]));
      return { scorecard, inputs };
    });

  it('scores within 0–100 with one decimal, or null (property)', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ scorecard, inputs }) => {
        const { score, coverage } = calculateHealthScore(scorecard, inputs);
        if (score !== null) {
          assert.ok(score >= 0 && score <= 100);
          assert.equal(unitsOf(score), score * 10);
        }
        assert.ok(coverage >= 0 && coverage <= 1 + 1e-12);
      }),
    );
  });

  it('has contributions that add up exactly to the score (property)', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ scorecard, inputs }) => {
        const result = calculateHealthScore(scorecard, inputs);
        const sum = result.measures.reduce((total, m) => total + unitsOf(m.contribution), 0);
        assert.equal(sum, unitsOf(result.score ?? 0));
        if (result.score !== null) {
          const weight = result.measures.reduce((total, m) => total + m.effectiveWeight, 0);
          assert.ok(Math.abs(weight - 1) < 1e-9);
        }
      }),
    );
  });

  it('never lowers the score when a measure moves in its good direction (property)', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), fc.double({ min: 0, max: 100, noNaN: true }), ({ scorecard, inputs }, pick, step) => {
        const measure = scorecard.measures[pick % scorecard.measures.length]!;
        const raw = inputs[measure.key];
        if (raw === null || raw === undefined) return;
        const better = raw + (measure.transform.direction === 'higher_is_better' ? step : -step);
        const before = calculateHealthScore(scorecard, inputs).score!;
        const after = calculateHealthScore(scorecard, { ...inputs, [measure.key]: better }).score!;
        assert.ok(after >= before, `${before} → ${after}`);
      }),
    );
  });

  it('changes nothing but coverage when a measure without data is added (property)', () => {
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.constantFrom<Measure['group']>('outcome', 'experience'),
        fc.double({ min: 0, max: 50, noNaN: true }),
        ({ scorecard, inputs }, group, weight) => {
          const before = calculateHealthScore(scorecard, inputs);
          const extended = { ...scorecard, measures: [...scorecard.measures, linearMeasure('extra', group, weight)] };
          const after = calculateHealthScore(extended, { ...inputs, extra: null });
          assert.equal(after.score, before.score);
          assert.equal(after.band, before.band);
          assert.equal(after.outcome, before.outcome);
          assert.equal(after.experience, before.experience);
          assert.deepEqual(after.measures.slice(0, -1), before.measures);
          assert.ok(after.coverage <= before.coverage + 1e-12);
        },
      ),
    );
  });
});
