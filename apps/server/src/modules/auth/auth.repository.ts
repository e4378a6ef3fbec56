import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { sessions } from './auth.schema';

export type SessionRow = typeof sessions.$inferSelect;

export function createAuthRepository(db: Db) {
  return {
    async insertSession(values: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [row] = await db.insert(sessions).values(values).returning();
      return row!;
    },
    async findLiveSession(tokenHash: string, now: Date): Promise<SessionRow | undefined> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      return row;
    },
    async touchSession(id: string, at: Date, expiresAt: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at, expiresAt }).where(eq(sessions.id, id));
    },
    async listLiveSessions(workspaceId: string, userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastSeenAt));
    },
    async revokeSession(workspaceId: string, userId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.userId, userId), eq(sessions.id, id), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
    async revokeOtherSessions(userId: string, keepId: string | undefined, at: Date): Promise<void> {
      await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepId ? ne(sessions.id, keepId) : undefined));
    },
  };
}
