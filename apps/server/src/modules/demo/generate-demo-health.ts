import { addDays, addYears, atTime, daysBetween } from './demo-dates';
import type { DemoAccount } from './demo-plan';
import type { Random } from './demo-random';
import { DEMO_USAGE_DAYS, type DemoUsage } from './generate-demo-usage';

/**
 * Days of daily usage rollups the demo keeps before its 90 days of raw events, as if older raw
 * events had been pruned. Enough for a 90-day backtest of every outcome of the last year: the
 * score date is 90 days before the outcome and its trend reads the 60 days before that.
 */
export const DEMO_HISTORY_DAYS = 424;
/** The demo product's north-star metric (DOMAIN §2): orders processed, counted over 30 days. */
export const DEMO_NORTH_STAR = { event: 'Order Processed', aggregate: 'count' } as const;
/** Product features the history spreads events over, in DEMO_FEATURES order ("Order Processed" second). */
export const DEMO_HISTORY_FEATURES = [
  'Dashboard Viewed',
  'Order Processed',
  'Report Created',
  'Comment Added',
  'Export Downloaded',
  'Invite Sent',
] as const;

/**
 * One account's usage before the raw window, expanded into rollup rows by SQL at write time.
 * Activity is `dailyUsers` active users a day at level 1, scaled by a level that is `levels[0]`
 * until `knots[0]`, `levels[1]` from `knots[1]`, linear between; events spread over the first
 * `breadth` features.
 */
export type DemoUsageHistory = {
  accountKey: string;
  users: number;
  from: string;
  to: string;
  dailyUsers: number;
  breadth: number;
  knots: [string, string];
  levels: [number, number];
};

export type DemoExperienceInput = {
  accountKey: string;
  kind: 'nps' | 'csat' | 'support_tickets' | 'csm_sentiment';
  value: number;
  observedAt: string;
  source: string;
};

export type DemoHealth = { history: DemoUsageHistory[]; inputs: DemoExperienceInput[]; targets: { accountKey: string; target: number }[] };

/** Days of usage kept before an account's outcome: a 90-day horizon, the 60 days its windows read, a month to spare. */
const TRACKED_BEFORE_OUTCOME = 180;

/** The churn date, or the last renewal passed (a year before the next), or the contract start for a first-year account. */
function outcomeDate(account: DemoAccount, today: string): string {
  if (account.churnDate) return account.churnDate;
  if (!account.renewalDate) return account.contractStart;
  const passed = account.renewalDate <= today ? account.renewalDate : addYears(account.renewalDate, -1);
  return passed >= addYears(account.contractStart, 1) ? passed : account.contractStart;
}

/** The story behind an account's signals; the backtest should find it, through the noise. */
type Trajectory = { kind: 'declining' | 'sudden' | 'false_alarm' | 'growing' | 'steady'; start: string; end: string };

/**
 * Health inputs with signal and noise: most churned accounts faded for months before leaving
 * (usage falling from a busier past, narrower feature use, worse NPS, CSAT and sentiment, more
 * tickets); some left suddenly with nothing to see (a migration, a restructuring); some retained
 * accounts went through a scare and stayed. Values are noisy draws around the account's state, so
 * a good scorecard ranks churners low most of the time, not always.
 */
