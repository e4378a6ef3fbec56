import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIFECYCLE_STAGES } from '@northstar/contracts';
import { DEFAULT_LIFECYCLE_CONFIG, validateLifecycleConfig, type LifecycleConfig } from './lifecycle-config';

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
  it('names bad durations, duplicate stages and rules from disabled stages', () => {
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
      [
        'stages[0].expectedDurationDays',
        'stages[1].entryRules[0].from',
        'stages[6].entryRules[0].from',
        'stages[7].stage',
        'stages[7].checklist',
      ],
    );
  });
});
