import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '@northstar/contracts';
import type { Db } from '../../platform/db/database';
import { invitations, memberships, users } from './users.schema';

export type UserRow = typeof users.$inferSelect;
export type MemberRow = UserRow & { role: Role; active: boolean; workspaceId: string };

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  passwordHash: users.passwordHash,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  role: memberships.role,
  active: memberships.active,
  workspaceId: memberships.workspaceId,
};

/** SQL for users and their memberships. Member queries take workspaceId first. */
export function createUsersRepository(db: Db) {
  return {
    async findUserByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
      return row;
    },
    async insertUser(values: { email: string; name: string; passwordHash: string | null }): Promise<UserRow> {
      const [row] = await db.insert(users).values(values).returning();
      return row!;
    },
    async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    },
    async touchLogin(userId: string, at: Date): Promise<void> {
      await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
    },
    async updateUserName(userId: string, name: string): Promise<void> {
      await db.update(users).set({ name }).where(eq(users.id, userId));
    },
    async upsertMembership(workspaceId: string, userId: string, role: Role): Promise<void> {
      await db
        .insert(memberships)
        .values({ workspaceId, userId, role })
        .onConflictDoUpdate({ target: [memberships.workspaceId, memberships.userId], set: { role, active: true } });
    },
    async findMember(workspaceId: string, userId: string): Promise<MemberRow | undefined> {
      const [row] = await db
        .select(memberColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
      return row;
    },
    async listMembers(workspaceId: string): Promise<MemberRow[]> {
      return db
        .select(memberColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.workspaceId, workspaceId))
        .orderBy(asc(users.name));
    },
    async listMembershipsOfUser(userId: string) {
      return db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.active, true)));
    },
    async updateMembership(workspaceId: string, userId: string, patch: { role?: Role; active?: boolean }): Promise<void> {
      await db
        .update(memberships)
        .set(patch)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    },
    async deleteMembership(workspaceId: string, userId: string): Promise<void> {
      await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    },
    async countActiveAdmins(workspaceId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin'), eq(memberships.active, true)));
      return Number(row?.n ?? 0);
    },
    async insertInvitation(values: typeof invitations.$inferInsert) {
      const [row] = await db.insert(invitations).values(values).returning();
      return row!;
    },
    async findOpenInvitation(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
      return row;
    },
    async findInvitationByHash(tokenHash: string) {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row;
    },
    /** Marks an open invitation accepted; false when it was already used or has expired. */
    async claimInvitation(id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: at })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, at)))
        .returning({ id: invitations.id });
      return rows.length > 0;
    },
  };
}
