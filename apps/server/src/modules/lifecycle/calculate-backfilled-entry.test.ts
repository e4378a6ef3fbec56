import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateBackfilledEntry } from './calculate-backfilled-entry';

describe('calculateBackfilledEntry', () => {
  const today = '2026-05-01';
  const base = { contractStart: '2025-01-10', renewalDate: '2027-01-10', churnDate: null };
  it('dates each stage from the contract as the demo’s stage rules place it', () => {
    assert.equal(calculateBackfilledEntry({ ...base, stage: 'handoff' }, today), '2025-01-10');
    assert.equal(calculateBackfilledEntry({ ...base, stage: 'onboarding' }, today), '2025-01-24');
    assert.equal(calculateBackfilledEntry({ ...base, stage: 'rollout' }, today), '2025-04-10');
    assert.equal(calculateBackfilledEntry({ ...base, stage: 'renewed' }, today), '2026-01-10');
    assert.equal(calculateBackfilledEntry({ ...base, stage: 'stable' }, today), '2026-02-09');
    assert.equal(calculateBackfilledEntry({ ...base, renewalDate: '2026-07-01', stage: 'renewal' }, today), '2026-04-02');
    assert.equal(calculateBackfilledEntry({ ...base, stage: 'churned', churnDate: '2026-03-03' }, today), '2026-03-03');
  });
  it('never dates an entry after today or before the contract, and falls back to today', () => {
    assert.equal(calculateBackfilledEntry({ ...base, renewalDate: '2027-09-01', stage: 'renewal' }, today), '2026-05-01');
    assert.equal(calculateBackfilledEntry({ stage: 'stable', contractStart: null, renewalDate: null, churnDate: null }, today), today);
    assert.equal(
      calculateBackfilledEntry({ ...base, contractStart: '2026-04-20', renewalDate: '2026-06-01', stage: 'renewed' }, today),
      '2026-04-20',
    );
  });
});
