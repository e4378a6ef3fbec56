import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatMoney } from './format';

describe('locale formatting', () => {
  it('formats money per locale and currency', () => {
    assert.equal(formatMoney(120000, 'USD', 'en'), '$120,000');
    assert.equal(formatMoney(120000, 'CNY', 'zh-CN'), '¥120,000');
  });

  it('keeps an unknown currency readable instead of throwing', () => {
    assert.equal(formatMoney(5, 'ZZZ1', 'en'), '5 ZZZ1');
  });

  it('shows a calendar date on its own day in every time zone', () => {
    assert.equal(formatDate('2027-03-31', 'en'), 'Mar 31, 2027');
    assert.equal(formatDate('2027-03-31', 'zh-CN'), '2027年3月31日');
  });
});
