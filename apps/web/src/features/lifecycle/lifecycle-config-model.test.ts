import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LifecycleConfigBody } from '@northstar/contracts';
import { configFieldErrors, fromConfigDraft, nextChecklistKey, toConfigDraft } from './lifecycle-config-model';

const text = (en: string) => ({ en, 'zh-CN': en });
const config: LifecycleConfigBody = {
  holdManualStages: true,
  stages: [
    {
      stage: 'stable',
      kind: 'working',
      enabled: true,
      label: text('Stable'),
      goals: [],
      checklist: [{ key: 'item_2', label: text('Review'), required: true }],
      expectedDurationDays: null,
      entryRules: [],
    },
    {
      stage: 'renewal',
      kind: 'working',
      enabled: true,
      label: text('Renewal'),
      goals: [text('Renew')],
      checklist: [],
      expectedDurationDays: 90,
      entryRules: [{ kind: 'renewal_within_days', days: 90, from: ['stable'], enabled: true }],
    },
  ],
};

describe('lifecycle config editor model', () => {
  it('round-trips a config, blank duration meaning no limit', () => {
    const draft = toConfigDraft(config);
    assert.equal(draft.stages[0]!.expectedDurationDays, '');
    assert.equal(draft.stages[1]!.entryRules[0]!.days, '90');
    assert.deepEqual(fromConfigDraft(draft), config);
  });

  it('sends a switched-off rule and edited numbers', () => {
    const draft = toConfigDraft(config);
    draft.stages[1]!.expectedDurationDays = '60';
    draft.stages[1]!.entryRules[0] = { ...draft.stages[1]!.entryRules[0]!, enabled: false, days: '45' };
    const body = fromConfigDraft(draft);
    assert.equal(body.stages[1]!.expectedDurationDays, 60);
    assert.deepEqual(body.stages[1]!.entryRules[0], { kind: 'renewal_within_days', from: ['stable'], enabled: false, days: 45 });
  });

  it('reads field paths of both spellings into one', () => {
    const errors = configFieldErrors([
      { field: 'stages[1].expectedDurationDays', problem: 'must be a whole number' },
      { field: 'stages.0.checklist.0.key', problem: 'must be lower-case' },
      { field: 'stages', problem: 'must list every stage' },
    ]);
    assert.deepEqual([...errors.keys()], ['stages[1].expectedDurationDays', 'stages[0].checklist[0].key', 'stages']);
  });

  it('picks a checklist key the stage does not have yet', () => {
    assert.equal(nextChecklistKey(toConfigDraft(config).stages[0]!), 'item_3');
  });
});
