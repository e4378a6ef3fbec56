import type { ActiveUserMetrics, UsageTrend } from '@northstar/contracts';
import { addDays, listDates, weekdayIndex } from './calculate-usage-dates';

export type DayRow = { day: string; events: number; activeUsers: number };

/** One entry per date of [from, to]; days without activity are zeros. */
export function calculateDailySeries(rows: DayRow[], from: string, to: string): { date: string; events: number; activeUsers: number }[] {
  const byDay = new Map<string, DayRow>();
  for (const row of rows) {
    const seen = byDay.get(row.day);
    // Several accounts' rows may share a day (portfolio): users are per account, so they add up.
    byDay.set(row.day, seen ? { day: row.day, events: seen.events + row.events, activeUsers: seen.activeUsers + row.activeUsers } : row);
  }
  return listDates(from, to).map((date) => ({
    date,
    events: byDay.get(date)?.events ?? 0,
    activeUsers: byDay.get(date)?.activeUsers ?? 0,
  }));
}

/** The activity clock (在线曲线): 7 weekdays (Monday first) × 24 local hours of events. */
export function calculateActivityClock(rows: { day: string; hourCounts: number[] }[]): number[][] {
  const clock = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const row of rows) {
    const weekday = clock[weekdayIndex(row.day)]!;
    row.hourCounts.forEach((count, hour) => {
      if (hour < 24) weekday[hour] = (weekday[hour] ?? 0) + count;
    });
  }
  return clock;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** DAU / MAU, 0 when nobody was active in the month. */
export function calculateStickiness(dau: number, mau: number): number {
  return mau > 0 ? round(Math.min(1, dau / mau), 3) : 0;
}

/**
 * DAU/WAU/MAU as of a date from (user, day) activity: DAU is the mean of daily distinct users
 * over the 30 days ending `asOf` (a single day is too noisy: weekends), WAU and MAU count
 * distinct users over the 7 and 30 days ending `asOf`.
 */
export function calculateActiveUserMetrics(userDays: { userId: string; day: string }[], asOf: string): ActiveUserMetrics {
  const monthStart = addDays(asOf, -29);
  const weekStart = addDays(asOf, -6);
  const month = new Set<string>();
  const week = new Set<string>();
  const daily = new Set<string>();
  for (const { userId, day } of userDays) {
    if (day < monthStart || day > asOf) continue;
    month.add(userId);
    daily.add(`${day}\u0000${userId}`);
    if (day >= weekStart) week.add(userId);
  }
  const dau = round(daily.size / 30, 1);
  return { dau, wau: week.size, mau: month.size, stickiness: calculateStickiness(daily.size / 30, month.size) };
}

/** Period-over-period change; null when the previous period had nothing to compare with. */
export function calculateTrend(current: number, previous: number): UsageTrend {
  return { current, previous, change: previous > 0 ? round((current - previous) / previous, 3) : null };
}

/** The previous period of the same length, ending the day before `from`. */
export function calculatePreviousPeriod(from: string, to: string): { from: string; to: string } {
  const length = listDates(from, to).length;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
