import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateUsageDrop } from './calculate-usage-drop';

describe('calculateUsageDrop', () => {
  it('is the percent fallen from the previous period, rises counting as none', () => {
    assert.equal(calculateUsageDrop(200, 50), 75);
    assert.equal(calculateUsageDrop(3, 2), 33.3);
    assert.equal(calculateUsageDrop(10, 0), 100);
    assert.equal(calculateUsageDrop(10, 30), 0);
  });

  it('has no drop without a previous period', () => {
    assert.equal(calculateUsageDrop(0, 0), null);
    assert.equal(calculateUsageDrop(0, 5), null);
  });
});
