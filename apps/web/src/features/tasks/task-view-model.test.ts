import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canActOnWork, daysUntilDue, dueBucket, groupByBucket, utcToday } from './task-view-model';

const task = (dueDate: string, status: 'open' | 'done' | 'skipped' = 'open', isOverdue = false) => ({ dueDate, status, isOverdue });

describe('task view model', () => {
  const today = '2026-03-10';

  it('counts days to the due date across a month end', () => {
    assert.equal(daysUntilDue('2026-04-01', '2026-03-31'), 1);
    assert.equal(daysUntilDue('2026-03-08', today), -2);
  });

  it('buckets open tasks by due date and closed ones apart', () => {
    assert.equal(dueBucket(task('2026-03-09'), today), 'overdue');
    assert.equal(dueBucket(task('2026-03-10'), today), 'today');
    assert.equal(dueBucket(task('2026-03-17'), today), 'week');
    assert.equal(dueBucket(task('2026-03-18'), today), 'later');
    assert.equal(dueBucket(task('2026-03-01', 'done'), today), 'closed');
  });

  it('trusts the server’s overdue flag when the clocks disagree', () => {
    assert.equal(dueBucket(task('2026-03-10', 'open', true), today), 'overdue');
  });

  it('groups consecutive tasks without reordering them', () => {
    const tasks = [task('2026-03-01'), task('2026-03-05'), task('2026-03-10'), task('2026-04-30')];
    assert.deepEqual(
      groupByBucket(tasks, today).map((g) => [g.bucket, g.tasks.length]),
      [
        ['overdue', 2],
        ['today', 1],
        ['later', 1],
      ],
    );
  });

  it('takes today as the UTC calendar day', () => {
    assert.equal(utcToday(new Date('2026-03-10T23:30:00-05:00')), '2026-03-11');
  });
});

describe('who may act on a task', () => {
  it('lets a CSM act on their own and unowned work, managers on anyone’s, viewers on nothing', () => {
    const csm = { id: 'u1', role: 'csm' as const };
    assert.equal(canActOnWork(csm, { ownerId: 'u1' }), true);
    assert.equal(canActOnWork(csm, { ownerId: null }), true);
    assert.equal(canActOnWork(csm, { ownerId: 'u2' }), false);
    assert.equal(canActOnWork({ id: 'm', role: 'manager' }, { ownerId: 'u2' }), true);
    assert.equal(canActOnWork({ id: 'v', role: 'viewer' }, { ownerId: 'v' }), false);
    assert.equal(canActOnWork(undefined, { ownerId: null }), false);
  });
});
