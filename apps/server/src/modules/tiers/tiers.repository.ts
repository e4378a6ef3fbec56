import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tier } from '@northstar/contracts';
import type { Db } from '../../platform/db/database';
import { accounts } from '../accounts/accounts.schema';
import type { TierAssignment, TieringAccount } from './calculate-tiers';
import type { StoredTier, TierChange } from './diff-tier-assignments';
import { DEFAULT_TIERING_POLICY, type TieringPolicy } from './tiering-policy';
import { tierAssignments, tierHistory, tieringPolicies, tierPins } from './tiers.schema';

const CHUNK = 500;

/** SQL for tiering. Every method takes workspaceId first. */
export function createTiersRepository(db: Db) {
  return {
    async loadPolicy(workspaceId: string): Promise<TieringPolicy> {
      const [row] = await db
        .select({ policy: tieringPolicies.policy })
        .from(tieringPolicies)
        .where(eq(tieringPolicies.workspaceId, workspaceId));
      return row?.policy ?? DEFAULT_TIERING_POLICY;
    },

    async savePolicy(workspaceId: string, policy: TieringPolicy, userId: string | null, now: Date): Promise<void> {
      await db
        .insert(tieringPolicies)
        .values({ workspaceId, policy, updatedBy: userId, updatedAt: now })
        .onConflictDoUpdate({ target: tieringPolicies.workspaceId, set: { policy, updatedBy: userId, updatedAt: now } });
    },

    /** Live accounts with their pins; engagement and health are filled in by the service. */
    async loadTieringAccounts(workspaceId: string): Promise<Omit<TieringAccount, 'engagement' | 'health'>[]> {
      const rows = await db
        .select({
          id: accounts.id,
          arr: accounts.arr,
          employees: accounts.employees,
          status: accounts.status,
          pinTier: tierPins.tier,
          pinReason: tierPins.reason,
          pinExpiresOn: tierPins.expiresOn,
        })
        .from(accounts)
        .leftJoin(tierPins, and(eq(tierPins.workspaceId, accounts.workspaceId), eq(tierPins.accountId, accounts.id)))
        .where(and(eq(accounts.workspaceId, workspaceId), isNull(accounts.deletedAt)));
      return rows.map((r) => ({
        id: r.id,
        arr: Number(r.arr),
        employees: r.employees,
        status: r.status,
        pin: r.pinTier ? { tier: r.pinTier, reason: r.pinReason ?? '', expiresAt: r.pinExpiresOn } : null,
      }));
    },

    async loadStoredTiers(workspaceId: string): Promise<StoredTier[]> {
      return db
        .select({ accountId: tierAssignments.accountId, tier: tierAssignments.tier, isPinned: tierAssignments.isPinned })
        .from(tierAssignments)
        .where(eq(tierAssignments.workspaceId, workspaceId));
    },

    /** Replaces the workspace's assignments, appends history, and copies each tier onto accounts.tier. */
    async writeAssignments(
      workspaceId: string,
      assignments: readonly TierAssignment[],
      changes: readonly TierChange[],
      now: Date,
    ): Promise<void> {
      await db.delete(tierAssignments).where(eq(tierAssignments.workspaceId, workspaceId));
      for (let i = 0; i < assignments.length; i += CHUNK) {
        await db.insert(tierAssignments).values(
          assignments.slice(i, i + CHUNK).map((a) => ({
            workspaceId,
            accountId: a.accountId,
            tier: a.tier,
            calculatedTier: a.calculatedTier,
            isPinned: a.reason.rule === 'pinned',
            reason: a.reason,
            reasonText: a.text,
            computedAt: now,
          })),
        );
      }
      for (let i = 0; i < changes.length; i += CHUNK) {
        await db.insert(tierHistory).values(
          changes.slice(i, i + CHUNK).map((c) => ({
            workspaceId,
            accountId: c.accountId,
            fromTier: c.from,
            toTier: c.to,
            cause: c.cause,
            reason: c.reason,
            reasonText: c.text,
            changedAt: now,
          })),
        );
      }
      // updated_at stays: a derived tier is not an edit of the account.
      await db.execute(sql`
        update ${accounts} set tier = ${tierAssignments.tier}
        from ${tierAssignments}
        where ${accounts.workspaceId} = ${workspaceId} and ${tierAssignments.workspaceId} = ${workspaceId}
          and ${tierAssignments.accountId} = ${accounts.id} and ${accounts.tier} is distinct from ${tierAssignments.tier}`);
    },

    /** Serialises recomputes of one workspace inside the caller's transaction. */
    async lockWorkspace(workspaceId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`tiers:${workspaceId}`}))`);
    },

    /** ARR and tier of every live, active account: the Pareto page's input. */
    async loadPortfolio(workspaceId: string): Promise<{ arr: number; tier: Tier | null }[]> {
      const rows = await db
        .select({ arr: accounts.arr, tier: accounts.tier })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), isNull(accounts.deletedAt), eq(accounts.status, 'active')));
      return rows.map((r) => ({ arr: Number(r.arr), tier: r.tier }));
    },

    async findLastComputedAt(workspaceId: string): Promise<Date | null> {
      const [row] = await db
        .select({ at: sql<Date | string | null>`max(${tierAssignments.computedAt})` })
        .from(tierAssignments)
        .where(eq(tierAssignments.workspaceId, workspaceId));
      return row?.at ? new Date(row.at) : null;
    },

    async findAssignment(workspaceId: string, accountId: string) {
      const [row] = await db
        .select()
        .from(tierAssignments)
        .where(and(eq(tierAssignments.workspaceId, workspaceId), eq(tierAssignments.accountId, accountId)));
      return row;
    },

    async findPin(workspaceId: string, accountId: string) {
      const [row] = await db
        .select()
        .from(tierPins)
        .where(and(eq(tierPins.workspaceId, workspaceId), eq(tierPins.accountId, accountId)));
      return row;
    },

    async listHistory(workspaceId: string, accountId: string) {
      return db
        .select()
        .from(tierHistory)
        .where(and(eq(tierHistory.workspaceId, workspaceId), eq(tierHistory.accountId, accountId)))
        .orderBy(desc(tierHistory.changedAt))
        .limit(100);
    },

    async upsertPin(
      workspaceId: string,
      accountId: string,
      pin: { tier: Tier; reason: string; expiresOn: string | null; pinnedBy: string | null },
      now: Date,
    ) {
      await db
        .insert(tierPins)
        .values({ workspaceId, accountId, ...pin, createdAt: now })
        .onConflictDoUpdate({ target: [tierPins.workspaceId, tierPins.accountId], set: { ...pin, createdAt: now } });
    },

    async deletePin(workspaceId: string, accountId: string): Promise<boolean> {
      const rows = await db
        .delete(tierPins)
        .where(and(eq(tierPins.workspaceId, workspaceId), eq(tierPins.accountId, accountId)))
        .returning({ accountId: tierPins.accountId });
      return rows.length > 0;
    },

    async isLiveAccount(workspaceId: string, accountId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId), isNull(accounts.deletedAt)));
      return Boolean(row);
    },
  };
}
