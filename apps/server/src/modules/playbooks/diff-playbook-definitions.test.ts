import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybookDefinition } from '@northstar/contracts';
import { diffPlaybookDefinitions, isSameDefinition } from './diff-playbook-definitions';

const base: PlaybookDefinition = {
  name: 'Renewal play',
  description: '',
  ctaReason: 'renewal',
  enabled: true,
  steps: [
    {
      key: 'prep',
      kind: 'task',
      title: 'Prepare',
      description: '',
      dueOffsetDays: 3,
      assignee: { kind: 'account_owner' },
      priority: 'normal',
    },
    { key: 'call', kind: 'task', title: 'Call', description: '', dueOffsetDays: 7, assignee: { kind: 'account_owner' }, priority: 'high' },
  ],
};

describe('diffPlaybookDefinitions', () => {
  it('is empty for the same definition', () => {
    assert.deepEqual(diffPlaybookDefinitions(base, structuredClone(base)), []);
    assert.equal(isSameDefinition(base, structuredClone(base)), true);
  });

  it('ignores the key order jsonb gives objects back in', () => {
    const reordered = JSON.parse(
      '{"steps":[{"key":"prep","kind":"task","title":"Prepare","priority":"normal","assignee":{"kind":"account_owner"},"description":"","dueOffsetDays":3},' +
        '{"kind":"task","key":"call","title":"Call","assignee":{"kind":"account_owner"},"priority":"high","description":"","dueOffsetDays":7}],' +
        '"enabled":true,"ctaReason":"renewal","description":"","name":"Renewal play"}',
    ) as PlaybookDefinition;
    assert.equal(isSameDefinition(base, reordered), true);
  });

  it('reports changed fields of a step by its key', () => {
    const after = structuredClone(base);
    after.steps[1] = { ...after.steps[1]!, title: 'Call the sponsor' } as PlaybookDefinition['steps'][number];
    (after.steps[0] as { dueOffsetDays: number }).dueOffsetDays = 5;
    assert.deepEqual(diffPlaybookDefinitions(base, after), [
      { path: 'steps.prep.dueOffsetDays', change: 'changed', before: 3, after: 5 },
      { path: 'steps.call.title', change: 'changed', before: 'Call', after: 'Call the sponsor' },
    ]);
  });

  it('reports added, removed and reordered steps and top-level changes', () => {
    const after: PlaybookDefinition = {
      ...base,
      enabled: false,
      steps: [base.steps[1]!, base.steps[0]!, { key: 'tag', kind: 'action', title: 'Tag', action: { type: 'add_tag', tag: 'renewal' } }],
    };
    const diff = diffPlaybookDefinitions(base, after);
    assert.deepEqual(
      diff.map((d) => [d.path, d.change]),
      [
        ['enabled', 'changed'],
        ['steps.tag', 'added'],
        ['steps.order', 'changed'],
      ],
    );
    const removed = diffPlaybookDefinitions(after, base);
    assert.deepEqual(
      removed.map((d) => [d.path, d.change]),
      [
        ['enabled', 'changed'],
        ['steps.tag', 'removed'],
        ['steps.order', 'changed'],
      ],
    );
  });
});
