import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { memberships, users } from '../users/users.schema';
import { accounts, contacts } from './accounts.schema';

export type AccountInsert = typeof accounts.$inferInsert;
export type AccountPatch = Partial<Omit<AccountInsert, 'id' | 'workspaceId' | 'createdAt'>>;
/** The latest daily health snapshot (modules/health), as the account list shows it. */
export type AccountHealthSummary = { score: number | null; band: 'red' | 'yellow' | 'green' | null; date: string };
export type AccountRow = typeof accounts.$inferSelect & {
  ownerName: string | null;
  contactCount: number;
  health: AccountHealthSummary | null;
};

/** Every account column plus what the DTO joins in: the owner's name and the contact count. */
export const accountRowColumns = {
  ...getTableColumns(accounts),
  ownerName: users.name,
  contactCount: sql<number>`(select count(*)::int from ${contacts} where ${contacts.workspaceId} = ${accounts.workspaceId} and ${contacts.accountId} = ${accounts.id})`,
  // One backward probe of the snapshots' primary key per row.
  health: sql<AccountHealthSummary | null>`(select json_build_object('score', h.score, 'band', h.band, 'date', h.date) from health_snapshots h
    where h.workspace_id = ${accounts.workspaceId} and h.account_id = ${accounts.id} order by h.date desc limit 1)`,
};

/** SQL for single accounts. Every method takes workspaceId first; soft-deleted rows included. */
export function createAccountsRepository(db: Db) {
  return {
    async findAccount(workspaceId: string, id: string): Promise<AccountRow | undefined> {
      const [row] = await db
        .select(accountRowColumns)
        .from(accounts)
        .leftJoin(users, eq(users.id, accounts.ownerId))
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
      return row;
    },
    /** Deleted accounts keep their external id, so they are found here too. */
    async findIdByExternalId(workspaceId: string, externalId: string): Promise<{ id: string; deletedAt: Date | null } | undefined> {
      const [row] = await db
        .select({ id: accounts.id, deletedAt: accounts.deletedAt })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.externalId, externalId)));
      return row;
    },
    async insertAccount(values: AccountInsert): Promise<string> {
      const [row] = await db.insert(accounts).values(values).returning({ id: accounts.id });
      return row!.id;
    },
    /** Updates a live (not deleted) account; false when there is none. */
    async updateAccount(workspaceId: string, id: string, patch: AccountPatch): Promise<boolean> {
      const rows = await db
        .update(accounts)
        .set(patch)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id), isNull(accounts.deletedAt)))
        .returning({ id: accounts.id });
      return rows.length > 0;
    },
    async setDeletedAt(workspaceId: string, id: string, deletedAt: Date | null, at: Date): Promise<void> {
      await db
        .update(accounts)
        .set({ deletedAt, updatedAt: at })
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
    },
    async isActiveMember(workspaceId: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId), eq(memberships.active, true)));
      return Boolean(row);
    },
  };
}
