import { RULE_TRIGGER_KINDS, type RuleEvaluationResult, type RuleFacts, type RuleTrigger } from '@northstar/contracts';
import type { SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { compileAccountFilter } from '../segments';
import { calculateLocalDate } from './calculate-local-dates';
import type { ScoreChange } from './calculate-score-drop';
import { findLatestCronTick, isValidTimeZone, parseCronExpression } from './cron-schedule';
import { findStateMatches, groupScoreChanges, matchScoreDrop } from './find-state-matches';
import { EVENT_TYPES_BY_TRIGGER, matchEventTrigger, toFacts, type RuleEvent, type TriggerMatch } from './match-event-trigger';
import { createRuleEvaluationRepository, type RuleAccount } from './rule-evaluation.repository';
import { buildCauseKey, openCtaKey, type RulePorts } from './rule-ports';
import { createRulesRepository, type RuleRow } from './rules.repository';

const BATCH = 500;
const MAX_BATCHES = 20;
const LEASE_MS = 120_000;
const STALE_PENDING_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

export type FiringOutcome = 'fired' | 'suppressed' | 'failed' | 'duplicate';
export type RuleEvaluator = ReturnType<typeof createRuleEvaluator>;

const kindOf = (rule: { trigger: RuleTrigger }) => RULE_TRIGGER_KINDS[rule.trigger.type];
// Changes after which an account's state triggers are re-judged at once, not at the next scan.
const STATE_INPUT_EVENTS = ['account.field_changed', 'contact.left'];

function emptyResult(): RuleEvaluationResult {
  return { eventsProcessed: 0, fired: 0, suppressed: 0, failed: 0 };
}

function count(result: RuleEvaluationResult, outcome: FiringOutcome): void {
  if (outcome === 'fired') result.fired++;
  else if (outcome === 'suppressed') result.suppressed++;
  else if (outcome === 'failed') result.failed++;
}

/**
 * Evaluates saved rules: new domain events by the workspace's cursor (event triggers), the
 * accounts' current state (state triggers, edge-triggered), and cron ticks (schedule triggers).
 * Every match goes through `fire`, which de-duplicates and starts the playbook.
 */
export function createRuleEvaluator({ database, clock, ports }: { database: Database; clock: Clock; ports: RulePorts }) {
  const rulesRepo = createRulesRepository(database.db);
  const evalRepo = createRuleEvaluationRepository(database.db);

  async function moment(workspaceId: string) {
    const now = clock.now();
    const timeZone = await evalRepo.findWorkspaceTimezone(workspaceId);
    return { now, today: calculateLocalDate(now, timeZone), timeZone };
  }

  /** The rule's conditions as SQL; undefined for none, null when they no longer compile (a field was deleted): matches nobody. */
  async function compileConditions(rule: { workspaceId: string; conditions: unknown }, today: string): Promise<SQL | undefined | null> {
    if (!rule.conditions) return undefined;
    try {
      return await compileAccountFilter(database.db, rule.workspaceId, rule.conditions, { today, field: 'conditions', location: 'body' });
    } catch {
      return null;
    }
  }

  /** The accounts among `ids` (or all) that are live and pass the rule's conditions. */
  async function passingAccounts(
    rule: { workspaceId: string; conditions: unknown },
    today: string,
    options: { ids?: readonly string[]; activeOnly?: boolean },
  ): Promise<RuleAccount[]> {
    const where = await compileConditions(rule, today);
    if (where === null) return [];
    return evalRepo.listMatchingAccounts(rule.workspaceId, { ...options, where });
  }

  /**
   * One match → at most one playbook start. The firing row claims the occurrence (an event, a
   * tick, a state entered) and the cause's pending slot; then an open CTA for the same cause
   * suppresses it; otherwise the playbook starts and its CTA becomes the open one.
   */
  async function fire(rule: RuleRow, accountId: string, match: TriggerMatch & { occurrenceKey: string }): Promise<FiringOutcome> {
    const causeKey = buildCauseKey(rule.id, match.triggerKey);
    const firing = await rulesRepo.insertFiring({
      workspaceId: rule.workspaceId,
      ruleId: rule.id,
      ruleVersion: rule.version,
      accountId,
      triggerType: rule.triggerType,
      causeKey,
      occurrenceKey: match.occurrenceKey,
      outcome: 'pending',
      facts: match.facts,
      firedAt: clock.now(),
    });
    if (!firing) return 'duplicate';
    const findOpen = async () =>
      (await ports.findOpenCtas(rule.workspaceId, [{ accountId, causeKey }])).get(openCtaKey(accountId, causeKey));
    const open = await findOpen();
    if (open) {
      await rulesRepo.finishFiring(rule.workspaceId, firing.id, { outcome: 'suppressed', ctaId: open });
      return 'suppressed';
    }
    try {
      const started = await ports.startPlaybook(rule.workspaceId, {
        playbookId: rule.playbookId,
        accountId,
        cta: { reason: rule.ctaReason, title: rule.ctaTitle ?? rule.name, causeKey },
        ruleId: rule.id,
      });
      await rulesRepo.finishFiring(rule.workspaceId, firing.id, { outcome: 'fired', ctaId: started.ctaId, playbookRunId: started.runId });
      return 'fired';
    } catch (error) {
      // Someone opened a CTA for this cause in between (the tasks module allows one open per cause).
      const raced = await findOpen().catch(() => undefined);
      if (raced) {
        await rulesRepo.finishFiring(rule.workspaceId, firing.id, { outcome: 'suppressed', ctaId: raced });
        return 'suppressed';
      }
      await rulesRepo.finishFiring(rule.workspaceId, firing.id, { outcome: 'failed', error: (error as Error).message.slice(0, 1000) });
      return 'failed';
    }
  }

  /** Event triggers over a batch of events, then state triggers for the accounts those events touched. */
  async function evaluateEventBatch(
    workspaceId: string,
    eventRules: RuleRow[],
    stateRules: RuleRow[],
    events: RuleEvent[],
    result: RuleEvaluationResult,
  ): Promise<void> {
    const at = await moment(workspaceId);
    const scoreRules = eventRules.filter((r) => r.trigger.type === 'health_score_dropped');
    const scoreEvents = events.filter((e) => e.type === 'health.score_changed' && e.accountId);
    let history = new Map<string, ScoreChange[]>();
    if (scoreRules.length > 0 && scoreEvents.length > 0) {
      const longest = Math.max(...scoreRules.map((r) => (r.trigger as { withinDays: number }).withinDays));
      const first = Math.min(...scoreEvents.map((e) => e.occurredAt.getTime()));
      const last = Math.max(...scoreEvents.map((e) => e.occurredAt.getTime()));
      const accountIds = [...new Set(scoreEvents.map((e) => e.accountId!))];
      history = groupScoreChanges(
        await evalRepo.listScoreChanges(workspaceId, new Date(first - longest * DAY_MS), new Date(last), accountIds),
      );
    }
    for (const rule of eventRules) {
      const candidates: { accountId: string; match: TriggerMatch; event: RuleEvent }[] = [];
      for (const event of events) {
        if (!event.accountId) continue;
        const match =
          rule.trigger.type === 'health_score_dropped'
            ? event.type === 'health.score_changed'
              ? matchScoreDrop(rule.trigger, history.get(event.accountId) ?? [], event.occurredAt)
              : undefined
            : matchEventTrigger(rule.trigger, event);
        if (match) candidates.push({ accountId: event.accountId, match, event });
      }
      if (candidates.length === 0) continue;
      const passing = new Set(
        (await passingAccounts(rule, at.today, { ids: [...new Set(candidates.map((c) => c.accountId))] })).map((a) => a.id),
      );
      for (const c of candidates) {
        if (!passing.has(c.accountId)) continue;
        count(result, await fire(rule, c.accountId, { ...c.match, occurrenceKey: `event:${c.event.id}` }));
      }
    }
    const touched = [...new Set(events.filter((e) => STATE_INPUT_EVENTS.includes(e.type) && e.accountId).map((e) => e.accountId!))];
    if (stateRules.length > 0 && touched.length > 0) await evaluateStateRules(workspaceId, stateRules, result, touched);
  }

  /**
   * State triggers fire on entering the state: an account already recorded in it is left alone;
   * one that left it is forgotten, so coming back fires again. Scoped to `accountIds` when given.
   */
  async function evaluateStateRules(
    workspaceId: string,
    stateRules: RuleRow[],
    result: RuleEvaluationResult,
    accountIds?: readonly string[],
  ) {
    const at = await moment(workspaceId);
    for (const rule of stateRules) {
      const matches = await findStateMatches(evalRepo, workspaceId, rule.trigger, at, accountIds);
      const passing = matches.size === 0 ? [] : await passingAccounts(rule, at.today, { ids: [...matches.keys()], activeOnly: true });
      const states = await rulesRepo.listTriggerStates(workspaceId, rule.id, accountIds);
      for (const account of passing) {
        const match = matches.get(account.id)!;
        const causeKey = buildCauseKey(rule.id, match.triggerKey);
        if (states.get(account.id) === causeKey) continue;
        const outcome = await fire(rule, account.id, { ...match, occurrenceKey: `state:${match.triggerKey}:${at.now.toISOString()}` });
        count(result, outcome);
        // A failed start is retried at the next scan: the state is not marked as handled.
        if (outcome !== 'failed') await rulesRepo.upsertTriggerState(workspaceId, rule.id, account.id, causeKey, at.now);
      }
      const inState = new Set(passing.map((a) => a.id));
      const ended = [...states.keys()].filter((id) => !inState.has(id));
      if (ended.length > 0) await rulesRepo.deleteTriggerStates(workspaceId, rule.id, ended);
    }
  }

  return {
    fire,
    passingAccounts,

    /** Creates the workspace's event cursor at the current head (a rule was saved). */
    async ensureCursor(workspaceId: string): Promise<void> {
      await evalRepo.ensureCursor(workspaceId, await evalRepo.findEventHead(workspaceId), clock.now());
    },

    /**
     * Evaluates the events recorded since the cursor (up to MAX_BATCHES × BATCH per call), then
     * moves the cursor. One evaluator per workspace at a time (a lease); others return at once.
     */
    async processEvents(workspaceId: string): Promise<RuleEvaluationResult> {
      const result = emptyResult();
      const started = clock.now();
      let cursor = await evalRepo.leaseCursor(workspaceId, started, new Date(started.getTime() + LEASE_MS));
      if (!cursor) return result;
      try {
        const enabled = await rulesRepo.listRules(workspaceId, { enabled: true });
        const eventRules = enabled.filter((r) => kindOf(r) === 'event');
        const stateRules = enabled.filter((r) => kindOf(r) === 'state');
        const types = new Set(eventRules.flatMap((r) => EVENT_TYPES_BY_TRIGGER[r.trigger.type] ?? []));
        if (stateRules.length > 0) for (const t of STATE_INPUT_EVENTS) types.add(t);
        const head = await evalRepo.findEventHead(workspaceId);
        for (let batch = 0; batch < MAX_BATCHES; batch++) {
          const events = await evalRepo.listEventsBetween(workspaceId, cursor, head, [...types], BATCH);
          if (events.length > 0) {
            await evaluateEventBatch(workspaceId, eventRules, stateRules, events, result);
            result.eventsProcessed += events.length;
            const last = events.at(-1)!;
            cursor = { tx: last.tx, seq: last.seq };
          }
          if (events.length < BATCH) {
            cursor = head;
            break;
          }
          const now = clock.now();
          await evalRepo.moveCursor(workspaceId, cursor, now, new Date(now.getTime() + LEASE_MS));
        }
        await evalRepo.moveCursor(workspaceId, cursor, clock.now(), null);
      } catch (error) {
        await evalRepo.releaseCursor(workspaceId);
        throw error;
      }
      return result;
    },

    /** State triggers over every account (the scheduled scan), or only some (right after they changed). */
    async scanStates(workspaceId: string, accountIds?: readonly string[]): Promise<RuleEvaluationResult> {
      const result = emptyResult();
      await rulesRepo.failStalePendingFirings(workspaceId, new Date(clock.now().getTime() - STALE_PENDING_MS));
      const stateRules = (await rulesRepo.listRules(workspaceId, { enabled: true })).filter((r) => kindOf(r) === 'state');
      await evaluateStateRules(workspaceId, stateRules, result, accountIds);
      return result;
    },

    /** Schedule triggers: each rule whose cron ticked since it last ran fires once, for the latest tick. */
    async runSchedules(workspaceId: string): Promise<RuleEvaluationResult> {
      const result = emptyResult();
      const rules = await rulesRepo.listRules(workspaceId, { enabled: true, triggerTypes: ['schedule'] });
      if (rules.length === 0) return result;
      const at = await moment(workspaceId);
      for (const rule of rules) {
        if (rule.trigger.type !== 'schedule') continue;
        const schedule = parseCronExpression(rule.trigger.cron);
        const timeZone = rule.trigger.timezone && isValidTimeZone(rule.trigger.timezone) ? rule.trigger.timezone : at.timeZone;
        if ('problem' in schedule) continue;
        const tick = findLatestCronTick(schedule, timeZone, rule.scheduledThrough ?? rule.updatedAt, at.now);
        if (!tick) continue;
        const facts: RuleFacts = toFacts({ scheduledAt: tick.toISOString(), cron: rule.trigger.cron });
        for (const account of await passingAccounts(rule, at.today, { activeOnly: true })) {
          count(result, await fire(rule, account.id, { triggerKey: 'schedule', facts, occurrenceKey: `schedule:${tick.toISOString()}` }));
        }
        await rulesRepo.updateRule(workspaceId, rule.id, { scheduledThrough: tick });
      }
      return result;
    },

    /** Workspaces whose events are followed (they have, or had, a rule). */
    listCursorWorkspaceIds: () => evalRepo.listCursorWorkspaceIds(),
  };
}
