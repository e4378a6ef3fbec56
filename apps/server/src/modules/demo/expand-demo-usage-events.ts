import { addDays } from './demo-dates';
import type { DemoAccount } from './demo-plan';
import { createRandom, type Random } from './demo-random';
import { ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES } from './demo-vocabulary';
import type { DemoUsageAccount } from './generate-demo-usage';

/** The demo's product events and the features they map to; "Order Processed" is the north star. */
export const DEMO_FEATURES = [
  { name: 'Dashboards', module: 'Analytics', eventName: 'Dashboard Viewed', weight: 30 },
  { name: 'Order processing', module: 'Operations', eventName: 'Order Processed', weight: 24 },
  { name: 'Reports', module: 'Analytics', eventName: 'Report Created', weight: 11 },
  { name: 'Comments', module: 'Collaboration', eventName: 'Comment Added', weight: 8 },
  { name: 'Exports', module: 'Analytics', eventName: 'Export Downloaded', weight: 5 },
  { name: 'Team invites', module: 'Administration', eventName: 'Invite Sent', weight: 2 },
] as const;
const PAGES = ['Dashboard', 'Orders', 'Reports', 'Settings'] as const;
/** Share of events that are page views rather than tracked actions. */
const PAGE_SHARE = 0.2;
// Relative activity by local hour: office hours with a lunch dip, a little evening use.
// prettier-ignore
const HOUR_WEIGHTS = [0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.5, 5, 9, 10, 9, 5, 7, 9, 9, 8, 5, 2.5, 1.5, 1, 0.7, 0.4, 0.2] as const;

export type DemoTrackingMessage = Record<string, unknown> & { type: string; messageId: string; timestamp: string };

/** A cumulative-weight sampler: O(log n) picks, for the per-event draws. */
function sampler(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (random) => {
    const target = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
const pickHour = sampler(HOUR_WEIGHTS);
const pickFeature = sampler(DEMO_FEATURES.map((f) => f.weight));

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * Minutes to add to a local wall-clock time in `timeZone` to get UTC, on `date` (at noon, so a
 * DST change in the small hours is ignored: the demo places events to the minute at best).
 * Cached: building an Intl formatter costs far more than the demo's per-event work.
 */
export function zoneOffsetMinutes(date: string, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const noon = new Date(`${date}T12:00:00Z`);
  const parts = format.formatToParts(noon);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const offset = (noon.getTime() - Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))) / 60_000;
  offsets.set(key, offset);
  return offset;
}

/**
 * One account's messages, as an analytics library would send them: identify and group for each
 * user on the first day, then the day's tracked events and page views at working-hour times in
 * the workspace's time zone. Deterministic per seed and account; messageIds are stable, so a
 * re-send is de-duplicated.
 */
export function expandDemoUsageEvents(input: {
  seed: number;
  start: string;
  timeZone: string;
  account: Pick<DemoAccount, 'key' | 'domain' | 'name'>;
  usage: DemoUsageAccount;
}): DemoTrackingMessage[] {
  const { account, usage } = input;
  const random = createRandom(input.seed, `usage-events/${account.key}`);
  const userIds = Array.from({ length: usage.users }, (_, i) => `${account.key}-u${i + 1}`);
  // A few power users do most of the work (Pareto weights, α = 1.2).
  const userWeights = userIds.map(() => 1 / Math.pow(1 - random.next() * 0.98, 1 / 1.2));
  const events: DemoTrackingMessage[] = [];
  // B2B libraries attach the account to every call (Segment's context.groupId): each event is
  // credited to its account on its own, whichever batch its user's group call went in.
  const context = { groupId: account.key };
  const firstDay = usage.dailyEvents.findIndex((n) => n > 0);
  if (firstDay < 0) return events;

  // UTC milliseconds of local midnight on each day of the window.
  const midnights = usage.dailyEvents.map((_, day) => {
    const date = addDays(input.start, day);
    return Date.parse(`${date}T00:00:00Z`) + zoneOffsetMinutes(date, input.timeZone) * 60_000;
  });
  const at = (day: number, minuteOfDay: number, second: number) =>
    new Date(midnights[day]! + minuteOfDay * 60_000 + second * 1000).toISOString();

  userIds.forEach((userId, i) => {
    const first = random.pick(ENGLISH_FIRST_NAMES);
    const last = random.pick(ENGLISH_LAST_NAMES);
    const timestamp = at(firstDay, 8 * 60 + (i % 60), 0);
    const email = `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}${i + 1}@${account.domain}`;
    events.push({
      type: 'identify',
      messageId: `${userId}-identify`,
      userId,
      traits: { name: `${first} ${last}`, email },
      context,
      timestamp,
    });
    events.push({ type: 'group', messageId: `${userId}-group`, userId, groupId: account.key, traits: { name: account.name }, timestamp });
  });

  const usual = Math.max(1, average(usage.dailyEvents));
  usage.dailyEvents.forEach((count, day) => {
    if (count === 0) return;
    // A declining account loses users, a growing one gains them: the day's pool follows volume.
    const level = Math.min(1, count / usual);
    const pool = Math.max(1, Math.ceil(usage.users * Math.min(1, 0.3 + 0.7 * level)));
    const pickUser = sampler(userWeights.slice(0, pool));
    for (let n = 0; n < count; n++) {
      const userId = userIds[pickUser(random)]!;
      const timestamp = at(day, pickHour(random) * 60 + random.int(0, 59), random.int(0, 59));
      const messageId = `${account.key}-${day}-${n}`;
      if (random.chance(PAGE_SHARE)) {
        events.push({ type: 'page', messageId, userId, name: random.pick(PAGES), context, timestamp });
        continue;
      }
      const feature = DEMO_FEATURES[pickFeature(random)]!;
      events.push({
        type: 'track',
        messageId,
        userId,
        event: feature.eventName,
        properties: propertiesFor(feature.eventName, random),
        context,
        timestamp,
      });
    }
  });
  return events;
}

function propertiesFor(eventName: string, random: Random): Record<string, unknown> {
  if (eventName === 'Order Processed') return { amount: random.int(20, 2_000), currency: 'USD' };
  if (eventName === 'Report Created') return { template: random.pick(['weekly', 'monthly', 'custom']) };
  if (eventName === 'Export Downloaded') return { format: random.pick(['csv', 'xlsx', 'pdf']) };
  return {};
}

function average(values: readonly number[]): number {
  const positive = values.filter((v) => v > 0);
  return positive.reduce((s, v) => s + v, 0) / Math.max(1, positive.length);
}
