import type { Tier } from '@northstar/contracts';
import type { TierAssignment, TierReason } from './calculate-tiers';
import type { TierReasonText } from './render-tier-reason';

/** What the account held before this run, as stored. */
export type StoredTier = { accountId: string; tier: Tier | null; isPinned: boolean };

/** Why a tier moved: the rules, a new pin, or a pin that ended (expired or removed). */
export type TierChangeCause = 'rule' | 'pin' | 'pin_ended';

/** One row of tier history and the payload of a `tier.changed` event. */
export type TierChange = {
  accountId: string;
  from: Tier | null;
  to: Tier;
  cause: TierChangeCause;
  reason: TierReason;
  text: TierReasonText;
};

/**
 * The tier changes between what is stored and a new calculation. Accounts missing from `next`
 * (churned ones) are not changes: their last tier stays as history.
 */
export function diffTierAssignments(previous: readonly StoredTier[], next: readonly TierAssignment[]): TierChange[] {
  const before = new Map(previous.map((p) => [p.accountId, p]));
  const changes: TierChange[] = [];
  for (const assignment of next) {
    const stored = before.get(assignment.accountId);
    const from = stored?.tier ?? null;
    if (from === assignment.tier) continue;
    const isPinned = assignment.reason.rule === 'pinned';
    const cause: TierChangeCause = isPinned ? 'pin' : stored?.isPinned ? 'pin_ended' : 'rule';
    changes.push({ accountId: assignment.accountId, from, to: assignment.tier, cause, reason: assignment.reason, text: assignment.text });
  }
  return changes;
}
