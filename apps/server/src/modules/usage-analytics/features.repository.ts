import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { productFeatures } from './usage-analytics.schema';

export type FeatureRow = typeof productFeatures.$inferSelect;
export type FeatureValues = Pick<FeatureRow, 'name' | 'module' | 'eventName' | 'propertyName' | 'propertyValue'>;

/** Feature mappings; every method takes workspaceId first. */
export function createFeaturesRepository(db: Db) {
  return {
    list: (workspaceId: string) =>
      db
        .select()
        .from(productFeatures)
        .where(eq(productFeatures.workspaceId, workspaceId))
        .orderBy(asc(productFeatures.name), asc(productFeatures.createdAt)),
    async find(workspaceId: string, id: string): Promise<FeatureRow | undefined> {
      const [row] = await db
        .select()
        .from(productFeatures)
        .where(and(eq(productFeatures.workspaceId, workspaceId), eq(productFeatures.id, id)));
      return row;
    },
    async insert(workspaceId: string, values: FeatureValues): Promise<FeatureRow> {
      const [row] = await db
        .insert(productFeatures)
        .values({ workspaceId, ...values })
        .returning();
      return row!;
    },
    async update(workspaceId: string, id: string, values: FeatureValues): Promise<FeatureRow | undefined> {
      const [row] = await db
        .update(productFeatures)
        .set(values)
        .where(and(eq(productFeatures.workspaceId, workspaceId), eq(productFeatures.id, id)))
        .returning();
      return row;
    },
    async remove(workspaceId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(productFeatures)
        .where(and(eq(productFeatures.workspaceId, workspaceId), eq(productFeatures.id, id)))
        .returning({ id: productFeatures.id });
      return rows.length > 0;
    },
  };
}
