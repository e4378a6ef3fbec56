import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addYears, daysBetween, isIsoDate, nextAnniversary } from './demo-dates';

describe('demo dates', () => {
  it('accepts real calendar dates only', () => {
    assert.equal(isIsoDate('2026-02-28'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-2-1'), false);
  });

  it('adds days across month and year ends', () => {
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
  });

  it('moves 29 February to 28 February in a common year', () => {
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addYears('2024-02-29', 4), '2028-02-29');
  });

  it('renews on the next anniversary, at least a year after the start', () => {
    assert.equal(nextAnniversary('2023-06-15', '2026-05-01'), '2026-06-15');
    assert.equal(nextAnniversary('2023-03-15', '2026-05-01'), '2027-03-15');
    assert.equal(nextAnniversary('2023-05-01', '2026-05-01'), '2026-05-01');
    assert.equal(nextAnniversary('2026-05-01', '2026-05-01'), '2027-05-01');
  });
});
