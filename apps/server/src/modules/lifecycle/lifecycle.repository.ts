import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LifecycleStage } from '@northstar/contracts';
import type { Db } from '../../platform/db/database';
import { accounts, contacts } from '../accounts/accounts.schema';
import { DEFAULT_LIFECYCLE_CONFIG, normaliseLifecycleConfig, type LifecycleConfig, type LocalizedText } from './lifecycle-config';
import { lifecycleChecklistTicks, lifecycleConfigs, lifecycleStageHistory } from './lifecycle.schema';

export type StageHistoryRow = typeof lifecycleStageHistory.$inferSelect;

/** What the board, the rules and the account page read about one account. */
export type LifecycleAccountRow = {
  id: string;
  name: string;
  arr: number;
  tier: 'S' | 'A' | 'B' | 'C' | null;
  stage: LifecycleStage | null;
  /** The stage of the open stay; differs from `stage` when something outside the lifecycle changed it (an import). */
  openStage: LifecycleStage | null;
  status: 'active' | 'churned';
  plan: string | null;
  ownerId: string | null;
  renewalDate: string | null;
  contractStart: string | null;
  churnDate: string | null;
  enteredAt: Date | null;
  enteredBy: 'user' | 'rule' | null;
};

/** SQL for stage history and checklist ticks. Every method takes workspaceId first. */
export function createLifecycleRepository(db: Db) {
  const openStay = and(eq(lifecycleStageHistory.accountId, accounts.id), isNull(lifecycleStageHistory.leftAt));
  return {
    /** Live accounts (all, or those listed) with their current stage and when (and how) they entered it. */
    async listLifecycleAccounts(workspaceId: string, accountIds?: readonly string[]): Promise<LifecycleAccountRow[]> {
      if (accountIds?.length === 0) return [];
      const rows = await db
        .select({
          id: accounts.id,
          name: accounts.name,
          arr: accounts.arr,
          tier: accounts.tier,
          stage: accounts.lifecycleStage,
          openStage: lifecycleStageHistory.stage,
          status: accounts.status,
          plan: accounts.plan,
          ownerId: accounts.ownerId,
          renewalDate: accounts.renewalDate,
          contractStart: accounts.contractStart,
          churnDate: accounts.churnDate,
          enteredAt: lifecycleStageHistory.enteredAt,
          enteredBy: lifecycleStageHistory.enteredBy,
        })
        .from(accounts)
        .leftJoin(lifecycleStageHistory, and(eq(lifecycleStageHistory.workspaceId, workspaceId), openStay))
        .where(
          and(
            eq(accounts.workspaceId, workspaceId),
            isNull(accounts.deletedAt),
            accountIds ? inArray(accounts.id, [...accountIds]) : undefined,
          ),
        )
        .orderBy(asc(accounts.name));
      return rows.map((r) => ({ ...r, arr: Number(r.arr), openStage: (r.openStage as LifecycleStage | null) ?? null }));
    },

    async listHistory(workspaceId: string, accountId: string): Promise<StageHistoryRow[]> {
      return db
        .select()
        .from(lifecycleStageHistory)
        .where(and(eq(lifecycleStageHistory.workspaceId, workspaceId), eq(lifecycleStageHistory.accountId, accountId)))
        .orderBy(asc(lifecycleStageHistory.enteredAt), asc(lifecycleStageHistory.id));
    },

    /** Closes the open stay, opens one in `stage`, and copies the stage onto the account. */
    async moveStage(
      workspaceId: string,
      accountId: string,
      move: { stage: LifecycleStage; at: Date; enteredBy: 'user' | 'rule'; userId: string | null; reason: LocalizedText | null },
    ): Promise<void> {
      await db
        .update(lifecycleStageHistory)
        .set({ leftAt: move.at })
        .where(
          and(
            eq(lifecycleStageHistory.workspaceId, workspaceId),
            eq(lifecycleStageHistory.accountId, accountId),
            isNull(lifecycleStageHistory.leftAt),
          ),
        );
      await db.insert(lifecycleStageHistory).values({ workspaceId, accountId, ...move, enteredAt: move.at });
      await db
        .update(accounts)
        .set({ lifecycleStage: move.stage })
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
    },

    /** Ends the open stay without opening another: the account no longer has a stage. */
    async closeStay(workspaceId: string, accountId: string, at: Date): Promise<void> {
      await db
        .update(lifecycleStageHistory)
        .set({ leftAt: at })
        .where(
          and(
            eq(lifecycleStageHistory.workspaceId, workspaceId),
            eq(lifecycleStageHistory.accountId, accountId),
            isNull(lifecycleStageHistory.leftAt),
          ),
        );
      await db
        .update(accounts)
        .set({ lifecycleStage: null })
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
    },

    /** The workspace's lifecycle, or the default when an admin never changed it. */
    async loadConfig(workspaceId: string): Promise<{ config: LifecycleConfig; updatedAt: Date | null }> {
      const [row] = await db
        .select({ config: lifecycleConfigs.config, updatedAt: lifecycleConfigs.updatedAt })
        .from(lifecycleConfigs)
        .where(eq(lifecycleConfigs.workspaceId, workspaceId));
      return { config: normaliseLifecycleConfig(row?.config ?? DEFAULT_LIFECYCLE_CONFIG), updatedAt: row?.updatedAt ?? null };
    },

    async saveConfig(workspaceId: string, config: LifecycleConfig, userId: string | null, now: Date): Promise<void> {
      await db
        .insert(lifecycleConfigs)
        .values({ workspaceId, config, updatedBy: userId, updatedAt: now })
        .onConflictDoUpdate({ target: lifecycleConfigs.workspaceId, set: { config, updatedBy: userId, updatedAt: now } });
    },

    /** Live accounts per current stage, so a stage in use is not switched off under them. */
    async countAccountsByStage(workspaceId: string): Promise<Map<LifecycleStage, number>> {
      const rows = await db
        .select({ stage: accounts.lifecycleStage, count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), isNull(accounts.deletedAt)))
        .groupBy(accounts.lifecycleStage);
      return new Map(rows.flatMap((r) => (r.stage ? [[r.stage, Number(r.count)] as const] : [])));
    },

    /** Opens a first stay for accounts that have a stage but no history (imports, demo data). */
    async insertBackfill(
      workspaceId: string,
      rows: { accountId: string; stage: LifecycleStage; enteredAt: Date }[],
      reason: LocalizedText,
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insert(lifecycleStageHistory)
          .values(rows.slice(i, i + 500).map((r) => ({ workspaceId, ...r, enteredBy: 'rule' as const, userId: null, reason })));
      }
    },

    /** Ticked items per account and stage (all accounts, or those listed). */
    async listTicks(workspaceId: string, accountIds?: readonly string[]) {
      return db
        .select({
          accountId: lifecycleChecklistTicks.accountId,
          stage: lifecycleChecklistTicks.stage,
          itemKey: lifecycleChecklistTicks.itemKey,
        })
        .from(lifecycleChecklistTicks)
        .where(
          and(
            eq(lifecycleChecklistTicks.workspaceId, workspaceId),
            accountIds ? inArray(lifecycleChecklistTicks.accountId, [...accountIds]) : undefined,
          ),
        );
    },

    async setTick(
      workspaceId: string,
      accountId: string,
      tick: { stage: LifecycleStage; itemKey: string; done: boolean; userId: string | null; at: Date },
    ) {
      if (!tick.done) {
        await db
          .delete(lifecycleChecklistTicks)
          .where(
            and(
              eq(lifecycleChecklistTicks.workspaceId, workspaceId),
              eq(lifecycleChecklistTicks.accountId, accountId),
              eq(lifecycleChecklistTicks.stage, tick.stage),
              eq(lifecycleChecklistTicks.itemKey, tick.itemKey),
            ),
          );
        return;
      }
      await db
        .insert(lifecycleChecklistTicks)
        .values({ workspaceId, accountId, stage: tick.stage, itemKey: tick.itemKey, tickedBy: tick.userId, tickedAt: tick.at })
        .onConflictDoNothing();
    },

    /** The people the handoff checklist looks for, per account. */
    async listHandoffContacts(workspaceId: string, accountIds?: readonly string[]) {
      return db
        .select({
          accountId: contacts.accountId,
          role: contacts.role,
          email: contacts.email,
          phone: contacts.phone,
          leftAt: contacts.leftAt,
        })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), accountIds ? inArray(contacts.accountId, [...accountIds]) : undefined));
    },

    /** Serialises rule runs and manual moves of one workspace inside the caller's transaction. */
    async lockWorkspace(workspaceId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`lifecycle:${workspaceId}`}))`);
    },
  };
}
