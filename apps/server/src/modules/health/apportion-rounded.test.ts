import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { apportionRounded, roundTo } from './apportion-rounded';

const units = (values: number[]) => values.reduce((sum, value) => sum + Math.round(value * 10), 0);

describe('apportionRounded', () => {
  it('gives the leftover tenth to the largest remainder', () => {
    // 3.34 + 3.33 + 3.33 = 10.0, though each rounds down alone
    assert.deepEqual(apportionRounded([3.34, 3.33, 3.33]), [3.4, 3.3, 3.3]);
  });

  it('breaks equal remainders by position', () => {
    assert.deepEqual(apportionRounded([1 / 3, 1 / 3, 1 / 3], 0, 1), [1, 0, 0]);
  });

  it('handles negative values', () => {
    // Floors −2.3, 1.1, 1.1 leave a tenth to give; −2.26 is nearest its ceiling, so it takes it.
    assert.deepEqual(apportionRounded([-2.26, 1.13, 1.13]), [-2.2, 1.1, 1.1]);
  });

  it('adds up to the rounded total and moves each value by less than one unit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 12 }), (values) => {
        const rounded = apportionRounded(values);
        // `+ 0` folds −0 into 0: both mean a total of nothing.
        assert.equal(units(rounded) + 0, Math.round(values.reduce((sum, value) => sum + value, 0) * 10 + 1e-9) + 0);
        rounded.forEach((value, i) => assert.ok(Math.abs(value - values[i]!) < 0.1 + 1e-9));
      }),
    );
  });
});

describe('roundTo', () => {
  it('rounds halves away from zero despite binary fractions', () => {
    assert.equal(roundTo(0.15), 0.2);
    assert.equal(roundTo(-0.15), -0.2);
    assert.equal(roundTo(64.04999), 64);
  });
});