export function generateDemoHealth(
  input: { today: string; accounts: readonly DemoAccount[]; usage: DemoUsage },
  random: Random,
): DemoHealth {
  const windowStart = input.usage.start ?? addDays(input.today, -(DEMO_USAGE_DAYS - 1));
  const historyStart = addDays(windowStart, -DEMO_HISTORY_DAYS);
  const rawUsage = new Map(input.usage.accounts.map((u) => [u.accountKey, u]));
  const history: DemoUsageHistory[] = [];
  const inputs: DemoExperienceInput[] = [];
  const targets: DemoHealth['targets'] = [];

  for (const account of input.accounts) {
    // Every account draws the same numbers whatever its branch, so one account's data does not depend on another's.
    const draws = {
      story: random.next(),
      start: random.next(),
      peak: random.next(),
      breadth: random.next(),
      users: random.next(),
      target: random.next(),
      grump: random.next(),
    };
    const raw = rawUsage.get(account.key);
    // Accounts that left before the raw window have no raw usage to follow: fewer of their seats were ever used.
    const users = raw?.users ?? Math.max(2, Math.min(120, Math.round(account.licensedSeats * (0.2 + 0.4 * draws.users))));
    const activeDays = raw ? raw.dailyEvents.filter((n) => n > 0) : [];
    const eventsPerDay = activeDays.length > 0 ? activeDays.reduce((s, n) => s + n, 0) / activeDays.length : Math.max(1, users * 0.12);
    const dailyUsers = Math.min(users, Math.max(0.5, eventsPerDay * 0.75));
    const trajectory = pickTrajectory(account, draws, windowStart, input.today);
    // What churners used went narrower before they left; healthy accounts use most of the product.
    const breadth = trajectory.kind === 'declining' ? 2 + Math.floor(draws.breadth * 3) : 3 + Math.floor(draws.breadth * 4);

    // Usage tracking began at different times: early enough to score the account 90 days before its
    // outcome (churn, or the renewal it passed) with two months of windows behind it, not earlier
    // than needed: half the rows of a full history, and the demo builds in half the time.
    const from = maxDate(
      historyStart,
      maxDate(addDays(account.contractStart, 7), addDays(outcomeDate(account, input.today), -TRACKED_BEFORE_OUTCOME)),
    );
    const to = minDate(addDays(windowStart, -1), account.churnDate ? addDays(account.churnDate, -1) : addDays(windowStart, -1));
    if (from <= to) {
      history.push({
        accountKey: account.key,
        users,
        from,
        to,
        dailyUsers: round2(dailyUsers),
        breadth: Math.min(6, breadth),
        ...levelsFor(trajectory, draws, from, to),
      });
    }
    // A target the account meets at its usual pace, give or take: Order Processed is about a quarter of events.
    targets.push({ accountKey: account.key, target: Math.max(5, Math.round(eventsPerDay * 0.24 * 30 * (0.85 + 0.5 * draws.target))) });
    inputs.push(...experienceInputs(account, trajectory, draws.grump, input.today, random));
  }
  return { history, inputs, targets };
}

function pickTrajectory(account: DemoAccount, draws: { story: number; start: number }, windowStart: string, today: string): Trajectory {
  if (account.churnDate) {
    const suddenOdds = account.churnReason === 'business_migration' || account.churnReason === 'business_restructuring' ? 0.4 : 0.12;
    const end = account.churnDate;
    if (draws.story < suddenOdds) return { kind: 'sudden', start: addDays(end, -60), end };
    return { kind: 'declining', start: addDays(end, -(200 + Math.floor(draws.start * 130))), end };
  }
  const alarmOdds = account.tags.includes('at-risk') ? 0.35 : 0.08;
  if (draws.story < alarmOdds) {
    const start = addDays(windowStart, -(90 + Math.floor(draws.start * 300)));
    return { kind: 'false_alarm', start, end: minDate(addDays(start, 150), today) };
  }
  if (draws.story > 0.85) return { kind: 'growing', start: addDays(windowStart, -DEMO_HISTORY_DAYS), end: windowStart };
  return { kind: 'steady', start: windowStart, end: windowStart };
}

/**
 * The usage level over the history, relative to the account's usual level in the raw window (1).
 * A decliner falls from its usual level, fading out before a churn that came before the raw window;
 * one that churned within it is at about half its usual level when the window starts. The raw
 * window, generated by the usage step on its own, then starts again at the usual level and fades
 * to the churn date: a step on the first raw day, visible only in a chart reaching further back.
 */
function levelsFor(t: Trajectory, draws: { peak: number }, from: string, to: string): Pick<DemoUsageHistory, 'knots' | 'levels'> {
  switch (t.kind) {
    case 'declining': {
      const churnsInHistory = t.end <= addDays(to, 1);
      return { knots: [t.start, minDate(t.end, addDays(to, 1))], levels: [1, churnsInHistory ? 0.15 : 0.4 + 0.2 * draws.peak] };
    }
    case 'false_alarm':
      return { knots: [t.start, t.end], levels: [1, 0.65 + 0.2 * draws.peak] };
    case 'growing':
      return { knots: [from, addDays(to, 1)], levels: [0.55, 1] };
    default:
      return { knots: [from, to], levels: [1, 1] };
  }
}

