import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateTopShare } from './calculate-top-share';

describe('calculateTopShare', () => {
  it('returns the share held by the largest fifth', () => {
    assert.equal(calculateTopShare([80, 5, 5, 5, 5], 0.2), 0.8);
  });
  it('is 0 for no values or a zero total', () => {
    assert.equal(calculateTopShare([], 0.2), 0);
    assert.equal(calculateTopShare([0, 0], 0.2), 0);
  });
});
