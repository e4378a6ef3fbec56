import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateAccountFieldChanges } from './calculate-account-field-changes';

describe('calculateAccountFieldChanges', () => {
  const before = { plan: 'Growth', arr: '12000.00', tags: ['a'], renewalDate: '2026-05-01', customFields: { tier_note: 'x', seats: 3 } };

  it('lists only fields whose value changes, with numbers for money', () => {
    const changes = calculateAccountFieldChanges(before, { plan: 'Enterprise', arr: '12000.00', tags: ['a'], updatedAt: new Date() });
    assert.deepEqual(changes, [{ field: 'plan', from: 'Growth', to: 'Enterprise' }]);
    assert.deepEqual(calculateAccountFieldChanges(before, { arr: '15000.50' }), [{ field: 'arr', from: 12000, to: 15000.5 }]);
  });

  it('reports a cleared field as a change to null and custom fields key by key', () => {
    const changes = calculateAccountFieldChanges(before, {
      renewalDate: null,
      customFields: { tier_note: 'x', seats: 5, region_code: 'EU' },
    });
    assert.deepEqual(changes, [
      { field: 'renewalDate', from: '2026-05-01', to: null },
      { field: 'custom.region_code', from: null, to: 'EU' },
      { field: 'custom.seats', from: 3, to: 5 },
    ]);
  });

  it('sees a new tag list as one change', () => {
    assert.deepEqual(calculateAccountFieldChanges(before, { tags: ['a', 'b'] }), [{ field: 'tags', from: ['a'], to: ['a', 'b'] }]);
  });
});
