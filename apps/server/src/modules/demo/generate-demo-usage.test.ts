import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expandDemoUsageEvents, zoneOffsetMinutes } from './expand-demo-usage-events';
import { generateDemoPlan } from './generate-demo-plan';
import { DEMO_USAGE_DAYS } from './generate-demo-usage';

const today = '2026-05-01';
const plan = generateDemoPlan({ seed: 7, today });
const { usage } = plan;
const accounts = new Map(plan.accounts.map((a) => [a.key, a]));
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const expand = (accountKey: string) =>
  expandDemoUsageEvents({
    seed: 7,
    start: usage.start,
    timeZone: 'UTC',
    account: accounts.get(accountKey)!,
    usage: usage.accounts.find((u) => u.accountKey === accountKey)!,
  });

describe('demo usage', () => {
  it('is the same for the same seed and date, and different for another seed', () => {
    const again = generateDemoPlan({ seed: 7, today });
    assert.deepEqual(again.usage, usage);
    const key = usage.accounts[0]!.accountKey;
    assert.deepEqual(expand(key), expand(key));
    assert.notDeepEqual(generateDemoPlan({ seed: 8, today }).usage.accounts[0]!.dailyEvents, usage.accounts[0]!.dailyEvents);
  });

  it('covers the 90 days up to the reference date with ~300 events per account, heavy accounts doing most', () => {
    assert.equal(usage.start, '2026-02-01');
    for (const a of usage.accounts) assert.equal(a.dailyEvents.length, DEMO_USAGE_DAYS);
    const totals = usage.accounts.map((a) => sum(a.dailyEvents)).sort((x, y) => y - x);
    const total = sum(totals);
    assert.ok(total > 130_000 && total < 170_000, `total ${total}`);
    const topFifth = sum(totals.slice(0, Math.ceil(totals.length / 5))) / total;
    assert.ok(topFifth > 0.6 && topFifth < 0.9, `top 20% of accounts send ${topFifth}`);
  });

  it('has ~15% growing and 10–15% declining or churning accounts, at-risk ones most likely to decline', () => {
    const share = (trends: string[]) => usage.accounts.filter((a) => trends.includes(a.trend)).length / plan.accounts.length;
    assert.ok(share(['growing']) > 0.1 && share(['growing']) < 0.2, `growing ${share(['growing'])}`);
    assert.ok(
      share(['declining', 'churning']) >= 0.1 && share(['declining', 'churning']) <= 0.16,
      `declining ${share(['declining', 'churning'])}`,
    );
    const atRisk = usage.accounts.filter((a) => accounts.get(a.accountKey)!.tags.includes('at-risk'));
    const others = usage.accounts.filter((a) => !accounts.get(a.accountKey)!.tags.includes('at-risk'));
    const declineRate = (list: typeof atRisk) => list.filter((a) => a.trend === 'declining').length / Math.max(1, list.length);
    assert.ok(declineRate(atRisk) > 3 * declineRate(others));
  });

  it('makes declining accounts decline, growing ones grow, and churned ones stop before their churn date', () => {
    const ratio = (daily: number[]) => sum(daily.slice(-28)) / Math.max(1, sum(daily.slice(0, 28)));
    // Accounts whose contract began inside the window start from nothing, and a handful of
    // events a month is all rounding: compare the others.
    const fromStart = usage.accounts.filter((u) => sum(u.dailyEvents.slice(0, 7)) > 0 && sum(u.dailyEvents.slice(0, 28)) >= 30);
    for (const a of fromStart.filter((u) => u.trend === 'declining'))
      assert.ok(ratio(a.dailyEvents) < 0.8, `${a.accountKey} ${ratio(a.dailyEvents)}`);
    for (const a of fromStart.filter((u) => u.trend === 'growing'))
      assert.ok(ratio(a.dailyEvents) > 1.15, `${a.accountKey} ${ratio(a.dailyEvents)}`);
    const churning = usage.accounts.filter((u) => u.trend === 'churning');
    assert.ok(churning.length > 0);
    for (const a of churning) {
      const churnDay = Math.round((Date.parse(accounts.get(a.accountKey)!.churnDate!) - Date.parse(usage.start)) / 86_400_000);
      assert.equal(sum(a.dailyEvents.slice(churnDay)), 0, `${a.accountKey} has usage after churning`);
    }
    // Accounts that churned before the window have no recent usage at all.
    const longGone = plan.accounts.filter((a) => a.churnDate && a.churnDate < usage.start);
    assert.ok(longGone.length > 0 && longGone.every((a) => !usage.accounts.some((u) => u.accountKey === a.key)));
  });

  it('puts most activity on weekdays and in working hours', () => {
    const events = usage.accounts.slice(0, 60).flatMap((a) => expand(a.accountKey).filter((e) => e.type === 'track' || e.type === 'page'));
    const at = events.map((e) => new Date(e.timestamp));
    const weekday = at.filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5).length / at.length;
    const working = at.filter((d) => d.getUTCHours() >= 9 && d.getUTCHours() < 18).length / at.length;
    assert.ok(weekday > 0.85, `weekday share ${weekday}`);
    assert.ok(working > 0.65 && working < 0.9, `working-hour share ${working}`);
  });

  it('links every user to the account by identify and group, and stays inside the window', () => {
    const key = usage.accounts[0]!.accountKey;
    const events = expand(key);
    const users = usage.accounts[0]!.users;
    assert.equal(events.filter((e) => e.type === 'group' && e.groupId === key).length, users);
    assert.equal(events.filter((e) => e.type === 'identify').length, users);
    assert.equal(new Set(events.map((e) => e.messageId)).size, events.length);
    for (const e of events) assert.ok(e.timestamp >= `${usage.start}T00:00` && e.timestamp < '2026-05-02T00:00', e.timestamp);
  });

  it('converts local working hours to UTC by the zone offset', () => {
    assert.equal(zoneOffsetMinutes('2026-05-01', 'UTC'), 0);
    assert.equal(zoneOffsetMinutes('2026-05-01', 'Asia/Shanghai'), -480);
    assert.equal(zoneOffsetMinutes('2026-07-01', 'America/New_York'), 240);
  });
});
