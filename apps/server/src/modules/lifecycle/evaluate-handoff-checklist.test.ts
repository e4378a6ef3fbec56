import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHandoffChecklist, type HandoffContact, type HandoffFacts } from './evaluate-handoff-checklist';

const facts: HandoffFacts = { arr: 50000, renewalDate: '2027-01-31', ownerId: 'u-1', plan: 'Pro' };
const person = (role: HandoffContact['role'], extra: Partial<HandoffContact> = {}): HandoffContact => ({
  role,
  email: 'someone@example.com',
  phone: null,
  leftAt: null,
  ...extra,
});

describe('evaluateHandoffChecklist', () => {
  it('is complete with a reachable decision maker and champion plus the basic facts', () => {
    const result = evaluateHandoffChecklist(facts, [
      person('decision_maker'),
      person('champion', { email: null, phone: '+86 138 0000 0000' }),
    ]);
    assert.deepEqual(result.missing, []);
    assert.equal(result.completed.length, 6);
  });

  it('lists every missing item in checklist order', () => {
    const result = evaluateHandoffChecklist({ arr: 0, renewalDate: null, ownerId: null, plan: '  ' }, []);
    assert.deepEqual(
      result.missing.map((m) => m.item),
      ['decision_maker', 'champion', 'arr', 'renewal_date', 'owner', 'plan'],
    );
    assert.deepEqual(result.completed, []);
  });

  it('tells a key person without contact details apart from a missing one', () => {
    const result = evaluateHandoffChecklist(facts, [person('decision_maker', { email: ' ', phone: null }), person('end_user')]);
    assert.deepEqual(result.missing, [
      { item: 'decision_maker', problem: 'no_contact_details' },
      { item: 'champion', problem: 'missing' },
    ]);
  });

  it('does not count key people who left the company', () => {
    const result = evaluateHandoffChecklist(facts, [person('decision_maker'), person('champion', { leftAt: '2026-01-10' })]);
    assert.deepEqual(result.missing, [{ item: 'champion', problem: 'missing' }]);
  });
});
