import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, countDaysBetween, isCalendarDate, isIsoDateShape } from './calendar-date';

describe('calendar dates', () => {
  it('checks real days, not only the shape', () => {
    assert.equal(isIsoDateShape('2026-02-30'), true);
    assert.equal(isCalendarDate('2026-02-30'), false);
    assert.equal(isCalendarDate('2028-02-29'), true);
    assert.equal(isCalendarDate(20260101), false);
  });

  it('adds and counts days across months and leap years', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(countDaysBetween('2026-03-01', '2026-05-30'), 90);
    assert.equal(countDaysBetween('2026-03-01', '2026-02-28'), -1);
  });
});
