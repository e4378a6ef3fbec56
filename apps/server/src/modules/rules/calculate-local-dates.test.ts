import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addCalendarDays, calculateLocalDate } from './calculate-local-dates';

describe('local dates', () => {
  it('reads the date in the workspace time zone', () => {
    const at = new Date('2026-03-01T20:00:00Z');
    assert.equal(calculateLocalDate(at, 'UTC'), '2026-03-01');
    assert.equal(calculateLocalDate(at, 'Asia/Shanghai'), '2026-03-02');
  });

  it('adds days across month and leap boundaries', () => {
    assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addCalendarDays('2026-03-01', -30), '2026-01-30');
  });
});
