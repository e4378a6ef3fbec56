import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { apiKeys } from './api-keys.schema';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyKind = ApiKeyRow['kind'];

export function createApiKeysRepository(db: Db) {
  return {
    async insert(values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
      const [row] = await db.insert(apiKeys).values(values).returning();
      return row!;
    },
    async findBySecretHash(secretHash: string): Promise<ApiKeyRow | undefined> {
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash));
      return row;
    },
    async list(workspaceId: string, kind: ApiKeyKind, userId?: string): Promise<ApiKeyRow[]> {
      return db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.kind, kind), userId ? eq(apiKeys.userId, userId) : undefined))
        .orderBy(desc(apiKeys.createdAt));
    },
    async find(workspaceId: string, kind: ApiKeyKind, id: string): Promise<ApiKeyRow | undefined> {
      const [row] = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.kind, kind), eq(apiKeys.id, id)));
      return row;
    },
    async revoke(workspaceId: string, id: string, at: Date): Promise<void> {
      await db
        .update(apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
    },
    /** Records use, at most once a minute per key, so authentication does not write on every call. */
    async touch(id: string, at: Date): Promise<void> {
      const staleBefore = new Date(at.getTime() - 60_000);
      await db
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
    },
  };
}
