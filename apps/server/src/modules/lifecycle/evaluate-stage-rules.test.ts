import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HANDOFF_ITEMS } from './evaluate-handoff-checklist';
import { evaluateStageRules, type StageFacts } from './evaluate-stage-rules';
import { DEFAULT_LIFECYCLE_CONFIG, type LifecycleConfig } from './lifecycle-config';

const today = '2026-03-01';
const facts = (extra: Partial<StageFacts>): StageFacts => ({
  stage: 'stable',
  enteredAt: '2025-06-01',
  enteredManually: false,
  completedChecklistItems: {},
  renewalDate: '2026-12-31',
  contractEnd: '2026-12-31',
  churnedOn: null,
  renewed: false,
  ...extra,
});
const evaluate = (extra: Partial<StageFacts>, config: LifecycleConfig = DEFAULT_LIFECYCLE_CONFIG) =>
  evaluateStageRules(facts(extra), config, today);

describe('evaluateStageRules', () => {
  it('moves a handoff to onboarding once the handoff checklist is done', () => {
    const partial = evaluate({ stage: 'handoff', completedChecklistItems: { handoff: ['arr', 'plan'] } });
    assert.equal(partial, null);
    const done = evaluate({ stage: 'handoff', completedChecklistItems: { handoff: HANDOFF_ITEMS } });
    assert.equal(done?.to, 'onboarding');
    assert.deepEqual(done?.reason, { en: 'Handoff checklist complete', 'zh-CN': '交接清单已完成' });
  });

  it('moves a working account to renewal when the renewal date is within 90 days, inclusive', () => {
    const due = evaluate({ renewalDate: '2026-05-30' });
    assert.equal(due?.to, 'renewal');
    assert.equal(due?.reason.en, 'renewal date 2026-05-30 is within 90 days');
    assert.equal(evaluate({ renewalDate: '2026-05-31' }), null);
  });

  it('does not send a handoff straight to renewal', () => {
    assert.equal(evaluate({ stage: 'handoff', renewalDate: '2026-03-15' }), null);
  });

  it('records a signed renewal as renewed', () => {
    assert.equal(evaluate({ stage: 'renewal', renewed: true })?.to, 'renewed');
  });

  it('churns an account whose contract ended without renewal, the day after the end date', () => {
    assert.equal(evaluate({ stage: 'renewal', contractEnd: '2026-03-01', renewalDate: '2026-03-01' }), null);
    const churned = evaluate({ stage: 'renewal', contractEnd: '2026-02-28', renewalDate: '2026-02-28' });
    assert.equal(churned?.to, 'churned');
    assert.equal(churned?.reason['zh-CN'], '合同已于 2026-02-28 到期且未续约');
    assert.equal(evaluate({ stage: 'renewal', contractEnd: '2026-02-28', renewed: true })?.to, 'renewed');
  });

  it('prefers the stage furthest along when several rules fire', () => {
    assert.equal(evaluate({ stage: 'stable', contractEnd: '2026-02-01', renewalDate: '2026-02-01' })?.to, 'churned');
  });

  it('holds a manually set stage, except against contract facts', () => {
    assert.equal(evaluate({ enteredManually: true, renewalDate: '2026-04-01' }), null);
    assert.equal(evaluate({ enteredManually: true, contractEnd: '2026-02-01' })?.to, 'churned');
    const loose = { ...DEFAULT_LIFECYCLE_CONFIG, holdManualStages: false };
    assert.equal(evaluate({ enteredManually: true, renewalDate: '2026-04-01' }, loose)?.to, 'renewal');
  });

  it('never enters a disabled stage or a stage without rules', () => {
    const noRenewal = {
      ...DEFAULT_LIFECYCLE_CONFIG,
      stages: DEFAULT_LIFECYCLE_CONFIG.stages.map((s) => (s.stage === 'renewal' ? { ...s, enabled: false } : s)),
    };
    assert.equal(evaluate({ renewalDate: '2026-04-01' }, noRenewal), null);
    assert.equal(
      evaluate({ stage: 'onboarding', completedChecklistItems: { onboarding: ['kickoff_held', 'admins_trained', 'first_value'] } }),
      null,
    );
  });

  it('leaves an account without a stage alone', () => {
    assert.equal(evaluate({ stage: null }), null);
  });

  it('churns an account marked churned, even one a CSM placed by hand', () => {
    const moved = evaluate({ stage: 'renewal', enteredManually: true, churnedOn: '2026-02-20' });
    assert.equal(moved?.to, 'churned');
    assert.deepEqual(moved?.reason, { en: 'account churned on 2026-02-20', 'zh-CN': '客户已于 2026-02-20 流失' });
  });

  it('skips a rule an admin switched off', () => {
    const off: LifecycleConfig = {
      ...DEFAULT_LIFECYCLE_CONFIG,
      stages: DEFAULT_LIFECYCLE_CONFIG.stages.map((s) =>
        s.stage === 'renewal' ? { ...s, entryRules: s.entryRules.map((r) => ({ ...r, enabled: false })) } : s,
      ),
    };
    assert.equal(evaluate({ renewalDate: '2026-04-01' })?.to, 'renewal');
    assert.equal(evaluate({ renewalDate: '2026-04-01' }, off), null);
  });
});
