import type { LifecycleStage, Tier } from '@northstar/contracts';
import { DEFAULT_SCORECARD_ID, defaultScorecards } from './default-scorecards';
import type { ApplicabilityRule, Scorecard } from './scorecard';

/** What scorecard selection looks at: the account's tier, lifecycle stage and saved segments. */
export type ScorecardSubject = { tier: Tier | null; stage: LifecycleStage | null; segmentIds: readonly string[] };

/**
 * The one scorecard that applies to an account: among those whose rule matches, the highest
 * priority; on a tie the one constraining more dimensions (the more specific rule), then the
 * lowest id, so the choice never depends on list order. With no match, `fallback` (by default
 * the scorecard with id "default" in the list, else the built-in default).
 */
export function selectScorecard(subject: ScorecardSubject, scorecards: readonly Scorecard[], fallback?: Scorecard): Scorecard {
  const matching = scorecards.filter((scorecard) => isRuleMatching(scorecard.applicability, subject));
  const [best] = [...matching].sort(
    (a, b) =>
      b.applicability.priority - a.applicability.priority ||
      countConstraints(b.applicability) - countConstraints(a.applicability) ||
      compareIds(a.id, b.id),
  );
  if (best) return best;
  return fallback ?? scorecards.find((scorecard) => scorecard.id === DEFAULT_SCORECARD_ID) ?? defaultScorecards()[0]!;
}

/** Whether an account meets every dimension a rule constrains. */
export function isRuleMatching(rule: ApplicabilityRule, subject: ScorecardSubject): boolean {
  if (rule.tiers?.length && (subject.tier === null || !rule.tiers.includes(subject.tier))) return false;
  if (rule.stages?.length && (subject.stage === null || !rule.stages.includes(subject.stage))) return false;
  if (rule.segmentIds?.length && !rule.segmentIds.some((id) => subject.segmentIds.includes(id))) return false;
  return true;
}

function countConstraints(rule: ApplicabilityRule): number {
  return [rule.tiers, rule.stages, rule.segmentIds].filter((list) => list !== undefined && list.length > 0).length;
}

// Code-unit order, not localeCompare: the tie-break must not vary with the server's locale.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
