import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateChurnFields, isRestorable } from './calculate-account-status';

const active = { status: 'active' as const, churnDate: null, churnReason: null };
const churned = { status: 'churned' as const, churnDate: '2026-01-31', churnReason: 'budget cut' };

describe('calculateChurnFields', () => {
  it('requires a churn date to mark an account churned, naming churnDate', () => {
    const result = calculateChurnFields(active, { status: 'churned' });
    assert.ok('error' in result);
    assert.equal(result.error.field, 'churnDate');
  });

  it('accepts churned with a date', () => {
    assert.deepEqual(calculateChurnFields(active, { status: 'churned', churnDate: '2026-02-01' }), {
      fields: { status: 'churned', churnDate: '2026-02-01', churnReason: null },
    });
  });

  it('refuses removing the date of a churned account', () => {
    assert.ok('error' in calculateChurnFields(churned, { churnDate: null }));
  });

  it('clears churn date and reason when the account becomes active again', () => {
    assert.deepEqual(calculateChurnFields(churned, { status: 'active' }), { fields: active });
  });

  it('keeps current values the change does not mention', () => {
    assert.deepEqual(calculateChurnFields(churned, { churnReason: 'competitor' }), { fields: { ...churned, churnReason: 'competitor' } });
  });
});

describe('isRestorable', () => {
  const deletedAt = new Date('2026-01-01T00:00:00Z');
  it('allows restoring up to and including 30 days after deletion', () => {
    assert.equal(isRestorable(deletedAt, new Date('2026-01-31T00:00:00Z')), true);
  });
  it('refuses a moment later', () => {
    assert.equal(isRestorable(deletedAt, new Date('2026-01-31T00:00:00.001Z')), false);
  });
});
