import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_TRIGGER_TYPES, type FilterFieldInfo, type Rule } from '@northstar/contracts';
import { emptyGroup, newCondition } from '../segments/filter-builder-model';
import {
  cleanTrigger,
  defaultCtaReason,
  defaultTrigger,
  draftFromRule,
  emptyRuleDraft,
  findRuleProblems,
  toRuleBody,
  triggerSummaryValues,
} from './rule-draft-model';

const tier: FilterFieldInfo = { name: 'tier', type: 'enum', source: 'column', operators: ['in', 'eq'], options: ['S', 'A', 'B', 'C'] };
const fields = new Map([[tier.name, tier]]);

describe('rule draft model', () => {
  it('gives every trigger type a default of its own type', () => {
    for (const type of RULE_TRIGGER_TYPES) assert.equal(defaultTrigger(type).type, type);
  });

  it('sends no conditions for an empty builder and the builder’s expression otherwise', () => {
    const draft = { ...emptyRuleDraft(), name: ' Renewal play ', playbookId: 'p1' };
    assert.deepEqual(toRuleBody(draft, fields), {
      name: 'Renewal play',
      description: null,
      trigger: { type: 'renewal_in_days', days: 90 },
      conditions: null,
      playbookId: 'p1',
      ctaTitle: null,
    });
    const group = { ...emptyGroup(), items: [{ ...newCondition(tier), operator: 'in', value: 'S, A' }] };
    const body = toRuleBody({ ...draft, conditions: group, ctaReason: 'renewal' }, fields);
    assert.deepEqual(body.conditions, { op: 'and', conditions: [{ field: 'tier', operator: 'in', value: ['S', 'A'] }] });
    assert.equal(body.ctaReason, 'renewal');
  });

  it('round-trips a saved rule’s conditions through the builder draft', () => {
    const rule = {
      name: 'r',
      description: null,
      enabled: false,
      trigger: { type: 'tier_changed', to: ['S'] },
      conditions: { op: 'and', conditions: [{ field: 'tier', operator: 'in', value: ['S', 'A'] }] },
      playbookId: 'p1',
      ctaReason: 'other',
      ctaTitle: null,
    } as unknown as Rule;
    const draft = draftFromRule(rule);
    assert.equal(draft.enabled, false);
    assert.deepEqual(toRuleBody(draft, fields).conditions, rule.conditions);
  });

  it('drops optional trigger parameters left empty', () => {
    assert.deepEqual(cleanTrigger({ type: 'health_band_changed', to: [] }), { type: 'health_band_changed' });
    assert.deepEqual(cleanTrigger({ type: 'schedule', cron: ' 0 9 * * 1 ', timezone: ' ' }), { type: 'schedule', cron: '0 9 * * 1' });
    assert.deepEqual(cleanTrigger({ type: 'field_changed', field: 'plan', to: '' }), { type: 'field_changed', field: 'plan' });
  });

  it('names what is missing before saving', () => {
    assert.deepEqual(findRuleProblems(emptyRuleDraft()), ['nameRequired', 'playbookRequired']);
    const segment = { ...emptyRuleDraft(), name: 'x', playbookId: 'p', trigger: defaultTrigger('segment_entered') };
    assert.deepEqual(findRuleProblems(segment), ['segmentRequired']);
    const cron = { ...segment, trigger: { type: 'schedule' as const, cron: '0 9 * *' } };
    assert.deepEqual(findRuleProblems(cron), ['cronFields']);
  });

  it('defaults the CTA reason like the server', () => {
    assert.equal(defaultCtaReason('renewal_in_days'), 'renewal');
    assert.equal(defaultCtaReason('key_contact_left'), 'risk');
    assert.equal(defaultCtaReason('schedule'), 'other');
  });

  it('summarises trigger parameters with names resolved', () => {
    assert.deepEqual(triggerSummaryValues({ type: 'health_score_dropped', points: 15, withinDays: 30 }), { points: 15, days: 30 });
    assert.deepEqual(triggerSummaryValues({ type: 'segment_entered', segmentId: 's1' }, { segment: () => 'At risk' }), {
      segment: 'At risk',
    });
  });
});
