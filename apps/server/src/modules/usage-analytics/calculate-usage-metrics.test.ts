import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  calculateActiveUserMetrics,
  calculateActivityClock,
  calculateDailySeries,
  calculatePreviousPeriod,
  calculateStickiness,
  calculateTrend,
} from './calculate-usage-metrics';
import { calculateDateChunks, localDate, weekdayIndex } from './calculate-usage-dates';

describe('usage metrics', () => {
  it('fills every day of the range and adds up rows of the same day', () => {
    const series = calculateDailySeries(
      [
        { day: '2026-03-02', events: 5, activeUsers: 2 },
        { day: '2026-03-02', events: 1, activeUsers: 1 },
      ],
      '2026-03-01',
      '2026-03-03',
    );
    assert.deepEqual(series, [
      { date: '2026-03-01', events: 0, activeUsers: 0 },
      { date: '2026-03-02', events: 6, activeUsers: 3 },
      { date: '2026-03-03', events: 0, activeUsers: 0 },
    ]);
  });

  it('puts hours on the right weekday, Monday first', () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h === 9 ? 4 : 0));
    // 2026-03-02 is a Monday, 2026-03-08 a Sunday.
    const clock = calculateActivityClock([
      { day: '2026-03-02', hourCounts: hours },
      { day: '2026-03-09', hourCounts: hours },
      { day: '2026-03-08', hourCounts: hours },
    ]);
    assert.equal(clock.length, 7);
    assert.equal(clock[0]![9], 8);
    assert.equal(clock[6]![9], 4);
    assert.equal(
      clock[3]!.reduce((a, b) => a + b, 0),
      0,
    );
  });

  it('computes DAU as the 30-day mean, WAU and MAU as distinct users, and stickiness', () => {
    const userDays = [
      ...Array.from({ length: 30 }, (_, i) => ({ userId: 'daily', day: `2026-03-${String(i + 1).padStart(2, '0')}` })),
      { userId: 'weekly', day: '2026-03-28' },
      { userId: 'monthly', day: '2026-03-05' },
      { userId: 'too-old', day: '2026-02-28' },
    ];
    const metrics = calculateActiveUserMetrics(userDays, '2026-03-30');
    assert.equal(metrics.wau, 2);
    assert.equal(metrics.mau, 3);
    assert.equal(metrics.dau, 1.1);
    assert.equal(metrics.stickiness, 0.356);
  });

  it('answers zeros for no activity', () => {
    assert.deepEqual(calculateActiveUserMetrics([], '2026-03-30'), { dau: 0, wau: 0, mau: 0, stickiness: 0 });
    assert.equal(calculateStickiness(3, 0), 0);
  });

  it('gives the change over the previous period, or null when there was none', () => {
    assert.deepEqual(calculateTrend(150, 100), { current: 150, previous: 100, change: 0.5 });
    assert.deepEqual(calculateTrend(5, 0), { current: 5, previous: 0, change: null });
    assert.deepEqual(calculatePreviousPeriod('2026-03-01', '2026-03-31'), { from: '2026-01-29', to: '2026-02-28' });
  });

  it('cuts a date range into week chunks and reads local dates and weekdays', () => {
    assert.deepEqual(calculateDateChunks('2026-03-01', '2026-03-10', 7), [
      { from: '2026-03-01', to: '2026-03-07' },
      { from: '2026-03-08', to: '2026-03-10' },
    ]);
    assert.deepEqual(calculateDateChunks('2026-03-02', '2026-03-01', 7), []);
    assert.equal(weekdayIndex('2026-03-02'), 0);
    assert.equal(localDate(new Date('2026-03-01T17:30:00Z'), 'Asia/Shanghai'), '2026-03-02');
  });
});
