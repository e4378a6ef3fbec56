import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIFECYCLE_STAGES } from '@northstar/contracts';
import { DEFAULT_LIFECYCLE_CONFIG, normaliseLifecycleConfig, validateLifecycleConfig, type LifecycleConfig } from './lifecycle-config';

describe('DEFAULT_LIFECYCLE_CONFIG', () => {
  it('has every DOMAIN §4 stage in order, each labelled in en and zh-CN', () => {
    assert.deepEqual(
      DEFAULT_LIFECYCLE_CONFIG.stages.map((s) => s.stage),
      [...LIFECYCLE_STAGES],
    );
    for (const stage of DEFAULT_LIFECYCLE_CONFIG.stages) {
      for (const text of [stage.label, ...stage.goals, ...stage.checklist.map((c) => c.label)]) {
        assert.ok(text.en && text['zh-CN'], `${stage.stage} misses a translation`);
      }
    }
  });

  it('is valid', () => {
    assert.deepEqual(validateLifecycleConfig(DEFAULT_LIFECYCLE_CONFIG), []);
  });
});

describe('validateLifecycleConfig', () => {
  it('names bad durations, duplicate stages and rules left with no enabled source', () => {
    const [handoff, onboarding, ...rest] = DEFAULT_LIFECYCLE_CONFIG.stages;
    const config: LifecycleConfig = {
      holdManualStages: true,
      stages: [
        { ...handoff!, enabled: false, expectedDurationDays: 0 },
        onboarding!,
        ...rest,
        { ...rest[0]!, checklist: [...rest[0]!.checklist, ...rest[0]!.checklist] },
      ],
    };
    assert.deepEqual(
      validateLifecycleConfig(config).map((p) => p.field),
      ['stages[0].expectedDurationDays', 'stages[1].entryRules[0].from', 'stages[7].stage', 'stages[7].checklist'],
    );
  });

  it('accepts a disabled stage once the rules that start from it alone are switched off', () => {
    const stages = DEFAULT_LIFECYCLE_CONFIG.stages.map((s) => {
      if (s.stage === 'handoff') return { ...s, enabled: false };
      if (s.stage === 'onboarding') return { ...s, entryRules: s.entryRules.map((r) => ({ ...r, enabled: false })) };
      return s;
    });
    // churned's rule still has other enabled sources (onboarding … renewal), so it stays valid.
    assert.deepEqual(validateLifecycleConfig({ holdManualStages: true, stages }), []);
  });

  it('requires every stage once, with its kind, derived handoff items and whole-day windows', () => {
    const [handoff, onboarding, rollout, stable, renewal, renewed] = DEFAULT_LIFECYCLE_CONFIG.stages;
    const config: LifecycleConfig = {
      holdManualStages: false,
      stages: [
        {
          ...handoff!,
          checklist: [...handoff!.checklist, { key: 'signed_nda', label: { en: 'NDA', 'zh-CN': '保密协议' }, required: true }],
        },
        {
          ...onboarding!,
          goals: [{ en: 'Learn', 'zh-CN': ' ' }],
          checklist: [{ key: 'Kick Off', label: { en: 'x', 'zh-CN': 'x' }, required: true }],
        },
        { ...rollout!, kind: 'outcome' },
        stable!,
        { ...renewal!, entryRules: [{ kind: 'renewal_within_days', days: 0.5, from: ['stable'] }] },
        renewed!,
      ],
    };
    assert.deepEqual(
      validateLifecycleConfig(config).map((p) => `${p.field}: ${p.problem}`),
      [
        'stages[0].checklist[6].key: handoff items are derived from the account: one of decision_maker, champion, arr, renewal_date, owner, plan',
        'stages[1].goals[0]: needs an en and a zh-CN text',
        'stages[1].checklist[0].key: must be lower-case letters, digits and _ (at most 50)',
        'stages[2].kind: must be working for rollout',
        'stages[4].entryRules[0].days: must be a whole number of days from 1 to 730',
        'stages: must list every stage; missing churned',
      ],
    );
  });
});

describe('normaliseLifecycleConfig', () => {
  it('spells out enabled on every rule and keeps a switched-off one off', () => {
    const [first, ...rest] = DEFAULT_LIFECYCLE_CONFIG.stages;
    const config = normaliseLifecycleConfig({
      holdManualStages: true,
      stages: [
        first!,
        ...rest.map((s) => (s.stage === 'renewal' ? { ...s, entryRules: s.entryRules.map((r) => ({ ...r, enabled: false })) } : s)),
      ],
    });
    const rules = config.stages.flatMap((s) => s.entryRules.map((r) => [s.stage, r.enabled]));
    assert.deepEqual(rules, [
      ['onboarding', true],
      ['renewal', false],
      ['renewed', true],
      ['churned', true],
    ]);
  });
});
