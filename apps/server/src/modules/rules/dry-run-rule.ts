import { RULE_TRIGGER_KINDS, type RuleDryRun, type RuleDryRunAccount, type RuleTrigger } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { calculateLocalDate } from './calculate-local-dates';
import { findNextCronTick, isValidTimeZone, parseCronExpression } from './cron-schedule';
import type { RuleEvaluator } from './evaluate-rules';
import { findScoreDropsNow, findStateMatches } from './find-state-matches';
import { EVENT_TYPES_BY_TRIGGER, matchEventTrigger, type TriggerMatch } from './match-event-trigger';
import { createRuleEvaluationRepository } from './rule-evaluation.repository';
import { buildCauseKey, openCtaKey, type RulePorts } from './rule-ports';

const DEFAULT_LOOKBACK_DAYS = 30;
const LIST_LIMIT = 500;
const DAY_MS = 86_400_000;

/**
 * "This rule would fire for these N accounts now", without firing. State and schedule triggers
 * are judged on the accounts as they are; event triggers replay the last `lookbackDays` of
 * changes; score drops compare the current score with the window's peak. Accounts whose CTA for
 * the same cause is open are listed apart (a saved rule only: an unsaved one has no CTAs).
 */
export async function dryRunRule(
  deps: { database: Database; clock: Clock; ports: Pick<RulePorts, 'findOpenCtas'>; evaluator: Pick<RuleEvaluator, 'passingAccounts'> },
  input: { workspaceId: string; ruleId: string | null; trigger: RuleTrigger; conditions: unknown; lookbackDays?: number | undefined },
): Promise<RuleDryRun> {
  const repo = createRuleEvaluationRepository(deps.database.db);
  const { workspaceId, trigger } = input;
  const now = deps.clock.now();
  const timeZone = await repo.findWorkspaceTimezone(workspaceId);
  const today = calculateLocalDate(now, timeZone);
  const kind = RULE_TRIGGER_KINDS[trigger.type];
  let basis: RuleDryRun['basis'] = 'current_state';
  let lookbackDays: number | null = null;
  let nextScheduledAt: string | null = null;
  let matches: Map<string, TriggerMatch> | undefined;

  if (trigger.type === 'schedule') {
    basis = 'schedule';
    const schedule = parseCronExpression(trigger.cron);
    const zone = trigger.timezone && isValidTimeZone(trigger.timezone) ? trigger.timezone : timeZone;
    nextScheduledAt = 'problem' in schedule ? null : (findNextCronTick(schedule, zone, now)?.toISOString() ?? null);
  } else if (trigger.type === 'health_score_dropped') {
    matches = await findScoreDropsNow(repo, workspaceId, trigger, now);
  } else if (kind === 'state') {
    matches = await findStateMatches(repo, workspaceId, trigger, { now, today });
  } else {
    basis = 'recent_events';
    lookbackDays = input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
    matches = new Map();
    const events = await repo.listRecentEvents(
      workspaceId,
      EVENT_TYPES_BY_TRIGGER[trigger.type] ?? [],
      new Date(now.getTime() - lookbackDays * DAY_MS),
    );
    // The latest matching change per account is the one that would be shown.
    for (const event of events) {
      const match = matchEventTrigger(trigger, event);
      if (match && event.accountId) matches.set(event.accountId, match);
    }
  }

  const accounts = await deps.evaluator.passingAccounts({ workspaceId, conditions: input.conditions }, today, {
    ...(matches ? { ids: [...matches.keys()] } : {}),
    activeOnly: kind !== 'event',
  });
  const matchOf = (accountId: string): TriggerMatch => matches?.get(accountId) ?? { triggerKey: 'schedule', facts: {} };
  const causeOf = (accountId: string) => buildCauseKey(input.ruleId ?? 'unsaved', matchOf(accountId).triggerKey);
  const open = input.ruleId
    ? await deps.ports.findOpenCtas(
        workspaceId,
        accounts.map((a) => ({ accountId: a.id, causeKey: causeOf(a.id) })),
      )
    : new Map<string, string>();

  const wouldFire: RuleDryRunAccount[] = [];
  const suppressed: RuleDryRunAccount[] = [];
  for (const account of accounts) {
    const causeKey = causeOf(account.id);
    const ctaId = open.get(openCtaKey(account.id, causeKey)) ?? null;
    const item = {
      id: account.id,
      name: account.name,
      tier: account.tier,
      arr: account.arr,
      causeKey,
      ctaId,
      facts: matchOf(account.id).facts,
    };
    (ctaId ? suppressed : wouldFire).push(item);
  }
  return {
    evaluatedAt: now.toISOString(),
    basis,
    lookbackDays,
    nextScheduledAt,
    wouldFire: { count: wouldFire.length, accounts: wouldFire.slice(0, LIST_LIMIT) },
    suppressed: { count: suppressed.length, accounts: suppressed.slice(0, LIST_LIMIT) },
  };
}
