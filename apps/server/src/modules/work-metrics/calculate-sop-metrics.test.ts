import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybookStep } from '@northstar/contracts';
import { calculateExecutionCounts, calculateSopMetrics, classifyTask, diagnoseExecution, type ExecutedTask } from './calculate-sop-metrics';

const today = '2026-04-30';

/** A task due on 04-10, created 04-01; `outcome` says how it ended. */
function task(
  ownerId: string,
  outcome: 'on_time' | 'late' | 'skipped' | 'overdue' | 'open',
  extra: Partial<ExecutedTask> = {},
): ExecutedTask {
  const base: ExecutedTask = {
    playbookId: 'pb-onboarding',
    stepKey: 'kickoff',
    title: 'Kickoff',
    ownerId,
    status: 'open',
    dueDate: '2026-04-10',
    createdAt: '2026-04-01T09:00:00.000Z',
    closedAt: null,
    skipReason: null,
  };
  switch (outcome) {
    case 'on_time':
      return { ...base, status: 'done', closedAt: '2026-04-05T09:00:00.000Z', ...extra };
    case 'late':
      return { ...base, status: 'done', closedAt: '2026-04-15T09:00:00.000Z', ...extra };
    case 'skipped':
      return { ...base, status: 'skipped', closedAt: '2026-04-12T09:00:00.000Z', skipReason: 'Customer busy', ...extra };
    case 'overdue':
      return { ...base, ...extra };
    case 'open':
      return { ...base, dueDate: '2026-05-10', ...extra };
  }
}

const repeat = (n: number, make: () => ExecutedTask) => Array.from({ length: n }, make);

describe('classifyTask and calculateExecutionCounts', () => {
  it('counts done on the due date as on time and the day after as late', () => {
    assert.equal(classifyTask(task('a', 'on_time', { closedAt: '2026-04-10T23:59:00.000Z' }), today), 'on_time');
    assert.equal(classifyTask(task('a', 'on_time', { closedAt: '2026-04-11T00:01:00.000Z' }), today), 'late');
    assert.equal(classifyTask(task('a', 'overdue'), today), 'overdue');
    assert.equal(classifyTask(task('a', 'open'), today), 'open');
  });

  it('gives rates over the tasks that came due, the median time and the skip reasons', () => {
    const counts = calculateExecutionCounts(
      [
        task('a', 'on_time'),
        task('a', 'on_time', { closedAt: '2026-04-02T09:00:00.000Z' }),
        task('a', 'late'),
        task('a', 'skipped'),
        task('a', 'skipped', { skipReason: '  ' }),
        task('a', 'skipped'),
        task('a', 'overdue'),
        task('a', 'open'),
      ],
      today,
    );
    assert.equal(counts.started, 8);
    assert.equal(counts.completedOnTime, 2);
    assert.equal(counts.completedLate, 1);
    assert.equal(counts.skipped, 3);
    assert.equal(counts.open, 2, 'open includes the overdue one');
    assert.equal(counts.overdue, 1);
    // 7 came due: 2 on time, 5 went wrong.
    assert.equal(counts.onTimeRate, 0.2857);
    assert.equal(counts.problemRate, 0.7143);
    // Done after 1, 4 and 14 days.
    assert.equal(counts.medianDaysToComplete, 4);
    assert.deepEqual(counts.skipReasons, [
      { reason: 'Customer busy', count: 2 },
      { reason: 'no reason given', count: 1 },
    ]);
  });

  it('has no rates when nothing came due yet', () => {
    const counts = calculateExecutionCounts([task('a', 'open')], today);
    assert.equal(counts.onTimeRate, null);
    assert.equal(counts.problemRate, null);
    assert.equal(counts.medianDaysToComplete, null);
  });
});

