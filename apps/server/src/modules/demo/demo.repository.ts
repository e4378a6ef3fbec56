import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { workspaces } from '../workspaces/workspaces.schema';

export function createDemoRepository(db: Db) {
  return {
    /** Deletes a workspace; every tenant table cascades from it. */
    async deleteWorkspace(workspaceId: string): Promise<void> {
      await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
    },
  };
}
