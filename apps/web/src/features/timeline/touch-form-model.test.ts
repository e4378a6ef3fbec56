import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyTouchForm, eventTypeKey, localDay, toCreateTouch, toggleType } from './touch-form-model';

describe('touch form model', () => {
  const now = new Date(2026, 2, 10, 15, 30); // 10 March 2026, 15:30 local time

  it('leaves the time to the server for a touch logged today', () => {
    const result = toCreateTouch({ ...emptyTouchForm(now), title: '  Weekly sync ' }, now);
    assert.deepEqual(result, { body: { type: 'call', title: 'Weekly sync' } });
  });

  it('stamps an earlier day at local noon and keeps contacts once each', () => {
    const result = toCreateTouch(
      { type: 'meeting', date: '2026-03-02', title: 'Kick-off', body: ' notes ', contactIds: ['c1', 'c2', 'c1'] },
      now,
    );
    assert.ok('body' in result);
    assert.equal(result.body.body, 'notes');
    assert.deepEqual(result.body.contactIds, ['c1', 'c2']);
    assert.equal(result.body.occurredAt, new Date(2026, 2, 2, 12).toISOString());
  });

  it('refuses a missing title, a future day and a malformed day', () => {
    assert.deepEqual(toCreateTouch({ ...emptyTouchForm(now), title: ' ' }, now), { problem: 'titleRequired' });
    assert.deepEqual(toCreateTouch({ ...emptyTouchForm(now), title: 'x', date: '2026-03-11' }, now), { problem: 'dateInFuture' });
    assert.deepEqual(toCreateTouch({ ...emptyTouchForm(now), title: 'x', date: '10/03/2026' }, now), { problem: 'dateInvalid' });
  });

  it('formats the local day with zero padding', () => {
    assert.equal(localDay(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });

  it('toggles filter types in the catalogue order', () => {
    assert.deepEqual(toggleType([], 'health.band_changed'), ['health.band_changed']);
    assert.deepEqual(toggleType(['health.band_changed'], 'call'), ['call', 'health.band_changed']);
    assert.deepEqual(toggleType(['call', 'health.band_changed'], 'call'), ['health.band_changed']);
  });

  it('turns event types into flat translation keys', () => {
    assert.equal(eventTypeKey('lifecycle.stage_changed'), 'lifecycle_stage_changed');
  });
});
