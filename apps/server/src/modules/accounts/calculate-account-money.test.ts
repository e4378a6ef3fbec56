import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateMrr, parseMoney } from './calculate-account-money';

describe('calculateMrr', () => {
  it('divides ARR by 12 and rounds to the cent', () => {
    assert.equal(calculateMrr(120000), 10000);
    assert.equal(calculateMrr(1000), 83.33);
    assert.equal(calculateMrr(100.1), 8.34);
    assert.equal(calculateMrr(0), 0);
  });
});

describe('parseMoney', () => {
  it('reads the database numeric text exactly to the cent', () => {
    assert.equal(parseMoney('120000.50'), 120000.5);
    assert.equal(parseMoney('0.00'), 0);
  });
});