/** How worried the account's signals look on `date`, 0 (fine) to 1 (about to leave). */
function riskOn(t: Trajectory, date: string, grump: number): number {
  const base = 0.35 * grump * grump;
  const progress = (from: string, to: string) => Math.min(1, Math.max(0, daysBetween(from, date) / Math.max(1, daysBetween(from, to))));
  // Complaints start well before usage has fallen far: the experience signals lead.
  if (t.kind === 'declining') return Math.max(base, Math.sqrt(progress(t.start, t.end)));
  if (t.kind === 'sudden') return Math.max(base, 0.25 * progress(t.start, t.end));
  if (t.kind === 'false_alarm')
    return Math.max(base, date >= t.start && date <= t.end ? 0.7 * Math.sin(Math.PI * progress(t.start, t.end)) : 0);
  return base;
}

/**
 * Quarterly NPS rounds (1–3 answers), CSAT after ticket-heavy months, a monthly ticket count and
 * the CSM's sentiment every six weeks, while the account was a customer.
 */
function experienceInputs(account: DemoAccount, t: Trajectory, grump: number, today: string, random: Random): DemoExperienceInput[] {
  const out: DemoExperienceInput[] = [];
  const isCustomer = (date: string) =>
    date >= addDays(account.contractStart, 21) && date <= today && (!account.churnDate || date < account.churnDate);
  const at = (date: string, hour: number) => atTime(date, hour, random.int(0, 59));
  const noisy = (mean: number, sd: number, min: number, max: number) => Math.min(max, Math.max(min, mean + sd * random.normal()));

  for (let k = 0; k < 6; k++) {
    const date = addDays(today, -(12 + 91 * k));
    const respondents = random.int(1, account.tier === 'S' ? 3 : 2);
    const answered = random.chance(0.8);
    if (!isCustomer(date) || !answered) continue;
    const risk = riskOn(t, date, grump);
    for (let r = 0; r < respondents; r++) {
      if (!isCustomer(addDays(date, r))) continue;
      out.push({
        accountKey: account.key,
        kind: 'nps',
        value: Math.round(noisy(8.6 - 4.6 * risk, 1.8, 0, 10)),
        observedAt: at(addDays(date, r), 10 + r),
        source: 'survey',
      });
    }
  }
  for (let k = 0; k < 16; k++) {
    const date = addDays(today, -(1 + 30 * k));
    if (!isCustomer(date)) continue;
    const risk = riskOn(t, date, grump);
    const tickets = Math.max(0, Math.round(noisy(1.5 + 6 * risk + account.licensedSeats / 400, 1.6, 0, 40)));
    out.push({ accountKey: account.key, kind: 'support_tickets', value: tickets, observedAt: at(date, 6), source: 'helpdesk' });
    if (tickets > 0 && random.chance(0.6)) {
      out.push({
        accountKey: account.key,
        kind: 'csat',
        value: round2(noisy(4.4 - 1.6 * risk, 0.5, 1, 5)),
        observedAt: at(date, 7),
        source: 'helpdesk',
      });
    }
  }
  for (let k = 0; k < 11; k++) {
    const date = addDays(today, -(5 + 45 * k));
    if (!isCustomer(date) || !random.chance(0.85)) continue;
    const risk = riskOn(t, date, grump);
    out.push({
      accountKey: account.key,
      kind: 'csm_sentiment',
      value: Math.round(noisy(4.2 - 2.6 * risk, 0.8, 1, 5)),
      observedAt: at(date, 16),
      source: 'manual',
    });
  }
  return out;
}

/** Rows the health step writes, for the progress bar: inputs and targets (the history is one statement per batch). */
export function countDemoHealthRows(health: DemoHealth | undefined): number {
  return (health?.inputs.length ?? 0) + (health?.targets.length ?? 0) + (health?.history.length ?? 0);
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
