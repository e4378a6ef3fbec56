import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summariseTimelineEvent } from './summarise-timeline-event';

describe('summariseTimelineEvent', () => {
  it('names both ends of a stage change with the stage labels', () => {
    assert.deepEqual(summariseTimelineEvent('lifecycle.stage_changed', { from: 'onboarding', to: 'rollout', by: 'rule' }), {
      en: 'Stage changed from Onboarding to Internal rollout',
      'zh-CN': '阶段从交付期变为内部推广期',
    });
  });

  it('describes tier, segment and health band events', () => {
    assert.equal(summariseTimelineEvent('tier.changed', { from: 'A', to: 'S' }).en, 'Tier changed from A to S');
    assert.equal(summariseTimelineEvent('tier.changed', { from: null, to: 'C' }).en, 'Tier set to C');
    assert.equal(summariseTimelineEvent('segment.left', { segmentName: 'Renewals Q3' })['zh-CN'], '离开分群“Renewals Q3”');
    assert.equal(summariseTimelineEvent('health.band_changed', { from: 'green', to: 'red' })['zh-CN'], '健康度从绿色变为红色');
  });

  it('degrades to dashes on a payload it does not recognise', () => {
    assert.equal(summariseTimelineEvent('tier.changed', { from: { odd: true }, to: 5 }).en, 'Tier changed from — to 5');
  });
});
