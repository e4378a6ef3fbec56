import { and, asc, count, desc, eq, getTableColumns, inArray, lt, max, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { accounts } from '../accounts/accounts.schema';
import { ruleFirings, rules, ruleTriggerStates, ruleVersions, type RuleDefinition } from './rules.schema';

export type RuleRow = typeof rules.$inferSelect;
export type RuleInsert = typeof rules.$inferInsert;
export type RuleFiringRow = typeof ruleFirings.$inferSelect;
export type RuleFiringInsert = typeof ruleFirings.$inferInsert;
export type RuleFiringListRow = RuleFiringRow & { accountName: string | null };
export type RuleStats = { lastFiredAt: Date | null; firedCount: number };

/** SQL for rules, their versions, firings and trigger states. Every method takes workspaceId first. */
export function createRulesRepository(db: Db) {
  return {
    async listRules(workspaceId: string, filter: { enabled?: boolean; triggerTypes?: readonly string[] } = {}): Promise<RuleRow[]> {
      return db
        .select()
        .from(rules)
        .where(
          and(
            eq(rules.workspaceId, workspaceId),
            filter.enabled === undefined ? undefined : eq(rules.enabled, filter.enabled),
            filter.triggerTypes ? inArray(rules.triggerType, [...filter.triggerTypes]) : undefined,
          ),
        )
        .orderBy(asc(rules.name), asc(rules.id));
    },

    async findRule(workspaceId: string, id: string): Promise<RuleRow | undefined> {
      const [row] = await db
        .select()
        .from(rules)
        .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)));
      return row;
    },

    async insertRule(values: RuleInsert): Promise<RuleRow> {
      const [row] = await db.insert(rules).values(values).returning();
      return row!;
    },

    async updateRule(workspaceId: string, id: string, patch: Partial<RuleInsert>): Promise<RuleRow | undefined> {
      const [row] = await db
        .update(rules)
        .set(patch)
        .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)))
        .returning();
      return row;
    },

    async deleteRule(workspaceId: string, id: string): Promise<void> {
      await db.delete(rules).where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)));
    },

    async insertVersion(values: {
      workspaceId: string;
      ruleId: string;
      version: number;
      definition: RuleDefinition;
      editedBy: string | null;
      editedAt: Date;
    }) {
      await db.insert(ruleVersions).values(values);
    },

    async listVersions(workspaceId: string, ruleId: string) {
      return db
        .select()
        .from(ruleVersions)
        .where(and(eq(ruleVersions.workspaceId, workspaceId), eq(ruleVersions.ruleId, ruleId)))
        .orderBy(desc(ruleVersions.version));
    },

    /** Last firing that started a playbook and how many did, per rule. */
    async statsByRule(workspaceId: string, ruleIds: readonly string[]): Promise<Map<string, RuleStats>> {
      if (ruleIds.length === 0) return new Map();
      const rows = await db
        .select({ ruleId: ruleFirings.ruleId, lastFiredAt: max(ruleFirings.firedAt), firedCount: count() })
        .from(ruleFirings)
        .where(and(eq(ruleFirings.workspaceId, workspaceId), inArray(ruleFirings.ruleId, [...ruleIds]), eq(ruleFirings.outcome, 'fired')))
        .groupBy(ruleFirings.ruleId);
      return new Map(rows.map((r) => [r.ruleId, { lastFiredAt: r.lastFiredAt, firedCount: Number(r.firedCount) }]));
    },

    /** Claims an occurrence: inserted, or undefined when this occurrence (or a pending firing of the cause) exists. */
    async insertFiring(values: RuleFiringInsert): Promise<RuleFiringRow | undefined> {
      const [row] = await db.insert(ruleFirings).values(values).onConflictDoNothing().returning();
      return row;
    },

    async finishFiring(
      workspaceId: string,
      id: string,
      result: { outcome: 'fired' | 'suppressed' | 'failed'; ctaId?: string | null; playbookRunId?: string | null; error?: string | null },
    ): Promise<void> {
      await db
        .update(ruleFirings)
        .set({
          outcome: result.outcome,
          ctaId: result.ctaId ?? null,
          playbookRunId: result.playbookRunId ?? null,
          error: result.error ?? null,
        })
        .where(and(eq(ruleFirings.workspaceId, workspaceId), eq(ruleFirings.id, id)));
    },

    /** Firings left pending by a crashed evaluator: they will never finish, so they count as failed. */
    async failStalePendingFirings(workspaceId: string, olderThan: Date): Promise<void> {
      await db
        .update(ruleFirings)
        .set({ outcome: 'failed', error: 'interrupted before the playbook started' })
        .where(and(eq(ruleFirings.workspaceId, workspaceId), eq(ruleFirings.outcome, 'pending'), lt(ruleFirings.firedAt, olderThan)));
    },

    /** A rule's firings, newest first, with account names. */
    async listFirings(
      workspaceId: string,
      ruleId: string,
      filter: { outcome?: string | undefined; accountId?: string | undefined },
      after: { firedAt: Date; id: string } | undefined,
      limit: number,
    ): Promise<RuleFiringListRow[]> {
      return db
        .select({ ...getTableColumns(ruleFirings), accountName: accounts.name })
        .from(ruleFirings)
        .leftJoin(accounts, and(eq(accounts.workspaceId, ruleFirings.workspaceId), eq(accounts.id, ruleFirings.accountId)))
        .where(
          and(
            eq(ruleFirings.workspaceId, workspaceId),
            eq(ruleFirings.ruleId, ruleId),
            filter.outcome ? eq(ruleFirings.outcome, filter.outcome as RuleFiringRow['outcome']) : undefined,
            filter.accountId ? eq(ruleFirings.accountId, filter.accountId) : undefined,
            after
              ? or(lt(ruleFirings.firedAt, after.firedAt), and(eq(ruleFirings.firedAt, after.firedAt), lt(ruleFirings.id, after.id)))
              : undefined,
          ),
        )
        .orderBy(desc(ruleFirings.firedAt), desc(ruleFirings.id))
        .limit(limit);
    },

    /** Accounts in a state rule's state, with the cause they entered it for. */
    async listTriggerStates(workspaceId: string, ruleId: string, accountIds?: readonly string[]): Promise<Map<string, string>> {
      const rows = await db
        .select({ accountId: ruleTriggerStates.accountId, causeKey: ruleTriggerStates.causeKey })
        .from(ruleTriggerStates)
        .where(
          and(
            eq(ruleTriggerStates.workspaceId, workspaceId),
            eq(ruleTriggerStates.ruleId, ruleId),
            accountIds ? inArray(ruleTriggerStates.accountId, [...accountIds]) : undefined,
          ),
        );
      return new Map(rows.map((r) => [r.accountId, r.causeKey]));
    },

    async upsertTriggerState(workspaceId: string, ruleId: string, accountId: string, causeKey: string, since: Date): Promise<void> {
      await db
        .insert(ruleTriggerStates)
        .values({ workspaceId, ruleId, accountId, causeKey, since })
        .onConflictDoUpdate({ target: [ruleTriggerStates.ruleId, ruleTriggerStates.accountId], set: { causeKey, since } });
    },

    async deleteTriggerStates(workspaceId: string, ruleId: string, accountIds: readonly string[]): Promise<void> {
      for (let i = 0; i < accountIds.length; i += 500) {
        await db
          .delete(ruleTriggerStates)
          .where(
            and(
              eq(ruleTriggerStates.workspaceId, workspaceId),
              eq(ruleTriggerStates.ruleId, ruleId),
              inArray(ruleTriggerStates.accountId, accountIds.slice(i, i + 500)),
            ),
          );
      }
    },

    /** Forgets every state of a rule (its trigger changed: what it was in no longer means anything). */
    async clearTriggerStates(workspaceId: string, ruleId: string): Promise<void> {
      await db.delete(ruleTriggerStates).where(and(eq(ruleTriggerStates.workspaceId, workspaceId), eq(ruleTriggerStates.ruleId, ruleId)));
    },
  };
}
