import { addDays, daysBetween } from './demo-dates';
import type { DemoAccount } from './demo-plan';
import type { Random } from './demo-random';

/** Days of usage history the demo sends, ending on its reference date. */
export const DEMO_USAGE_DAYS = 90;
/**
 * Average tracked events per account over the 90 days: ~150k for the default 500 accounts.
 * Enough for every chart to look lived-in (a heavy account sees ~100 events a day, a light one
 * a few a week) while `northstar demo` stays within a minute on PGlite: ingestion runs at
 * ~10–40k events/s there, and the rollup of the whole window at ~10k events/s.
 */
export const DEMO_EVENTS_PER_ACCOUNT = 300;
/** Product users per account are a share of licensed seats, capped so no account dominates the volume. */
const MAX_USERS = 120;
// Activity by ISO weekday (Monday first): a business tool is used on working days.
const WEEKDAY_FACTOR = [1, 1.05, 1.05, 1, 0.85, 0.12, 0.07] as const;

export type DemoUsageTrend = 'steady' | 'growing' | 'declining' | 'churning';

/** One account's usage over the window; events themselves are expanded at write time. */
export type DemoUsageAccount = {
  accountKey: string;
  trend: DemoUsageTrend;
  /** Product users; ids are `<accountKey>-u<n>`. */
  users: number;
  /** Tracked events per local day, oldest first: day i is `start + i`. */
  dailyEvents: number[];
};

export type DemoUsage = {
  /** First local day of the window: today − 89. */
  start: string;
  accounts: DemoUsageAccount[];
};

/**
 * The shape of 90 days of product usage, without I/O: per account a user count and events per
 * day. Volume follows account size (seats) times a Pareto intensity, so a few accounts are
 * heavy and most are light; weekends are quiet; ~15% of accounts grow; ~10–15% decline (most
 * of the at-risk ones), and churned accounts fade out before their churn date.
 */
export function generateDemoUsage(input: { today: string; accounts: readonly DemoAccount[] }, random: Random): DemoUsage {
  const start = addDays(input.today, -(DEMO_USAGE_DAYS - 1));
  const drafts: (DemoUsageAccount & { raw: number[] })[] = [];
  for (const account of input.accounts) {
    // Whatever is drawn, each account draws the same numbers, so one account's data does not
    // depend on whether the accounts before it had usage.
    const adoption = 0.35 + 0.45 * random.next();
    const intensity = Math.min(12, 1 / Math.pow(1 - random.next(), 1 / 1.3));
    const trendRoll = random.next();
    const shape = { from: random.next(), to: random.next(), at: random.next() };
    const noise = Array.from({ length: DEMO_USAGE_DAYS }, () => Math.exp(0.25 * random.normal()));

    const churnDay = account.churnDate ? daysBetween(start, account.churnDate) : undefined;
    // Accounts that left before the window have no recent usage; new ones start after kick-off.
    if (churnDay !== undefined && churnDay <= 0) continue;
    const firstDay = Math.max(0, daysBetween(start, account.contractStart) + 7);
    if (firstDay >= DEMO_USAGE_DAYS) continue;

    const atRisk = account.tags.includes('at-risk');
    const trend: DemoUsageTrend =
      churnDay !== undefined ? 'churning' : trendRoll < (atRisk ? 0.6 : 0.03) ? 'declining' : trendRoll > 0.82 ? 'growing' : 'steady';
    const users = Math.max(2, Math.min(MAX_USERS, Math.round(account.licensedSeats * adoption)));
    const level = (day: number) => trendLevel(trend, day, shape, churnDay);
    const raw = noise.map((n, day) => (day < firstDay ? 0 : users * intensity * level(day) * WEEKDAY_FACTOR[weekday(start, day)]! * n));
    drafts.push({ accountKey: account.key, trend, users, dailyEvents: [], raw });
  }
  // Scale to the volume budget so the demo's size does not depend on the seat distribution.
  const total = drafts.reduce((sum, d) => sum + d.raw.reduce((s, x) => s + x, 0), 0);
  const scale = total > 0 ? (DEMO_EVENTS_PER_ACCOUNT * input.accounts.length) / total : 0;
  return {
    start,
    accounts: drafts
      .map(({ raw, ...d }) => ({ ...d, dailyEvents: raw.map((x) => Math.round(x * scale)) }))
      // The lightest accounts can round to nothing: they have no product users to send either.
      .filter((d) => d.dailyEvents.some((n) => n > 0)),
  };
}

/** The account's activity level on a day of the window, 1 = its usual. */
function trendLevel(
  trend: DemoUsageTrend,
  day: number,
  shape: { from: number; to: number; at: number },
  churnDay: number | undefined,
): number {
  const last = DEMO_USAGE_DAYS - 1;
  if (trend === 'growing') return 0.35 + 0.25 * shape.from + (0.65 - 0.25 * shape.from) * (day / last);
  if (trend === 'declining') {
    // Steady until a turning point in the first half, then down to 15–40% of its usual.
    const turn = Math.floor(shape.at * 45);
    const floor = 0.15 + 0.25 * shape.to;
    return day <= turn ? 1 : 1 - (1 - floor) * ((day - turn) / (last - turn));
  }
  if (trend === 'churning' && churnDay !== undefined) {
    // Use fades over the 30–60 days before the churn date and stops there.
    const fade = 30 + Math.floor(shape.at * 30);
    if (day >= churnDay) return 0;
    return day <= churnDay - fade ? 1 : (churnDay - day) / fade;
  }
  return 1;
}

/** ISO weekday index (Monday = 0) of `start + day`. */
export function weekday(start: string, day: number): number {
  return (new Date(`${addDays(start, day)}T00:00:00Z`).getUTCDay() + 6) % 7;
}
