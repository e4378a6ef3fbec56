import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateTiers, type TieringAccount } from './calculate-tiers';
import { diffTierAssignments } from './diff-tier-assignments';
import { DEFAULT_TIERING_POLICY } from './tiering-policy';

const accounts: TieringAccount[] = Array.from({ length: 10 }, (_, i) => ({
  id: `a-${i}`,
  arr: (10 - i) * 100,
  employees: 500,
  engagement: 0.9,
  health: null,
  status: 'active',
}));

describe('diffTierAssignments', () => {
  it('reports only accounts whose tier moved, with the rule as cause', () => {
    const next = calculateTiers(accounts, DEFAULT_TIERING_POLICY, '2026-03-01');
    const previous = next.map((a) => ({ accountId: a.accountId, tier: a.tier, isPinned: false }));
    previous[0] = { accountId: 'a-0', tier: 'A', isPinned: false };
    const changes = diffTierAssignments(previous, next);
    assert.deepEqual(
      changes.map((c) => [c.accountId, c.from, c.to, c.cause]),
      [['a-0', 'A', 'S', 'rule']],
    );
    assert.match(changes[0]!.text.en, /S covers/);
  });

  it('records a first tier as a change from null', () => {
    const next = calculateTiers(accounts.slice(0, 1), DEFAULT_TIERING_POLICY, '2026-03-01');
    assert.equal(diffTierAssignments([], next)[0]!.from, null);
  });

  it('names a pin and the end of a pin as causes', () => {
    const pinned = accounts.map((a) =>
      a.id === 'a-9' ? { ...a, pin: { tier: 'S' as const, reason: 'board member', expiresAt: '2026-04-01' } } : a,
    );
    const onlyA9 = (date: string) => calculateTiers(pinned, DEFAULT_TIERING_POLICY, date).filter((a) => a.accountId === 'a-9');
    const whilePinned = onlyA9('2026-03-01');
    const afterExpiry = onlyA9('2026-04-01');
    const unpinned = afterExpiry[0]!;
    assert.deepEqual(
      diffTierAssignments([{ accountId: 'a-9', tier: unpinned.tier, isPinned: false }], whilePinned).map((c) => c.cause),
      ['pin'],
    );
    assert.deepEqual(
      diffTierAssignments([{ accountId: 'a-9', tier: 'S', isPinned: true }], afterExpiry).map((c) => c.cause),
      ['pin_ended'],
    );
  });

  it('ignores stored accounts that are no longer tiered', () => {
    assert.deepEqual(diffTierAssignments([{ accountId: 'gone', tier: 'S', isPinned: false }], []), []);
  });
});
