import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvNumber } from './parse-csv-number';

const num = (raw: string) => {
  const parsed = parseCsvNumber(raw);
  return parsed.ok ? parsed.value : 'error';
};

describe('parseCsvNumber', () => {
  it('reads plain numbers and thousands separators', () => {
    assert.equal(num('1200'), 1200);
    assert.equal(num('1,200,000.50'), 1200000.5);
    assert.equal(num('1 200 000'), 1200000);
    assert.equal(num('1\u00a0200'), 1200);
    assert.equal(num('-42.5'), -42.5);
  });
  it('strips currency symbols', () => {
    assert.equal(num('$1,200'), 1200);
    assert.equal(num('¥ 3000'), 3000);
    assert.equal(num('€99.90'), 99.9);
    assert.equal(num('£1,000,000'), 1000000);
    assert.equal(num('1200$'), 1200);
    assert.equal(num('-$5'), -5);
  });
  it('rejects garbage and misplaced separators instead of guessing', () => {
    for (const raw of ['12abc', '1,20', '1.200,50', '1,2,3', '', 'NaN', 'Infinity', '1e5', '$', '1 20', '--1']) {
      assert.equal(num(raw), 'error', raw);
    }
  });
});
