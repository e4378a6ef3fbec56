import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseTags } from './calculate-tags';

describe('normaliseTags', () => {
  it('trims, drops blanks and keeps order', () => {
    assert.deepEqual(normaliseTags(['  upsell ', '', '   ', 'at-risk']), ['upsell', 'at-risk']);
  });
  it('de-duplicates regardless of case, keeping the first spelling', () => {
    assert.deepEqual(normaliseTags(['Upsell', 'upsell', 'UPSELL ', '重点客户', '重点客户']), ['Upsell', '重点客户']);
  });
});