describe('diagnoseExecution', () => {
  const perCsm = (rows: Record<string, ExecutedTask[]>) =>
    new Map(Object.entries(rows).map(([id, tasks]) => [id, calculateExecutionCounts(tasks, today)]));
  const good = (id: string) => [...repeat(5, () => task(id, 'on_time')), task(id, 'late')];
  const bad = (id: string) => [...repeat(2, () => task(id, 'on_time')), ...repeat(2, () => task(id, 'late')), task(id, 'skipped')];

  it('blames the playbook when most CSMs struggle with it', () => {
    const verdict = diagnoseExecution(perCsm({ a: bad('a'), b: bad('b'), c: bad('c'), d: good('d') }));
    assert.equal(verdict.diagnosis, 'playbook_problem');
    assert.deepEqual(verdict.struggling, ['a', 'b', 'c']);
  });

  it('blames people when only a few struggle', () => {
    const verdict = diagnoseExecution(perCsm({ a: bad('a'), b: good('b'), c: good('c'), d: good('d') }));
    assert.equal(verdict.diagnosis, 'people_problem');
    assert.deepEqual(verdict.struggling, ['a']);
  });

  it('is healthy when nobody struggles, and withholds a verdict with too few people or tasks', () => {
    assert.equal(diagnoseExecution(perCsm({ a: good('a'), b: good('b') })).diagnosis, 'healthy');
    assert.equal(diagnoseExecution(perCsm({ a: bad('a'), b: bad('b') })).diagnosis, 'insufficient_data');
    // Four late tasks each are below the five a CSM needs to be judged.
    const few = diagnoseExecution(perCsm({ a: repeat(4, () => task('a', 'late')), b: repeat(4, () => task('b', 'late')) }));
    assert.deepEqual([few.diagnosis, few.judged], ['insufficient_data', []]);
  });
});

describe('calculateSopMetrics', () => {
  const steps: PlaybookStep[] = [
    {
      key: 'kickoff',
      kind: 'task',
      title: 'Kickoff call',
      description: '',
      dueOffsetDays: 3,
      assignee: { kind: 'account_owner' },
      priority: 'high',
    },
    {
      key: 'training',
      kind: 'task',
      title: 'Admin training',
      description: '',
      dueOffsetDays: 10,
      assignee: { kind: 'account_owner' },
      priority: 'normal',
    },
  ];

  it('finds the step every CSM is late on, and counts manual tasks only per CSM and team', () => {
    const csms = ['a', 'b', 'c', 'd'];
    const tasks: ExecutedTask[] = csms.flatMap((id) => [
      ...repeat(6, () => task(id, 'on_time', { stepKey: 'kickoff' })),
      ...repeat(4, () => task(id, 'late', { stepKey: 'training', title: 'Admin training' })),
      task(id, 'on_time', { stepKey: 'training' }),
    ]);
    tasks.push(task('a', 'overdue', { playbookId: null, stepKey: null, title: 'Send deck' }));
    tasks.push(task('a', 'on_time', { playbookId: 'pb-onboarding', stepKey: 'welcome-email', title: 'Welcome email (removed step)' }));
    const metrics = calculateSopMetrics({
      tasks,
      playbooks: [
        { id: 'pb-onboarding', name: 'Onboarding SOP', steps },
        { id: 'pb-unused', name: 'Unused', steps: [] },
      ],
      people: new Map([
        ['a', 'Ada'],
        ['b', 'Bo'],
        ['c', 'Cy'],
        ['d', 'Di'],
      ]),
      from: '2026-01-01',
      to: today,
      today,
    });
    assert.equal(metrics.team.started, 46);
    assert.equal(metrics.playbooks.length, 1, 'a playbook without tasks in the period is left out');
    const onboarding = metrics.playbooks[0]!;
    assert.equal(onboarding.counts.started, 45);
    // Overall each CSM has 4 late of 11 due (36%): below the 40% bar, so no one struggles overall...
    assert.equal(onboarding.diagnosis, 'healthy');
    // ...but the training step is late for everyone: the step, not the people, needs fixing.
    assert.deepEqual(
      onboarding.steps.map((s) => [s.key, s.title, s.diagnosis]),
      [
        ['kickoff', 'Kickoff call', 'healthy'],
        ['training', 'Admin training', 'playbook_problem'],
        ['welcome-email', 'Welcome email (removed step)', 'insufficient_data'],
      ],
    );
    const ada = metrics.csms.find((c) => c.userId === 'a')!;
    assert.equal(ada.name, 'Ada');
    assert.equal(ada.counts.overdue, 1);
    assert.deepEqual(ada.strugglingPlaybookIds, []);
  });
});
