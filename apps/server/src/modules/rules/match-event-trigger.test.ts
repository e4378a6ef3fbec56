import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RuleTrigger } from '@northstar/contracts';
import { isFieldValue, matchEventTrigger, type RuleEvent } from './match-event-trigger';

const event = (type: string, payload: Record<string, unknown>, accountId: string | null = 'a1'): RuleEvent => ({
  id: 'e1',
  type,
  accountId,
  payload,
  occurredAt: new Date('2026-03-01T00:00:00Z'),
});

describe('matchEventTrigger', () => {
  it('matches a segment event only for its segment', () => {
    const trigger = { type: 'segment_entered', segmentId: 's1' } as const;
    assert.equal(
      matchEventTrigger(trigger, event('segment.entered', { segmentId: 's1', segmentName: 'Big' }))?.triggerKey,
      'segment_entered:s1',
    );
    assert.equal(matchEventTrigger(trigger, event('segment.entered', { segmentId: 's2' })), undefined);
    assert.equal(matchEventTrigger(trigger, event('segment.left', { segmentId: 's1' })), undefined);
    assert.equal(
      matchEventTrigger({ type: 'segment_left', segmentId: 's1' }, event('segment.left', { segmentId: 's1' }))?.triggerKey,
      'segment_left:s1',
    );
  });

  it('matches a stage entered, not left', () => {
    const trigger = { type: 'stage_entered', stage: 'onboarding' } as const;
    const hit = matchEventTrigger(trigger, event('lifecycle.stage_changed', { from: 'handoff', to: 'onboarding' }));
    assert.deepEqual(hit, { triggerKey: 'stage_entered:onboarding', facts: { from: 'handoff', to: 'onboarding' } });
    assert.equal(matchEventTrigger(trigger, event('lifecycle.stage_changed', { from: 'onboarding', to: 'rollout' })), undefined);
  });

  it('matches band and tier changes into the listed values, or any change without a list', () => {
    const red: RuleTrigger = { type: 'health_band_changed', to: ['red'] };
    assert.equal(
      matchEventTrigger(red, event('health.band_changed', { from: 'yellow', to: 'red' }))?.triggerKey,
      'health_band_changed:red',
    );
    assert.equal(matchEventTrigger(red, event('health.band_changed', { from: 'red', to: 'yellow' })), undefined);
    assert.equal(matchEventTrigger({ type: 'tier_changed' }, event('tier.changed', { from: 'A', to: 'B' }))?.triggerKey, 'tier_changed:B');
    assert.equal(matchEventTrigger({ type: 'tier_changed', to: ['S'] }, event('tier.changed', { from: 'A', to: 'B' })), undefined);
  });

  it('matches only key people leaving, one cause per person', () => {
    const trigger = { type: 'key_contact_left' } as const;
    assert.equal(
      matchEventTrigger(trigger, event('contact.left', { contactId: 'c1', isKeyPerson: true }))?.triggerKey,
      'key_contact_left:c1',
    );
    assert.equal(matchEventTrigger(trigger, event('contact.left', { contactId: 'c2', isKeyPerson: false })), undefined);
  });

  it('matches a field change, optionally into one value', () => {
    const any = { type: 'field_changed', field: 'plan' } as const;
    const toEnterprise = { type: 'field_changed', field: 'plan', to: 'enterprise' } as const;
    const change = event('account.field_changed', { field: 'plan', from: 'Growth', to: 'Enterprise' });
    assert.deepEqual(matchEventTrigger(any, change), {
      triggerKey: 'field_changed:plan',
      facts: { field: 'plan', from: 'Growth', to: 'Enterprise' },
    });
    assert.ok(matchEventTrigger(toEnterprise, change));
    assert.equal(matchEventTrigger({ type: 'field_changed', field: 'plan', to: 'Starter' }, change), undefined);
    assert.equal(matchEventTrigger(any, event('account.field_changed', { field: 'region', from: 'EU', to: 'US' })), undefined);
  });

  it('ignores events without an account', () => {
    assert.equal(matchEventTrigger({ type: 'tier_changed' }, event('tier.changed', { from: 'A', to: 'B' }, null)), undefined);
  });
});

describe('isFieldValue', () => {
  it('compares numbers numerically, text without case, and looks inside tag lists', () => {
    assert.equal(isFieldValue(120000, 120000), true);
    assert.equal(isFieldValue('120000.00', 120000), true);
    assert.equal(isFieldValue('EU', 'eu'), true);
    assert.equal(isFieldValue(['upsell', 'vip'], 'vip'), true);
    assert.equal(isFieldValue(null, null), true);
    assert.equal(isFieldValue('x', null), false);
  });
});
