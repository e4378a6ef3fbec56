import type { RuleTrigger } from '@northstar/contracts';
import { addCalendarDays } from './calculate-local-dates';
import { calculateScoreDrop, readScoreChange, type ScoreChange } from './calculate-score-drop';
import { calculateUsageDrop } from './calculate-usage-drop';
import { toFacts, type TriggerMatch } from './match-event-trigger';
import type { createRuleEvaluationRepository } from './rule-evaluation.repository';

type EvaluationRepository = ReturnType<typeof createRuleEvaluationRepository>;
type Moment = { now: Date; today: string };

const DAY_MS = 86_400_000;
/** Usage periods: the last 30 complete days against the 30 before (today is still filling up). */
export const USAGE_PERIOD_DAYS = 30;

/**
 * Accounts in a state trigger's state right now (optionally only these accounts), each with its
 * trigger key: renewal_in_days keys on the renewal date, so a new contract is a new cause.
 */
export async function findStateMatches(
  repo: EvaluationRepository,
  workspaceId: string,
  trigger: RuleTrigger,
  at: Moment,
  accountIds?: readonly string[],
): Promise<Map<string, TriggerMatch>> {
  const matches = new Map<string, TriggerMatch>();
  if (accountIds && accountIds.length === 0) return matches;
  switch (trigger.type) {
    case 'renewal_in_days': {
      for (const row of await repo.listRenewalsWithin(workspaceId, at.today, trigger.days, accountIds)) {
        matches.set(row.id, {
          triggerKey: `renewal_in_days:${row.renewal_date}`,
          facts: toFacts({ renewalDate: row.renewal_date, daysLeft: Number(row.days_left) }),
        });
      }
      return matches;
    }
    case 'no_key_contact_touch': {
      const cutoff = new Date(at.now.getTime() - trigger.days * DAY_MS);
      for (const row of await repo.listUntouchedKeyContacts(workspaceId, cutoff, accountIds)) {
        const since = row.last_touch ? Math.floor((at.now.getTime() - new Date(row.last_touch).getTime()) / DAY_MS) : null;
        matches.set(row.account_id, {
          triggerKey: 'no_key_contact_touch',
          facts: toFacts({ lastContactedAt: row.last_contacted, daysWithoutTouch: since }),
        });
      }
      return matches;
    }
    case 'usage_dropped': {
      const metric = trigger.metric ?? 'active_users';
      const current = { from: addCalendarDays(at.today, -USAGE_PERIOD_DAYS), to: addCalendarDays(at.today, -1) };
      const previous = { from: addCalendarDays(at.today, -2 * USAGE_PERIOD_DAYS), to: addCalendarDays(at.today, -USAGE_PERIOD_DAYS - 1) };
      for (const row of await repo.listUsageTotals(workspaceId, metric, current, previous, accountIds)) {
        const drop = calculateUsageDrop(Number(row.previous), Number(row.current));
        if (drop === null || drop < trigger.percent) continue;
        matches.set(row.account_id, {
          triggerKey: `usage_dropped:${metric}`,
          facts: toFacts({ metric, previous: Number(row.previous), current: Number(row.current), dropPercent: drop }),
        });
      }
      return matches;
    }
    default:
      return matches;
  }
}

/** Groups score changes by account. */
export function groupScoreChanges(events: readonly { accountId: string | null; payload: Record<string, unknown>; occurredAt: Date }[]) {
  const byAccount = new Map<string, ScoreChange[]>();
  for (const e of events) {
    if (!e.accountId) continue;
    const list = byAccount.get(e.accountId) ?? [];
    list.push(readScoreChange(e.payload, e.occurredAt));
    byAccount.set(e.accountId, list);
  }
  return byAccount;
}

/** The score-drop match of one account as of a moment, if the drop reaches the trigger's points. */
export function matchScoreDrop(
  trigger: Extract<RuleTrigger, { type: 'health_score_dropped' }>,
  changes: readonly ScoreChange[],
  asOf: Date,
): TriggerMatch | undefined {
  const result = calculateScoreDrop(changes, asOf, trigger.withinDays);
  if (!result || result.drop < trigger.points) return undefined;
  return {
    triggerKey: 'health_score_dropped',
    facts: toFacts({ peak: result.peak, score: result.score, drop: result.drop, withinDays: trigger.withinDays }),
  };
}

/** Accounts whose score now stands `points` below its peak of the window (dry runs). */
export async function findScoreDropsNow(
  repo: EvaluationRepository,
  workspaceId: string,
  trigger: Extract<RuleTrigger, { type: 'health_score_dropped' }>,
  now: Date,
): Promise<Map<string, TriggerMatch>> {
  const events = await repo.listScoreChanges(workspaceId, new Date(now.getTime() - trigger.withinDays * DAY_MS), now);
  const matches = new Map<string, TriggerMatch>();
  for (const [accountId, changes] of groupScoreChanges(events)) {
    const match = matchScoreDrop(trigger, changes, now);
    if (match) matches.set(accountId, match);
  }
  return matches;
}
