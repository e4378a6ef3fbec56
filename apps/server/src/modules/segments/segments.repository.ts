import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { segmentMemberships, segments } from './segments.schema';

export type SegmentRow = typeof segments.$inferSelect;
export type SegmentInsert = typeof segments.$inferInsert;

const CHUNK = 500;

/** SQL for saved segments and their memberships. Every method takes workspaceId first. */
export function createSegmentsRepository(db: Db) {
  return {
    /** Shared segments and the viewer's own private ones, by name. */
    async listVisibleSegments(workspaceId: string, userId: string): Promise<SegmentRow[]> {
      return db
        .select()
        .from(segments)
        .where(and(eq(segments.workspaceId, workspaceId), or(eq(segments.visibility, 'shared'), eq(segments.ownerId, userId))))
        .orderBy(asc(segments.name), asc(segments.id));
    },
    async listAllSegments(workspaceId: string): Promise<SegmentRow[]> {
      return db.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.createdAt));
    },
    async findSegment(workspaceId: string, id: string): Promise<SegmentRow | undefined> {
      const [row] = await db
        .select()
        .from(segments)
        .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
      return row;
    },
    async insertSegment(values: SegmentInsert): Promise<SegmentRow> {
      const [row] = await db.insert(segments).values(values).returning();
      return row!;
    },
    async updateSegment(workspaceId: string, id: string, patch: Partial<SegmentInsert>): Promise<void> {
      await db
        .update(segments)
        .set(patch)
        .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
    },
    async deleteSegment(workspaceId: string, id: string): Promise<void> {
      await db.delete(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
    },
    async listMemberIds(workspaceId: string, segmentId: string): Promise<string[]> {
      const rows = await db
        .select({ accountId: segmentMemberships.accountId })
        .from(segmentMemberships)
        .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.segmentId, segmentId)));
      return rows.map((r) => r.accountId);
    },
    /** Applies a membership diff; `left` may name accounts deleted since, which simply are gone. */
    async applyMembershipDiff(
      workspaceId: string,
      segmentId: string,
      diff: { entered: string[]; left: string[] },
      now: Date,
    ): Promise<void> {
      for (let i = 0; i < diff.left.length; i += CHUNK) {
        await db
          .delete(segmentMemberships)
          .where(
            and(
              eq(segmentMemberships.workspaceId, workspaceId),
              eq(segmentMemberships.segmentId, segmentId),
              inArray(segmentMemberships.accountId, diff.left.slice(i, i + CHUNK)),
            ),
          );
      }
      for (let i = 0; i < diff.entered.length; i += CHUNK) {
        await db
          .insert(segmentMemberships)
          .values(diff.entered.slice(i, i + CHUNK).map((accountId) => ({ workspaceId, segmentId, accountId, enteredAt: now })))
          .onConflictDoNothing();
      }
    },
    /** Segments refreshed at least once: the ones whose changes are events. */
    async listRefreshedSegments(workspaceId: string): Promise<SegmentRow[]> {
      return db
        .select()
        .from(segments)
        .where(and(eq(segments.workspaceId, workspaceId), isNotNull(segments.refreshedAt)));
    },
  };
}
