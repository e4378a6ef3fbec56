import type {
  CreateRule,
  DryRunRule,
  DryRunSavedRule,
  Rule,
  RuleDryRun,
  RuleEvaluationResult,
  RuleFiringPage,
  RuleFiringsQuery,
  RuleVersionList,
  UpdateRule,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { JobKicks } from '../../platform/jobs/job-kicks';
import { calculateDefaultCtaReason } from './calculate-default-cta-reason';
import { dryRunRule } from './dry-run-rule';
import { createRuleEvaluator } from './evaluate-rules';
import type { RulePorts } from './rule-ports';
import { createRulesRepository, type RuleRow } from './rules.repository';
import { decodeTimeCursor, encodeTimeCursor, toRuleDefinition, toRuleDto, toRuleFiringDto } from './to-rule-dto';
import { assertRuleDefinition } from './validate-rule-definition';

export const RULES_PROCESS_EVENTS_JOB = 'rules.process-events';
export const RULES_SCAN_STATES_JOB = 'rules.scan-states';
export const RULES_RUN_SCHEDULES_JOB = 'rules.run-schedules';

export type RulesService = ReturnType<typeof createRulesService>;
/** Who edits: rules record their author and each version's editor. */
export type RuleEditor = { workspaceId: string; userId: string | null };

const DEFAULT_PAGE_SIZE = 50;

/** Rules: their definitions and versions, the firing log, dry runs and evaluation. */
export function createRulesService({
  database,
  clock,
  ports,
  kicks,
}: {
  database: Database;
  clock: Clock;
  ports: RulePorts;
  kicks: JobKicks;
}) {
  const repo = createRulesRepository(database.db);
  const evaluator = createRuleEvaluator({ database, clock, ports });

  async function getRuleRow(workspaceId: string, id: string): Promise<RuleRow> {
    const row = await repo.findRule(workspaceId, id);
    if (!row) throw new AppError('RULE_NOT_FOUND', 'Rule not found');
    return row;
  }

  async function present(row: RuleRow): Promise<Rule> {
    return toRuleDto(row, (await repo.statsByRule(row.workspaceId, [row.id])).get(row.id));
  }

  function blankName(): AppError {
    return new AppError('VALIDATION_FAILED', 'Invalid rule: name must not be blank', [
      { field: 'name', location: 'body', problem: 'must not be blank' },
    ]);
  }

  /** A rule that just became active: evaluate its state trigger now rather than at the next scan. */
  function armed(workspaceId: string): void {
    kicks.kick(RULES_SCAN_STATES_JOB, { workspaceId });
    kicks.kick(RULES_PROCESS_EVENTS_JOB, { workspaceId });
  }

  return {
    async listRules(workspaceId: string): Promise<Rule[]> {
      const rows = await repo.listRules(workspaceId);
      const stats = await repo.statsByRule(
        workspaceId,
        rows.map((r) => r.id),
      );
      return rows.map((row) => toRuleDto(row, stats.get(row.id)));
    },

    async getRule(workspaceId: string, id: string): Promise<Rule> {
      return present(await getRuleRow(workspaceId, id));
    },

    /** Saves a checked rule as version 1; an enabled rule starts watching from this moment. */
    async createRule(editor: RuleEditor, input: CreateRule): Promise<Rule> {
      const name = input.name.trim();
      if (!name) throw blankName();
      const { conditions } = await assertRuleDefinition({ database, ports }, editor, input);
      const now = clock.now();
      const row = await database.db.transaction(async (tx) => {
        const txRepo = createRulesRepository(tx);
        const inserted = await txRepo.insertRule({
          workspaceId: editor.workspaceId,
          name,
          description: input.description?.trim() || null,
          enabled: input.enabled ?? true,
          triggerType: input.trigger.type,
          trigger: input.trigger,
          conditions: conditions ?? null,
          playbookId: input.playbookId,
          ctaReason: input.ctaReason ?? calculateDefaultCtaReason(input.trigger.type),
          ctaTitle: input.ctaTitle?.trim() || null,
          version: 1,
          createdBy: editor.userId,
          createdAt: now,
          updatedAt: now,
          scheduledThrough: now,
        });
        await txRepo.insertVersion({
          workspaceId: editor.workspaceId,
          ruleId: inserted.id,
          version: 1,
          definition: toRuleDefinition(inserted),
          editedBy: editor.userId,
          editedAt: now,
        });
        return inserted;
      });
      await evaluator.ensureCursor(editor.workspaceId);
      if (row.enabled) armed(editor.workspaceId);
      return present(row);
    },

    /**
     * Changes the definition as a new version. A new trigger forgets which accounts the old one
     * had handled (its states), so accounts in the new trigger's state fire.
     */
    async updateRule(editor: RuleEditor, id: string, patch: UpdateRule): Promise<Rule> {
      const current = await getRuleRow(editor.workspaceId, id);
      const name = patch.name === undefined ? undefined : patch.name.trim();
      if (name === '') throw blankName();
      const { conditions } = await assertRuleDefinition({ database, ports }, editor, patch);
      const next = {
        name: name ?? current.name,
        description: patch.description === undefined ? current.description : patch.description?.trim() || null,
        trigger: patch.trigger ?? current.trigger,
        conditions: conditions === undefined ? current.conditions : conditions,
        playbookId: patch.playbookId ?? current.playbookId,
        ctaReason: patch.ctaReason ?? current.ctaReason,
        ctaTitle: patch.ctaTitle === undefined ? current.ctaTitle : patch.ctaTitle?.trim() || null,
      };
      if (JSON.stringify(toRuleDefinition(next)) === JSON.stringify(toRuleDefinition(current))) return present(current);
      const triggerChanged = JSON.stringify(next.trigger) !== JSON.stringify(current.trigger);
      const now = clock.now();
      const row = await database.db.transaction(async (tx) => {
        const txRepo = createRulesRepository(tx);
        const updated = await txRepo.updateRule(editor.workspaceId, id, {
          ...next,
          triggerType: next.trigger.type,
          version: current.version + 1,
          updatedAt: now,
          ...(triggerChanged ? { scheduledThrough: now } : {}),
        });
        if (!updated) throw new AppError('RULE_NOT_FOUND', 'Rule not found');
        await txRepo.insertVersion({
          workspaceId: editor.workspaceId,
          ruleId: id,
          version: updated.version,
          definition: toRuleDefinition(updated),
          editedBy: editor.userId,
          editedAt: now,
        });
        if (triggerChanged) await txRepo.clearTriggerStates(editor.workspaceId, id);
        return updated;
      });
      if (row.enabled) armed(editor.workspaceId);
      return present(row);
    },

    /**
     * Turns a rule on or off (not a new version). Switching on starts afresh: no cron tick from
     * before, and accounts already in a state trigger's state count as just entering it.
     */
    async setRuleEnabled(workspaceId: string, id: string, enabled: boolean): Promise<Rule> {
      const current = await getRuleRow(workspaceId, id);
      if (current.enabled === enabled) return present(current);
      const now = clock.now();
      if (enabled) await repo.clearTriggerStates(workspaceId, id);
      const row = await repo.updateRule(workspaceId, id, { enabled, ...(enabled ? { scheduledThrough: now } : {}) });
      if (!row) throw new AppError('RULE_NOT_FOUND', 'Rule not found');
      if (enabled) {
        await evaluator.ensureCursor(workspaceId);
        armed(workspaceId);
      }
      return present(row);
    },

    /** Deletes the rule with its versions and firing log; the CTAs it opened stay (they are the team's work). */
    async deleteRule(workspaceId: string, id: string): Promise<void> {
      await getRuleRow(workspaceId, id);
      await repo.deleteRule(workspaceId, id);
    },

    async listVersions(workspaceId: string, id: string): Promise<RuleVersionList> {
      await getRuleRow(workspaceId, id);
      const rows = await repo.listVersions(workspaceId, id);
      return {
        items: rows.map((v) => ({
          version: v.version,
          ...v.definition,
          conditions: v.definition.conditions ?? null,
          editedBy: v.editedBy,
          editedAt: v.editedAt.toISOString(),
        })),
      };
    },

    /** The rule's firing log, newest first: fired, suppressed (CTA open), failed (why). */
    async listFirings(workspaceId: string, id: string, query: RuleFiringsQuery): Promise<RuleFiringPage> {
      await getRuleRow(workspaceId, id);
      const { limit = DEFAULT_PAGE_SIZE, cursor, outcome, accountId } = query;
      const after = cursor === undefined ? undefined : decodeTimeCursor(cursor);
      if (cursor !== undefined && !after) {
        throw new AppError('VALIDATION_FAILED', 'Invalid cursor: pass back nextCursor from the previous page', [
          { field: 'cursor', location: 'querystring', problem: 'is not a cursor of this list' },
        ]);
      }
      const rows = await repo.listFirings(
        workspaceId,
        id,
        { outcome, accountId },
        after ? { firedAt: after.at, id: after.id } : undefined,
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { items: page.map(toRuleFiringDto), nextCursor: rows.length > limit && last ? encodeTimeCursor(last.firedAt, last.id) : null };
    },

    /** Dry run of an unsaved rule (the editor's state). */
    async dryRun(editor: RuleEditor, input: DryRunRule): Promise<RuleDryRun> {
      const { conditions } = await assertRuleDefinition({ database, ports }, editor, {
        trigger: input.trigger,
        conditions: input.conditions,
      });
      return dryRunRule(
        { database, clock, ports, evaluator },
        {
          workspaceId: editor.workspaceId,
          ruleId: null,
          trigger: input.trigger,
          conditions: conditions ?? null,
          lookbackDays: input.lookbackDays,
        },
      );
    },

    /** Dry run of a saved rule, optionally with another trigger or conditions ("what if"). */
    async dryRunSaved(editor: RuleEditor, id: string, input: DryRunSavedRule): Promise<RuleDryRun> {
      const rule = await getRuleRow(editor.workspaceId, id);
      const { conditions } = await assertRuleDefinition({ database, ports }, editor, {
        trigger: input.trigger,
        conditions: input.conditions,
      });
      return dryRunRule(
        { database, clock, ports, evaluator },
        {
          workspaceId: editor.workspaceId,
          ruleId: rule.id,
          trigger: input.trigger ?? rule.trigger,
          conditions: conditions === undefined ? rule.conditions : conditions,
          lookbackDays: input.lookbackDays,
        },
      );
    },

    /** Everything due for one workspace, inline: new events, state triggers, cron ticks. */
    async evaluateNow(workspaceId: string): Promise<RuleEvaluationResult> {
      const parts = [
        await evaluator.processEvents(workspaceId),
        await evaluator.scanStates(workspaceId),
        await evaluator.runSchedules(workspaceId),
      ];
      return parts.reduce((sum, p) => ({
        eventsProcessed: sum.eventsProcessed + p.eventsProcessed,
        fired: sum.fired + p.fired,
        suppressed: sum.suppressed + p.suppressed,
        failed: sum.failed + p.failed,
      }));
    },

    /** Rules react to the events recorded from now on (rules written directly, as the demo does). */
    followEventsFromNow: evaluator.ensureCursor,

    processEvents: evaluator.processEvents,
    scanStates: evaluator.scanStates,
    runSchedules: evaluator.runSchedules,
    listCursorWorkspaceIds: evaluator.listCursorWorkspaceIds,
  };
}
