import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findLatestCronTick, findNextCronTick, isCronTick, parseCronExpression, type CronSchedule } from './cron-schedule';

function parse(expression: string): CronSchedule {
  const parsed = parseCronExpression(expression);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

describe('cron schedules', () => {
  it('parses lists, ranges, steps and names', () => {
    const s = parse('*/15 9-17 * JAN,jul MON-FRI');
    assert.deepEqual([...s.minutes], [0, 15, 30, 45]);
    assert.deepEqual([...s.hours], [9, 10, 11, 12, 13, 14, 15, 16, 17]);
    assert.deepEqual([...s.months], [1, 7]);
    assert.deepEqual([...s.daysOfWeek], [1, 2, 3, 4, 5]);
    assert.deepEqual([...parse('0 0 * * 7').daysOfWeek].sort(), [0, 7]);
  });

  it('names the problem of a bad expression', () => {
    assert.match((parseCronExpression('* * *') as { problem: string }).problem, /five fields/);
    assert.match((parseCronExpression('61 * * * *') as { problem: string }).problem, /minute/);
    assert.match((parseCronExpression('* * * * MON-XYZ') as { problem: string }).problem, /day of week/);
    assert.match((parseCronExpression('*/0 * * * *') as { problem: string }).problem, /step/);
  });

  it('reads the wall clock of the time zone', () => {
    const mondayNine = parse('0 9 * * 1');
    // 2026-03-02 is a Monday; 09:00 in Shanghai is 01:00 UTC.
    assert.equal(isCronTick(mondayNine, new Date('2026-03-02T01:00:00Z'), 'Asia/Shanghai'), true);
    assert.equal(isCronTick(mondayNine, new Date('2026-03-02T09:00:00Z'), 'Asia/Shanghai'), false);
    assert.equal(isCronTick(mondayNine, new Date('2026-03-02T09:00:00Z'), 'UTC'), true);
  });

  it('fires on either restricted day field, as crontab does', () => {
    const s = parse('0 0 1 * MON');
    assert.equal(isCronTick(s, new Date('2026-04-01T00:00:00Z'), 'UTC'), true); // the 1st, a Wednesday
    assert.equal(isCronTick(s, new Date('2026-04-06T00:00:00Z'), 'UTC'), true); // a Monday
    assert.equal(isCronTick(s, new Date('2026-04-07T00:00:00Z'), 'UTC'), false);
  });

  it('finds the latest tick in a window and the next one ahead', () => {
    const daily = parse('30 6 * * *');
    const latest = findLatestCronTick(daily, 'UTC', new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T12:00:00Z'));
    assert.equal(latest?.toISOString(), '2026-03-03T06:30:00.000Z');
    assert.equal(findLatestCronTick(daily, 'UTC', new Date('2026-03-03T06:30:00Z'), new Date('2026-03-03T12:00:00Z')), undefined);
    assert.equal(findNextCronTick(daily, 'UTC', new Date('2026-03-03T06:30:00Z'))?.toISOString(), '2026-03-04T06:30:00.000Z');
    assert.equal(findNextCronTick(parse('0 0 30 2 *'), 'UTC', new Date('2026-03-03T00:00:00Z')), undefined);
  });
});
