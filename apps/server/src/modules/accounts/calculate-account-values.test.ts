import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateAccountColumns, cleanText, toMoneyText } from './calculate-account-values';

describe('calculateAccountColumns', () => {
  it('writes only the fields given, trimming text and turning blanks into null', () => {
    assert.deepEqual(calculateAccountColumns({ industry: ' Logistics ', domain: '  ', plan: null, tier: 'S', tags: [' a', 'A'] }), {
      industry: 'Logistics',
      domain: null,
      plan: null,
      tier: 'S',
      tags: ['a'],
    });
  });
  it('stores ARR exactly to the cent', () => {
    assert.deepEqual(calculateAccountColumns({ arr: 1234.5 }), { arr: '1234.50' });
  });
});

describe('cleanText and toMoneyText', () => {
  it('keeps undefined apart from null', () => {
    assert.equal(cleanText(undefined), undefined);
    assert.equal(cleanText(null), null);
  });
  it('rounds money to cents', () => {
    assert.equal(toMoneyText(0.125), '0.13');
    assert.equal(toMoneyText(99999999999.99), '99999999999.99');
  });
});
