import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { workspaces } from './workspaces.schema';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export function createWorkspacesRepository(db: Db) {
  return {
    async insert(values: { slug: string; name: string; timezone?: string }): Promise<WorkspaceRow> {
      const [row] = await db.insert(workspaces).values(values).returning();
      return row!;
    },
    async findById(id: string): Promise<WorkspaceRow | undefined> {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row;
    },
    async findBySlug(slug: string): Promise<WorkspaceRow | undefined> {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
      return row;
    },
    async list(): Promise<WorkspaceRow[]> {
      return db.select().from(workspaces).orderBy(workspaces.createdAt);
    },
    async update(id: string, patch: { name?: string; timezone?: string }): Promise<WorkspaceRow | undefined> {
      const [row] = await db.update(workspaces).set(patch).where(eq(workspaces.id, id)).returning();
      return row;
    },
  };
}
