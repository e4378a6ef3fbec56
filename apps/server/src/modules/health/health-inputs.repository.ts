import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { accounts } from '../accounts/accounts.schema';
import { users } from '../users/users.schema';
import { healthExperienceInputs, healthNorthStarTargets } from './health.schema';

export type ExperienceInputRow = typeof healthExperienceInputs.$inferSelect & { setByName: string | null };
type NewExperienceInput = Omit<typeof healthExperienceInputs.$inferInsert, 'workspaceId' | 'id'>;

/** SQL for experience inputs and north-star targets. workspaceId first. */
export function createHealthInputsRepository(db: Db) {
  return {
    /** A live account's name and tier, or undefined (other workspace, deleted, unknown). */
    async findLiveAccount(workspaceId: string, accountId: string) {
      const [row] = await db
        .select({ id: accounts.id, name: accounts.name })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId), isNull(accounts.deletedAt)));
      return row;
    },

    /** Deletes one of an account's inputs; false when there is no such input there. */
    async deleteInput(workspaceId: string, accountId: string, id: string): Promise<boolean> {
      const deleted = await db
        .delete(healthExperienceInputs)
        .where(
          and(
            eq(healthExperienceInputs.workspaceId, workspaceId),
            eq(healthExperienceInputs.accountId, accountId),
            eq(healthExperienceInputs.id, id),
          ),
        )
        .returning({ id: healthExperienceInputs.id });
      return deleted.length > 0;
    },

    async insertInput(workspaceId: string, input: NewExperienceInput): Promise<string> {
      const [row] = await db
        .insert(healthExperienceInputs)
        .values({ workspaceId, ...input })
        .returning({ id: healthExperienceInputs.id });
      return row!.id;
    },

    /** Bulk insert (demo data), in chunks below the bind-parameter limit. */
    async insertInputs(workspaceId: string, inputs: readonly NewExperienceInput[]): Promise<void> {
      for (let i = 0; i < inputs.length; i += 1000) {
        await db.insert(healthExperienceInputs).values(inputs.slice(i, i + 1000).map((input) => ({ workspaceId, ...input })));
      }
    },

    /** An account's inputs, newest observation first. */
    async listInputs(
      workspaceId: string,
      accountId: string,
      options: { kind?: string; limit: number; id?: string },
    ): Promise<ExperienceInputRow[]> {
      const rows = await db
        .select({ input: healthExperienceInputs, setByName: users.name })
        .from(healthExperienceInputs)
        .leftJoin(users, eq(users.id, healthExperienceInputs.setBy))
        .where(
          and(
            eq(healthExperienceInputs.workspaceId, workspaceId),
            eq(healthExperienceInputs.accountId, accountId),
            options.kind ? eq(healthExperienceInputs.kind, options.kind as ExperienceInputRow['kind']) : undefined,
            options.id ? eq(healthExperienceInputs.id, options.id) : undefined,
          ),
        )
        .orderBy(desc(healthExperienceInputs.observedAt), desc(healthExperienceInputs.createdAt))
        .limit(options.limit);
      return rows.map((r) => ({ ...r.input, setByName: r.setByName }));
    },

    async findTarget(workspaceId: string, accountId: string) {
      const [row] = await db
        .select()
        .from(healthNorthStarTargets)
        .where(and(eq(healthNorthStarTargets.workspaceId, workspaceId), eq(healthNorthStarTargets.accountId, accountId)));
      return row;
    },

    async setTarget(workspaceId: string, accountId: string, target: number | null, setBy: string | null, at: Date): Promise<void> {
      if (target === null) {
        await db
          .delete(healthNorthStarTargets)
          .where(and(eq(healthNorthStarTargets.workspaceId, workspaceId), eq(healthNorthStarTargets.accountId, accountId)));
        return;
      }
      await db
        .insert(healthNorthStarTargets)
        .values({ workspaceId, accountId, target, setBy, updatedAt: at })
        .onConflictDoUpdate({
          target: [healthNorthStarTargets.workspaceId, healthNorthStarTargets.accountId],
          set: { target, setBy, updatedAt: at },
        });
    },

    /** Bulk targets (demo data). */
    async insertTargets(
      workspaceId: string,
      rows: readonly { accountId: string; target: number; setBy: string | null; at: Date }[],
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        await db
          .insert(healthNorthStarTargets)
          .values(
            rows
              .slice(i, i + 1000)
              .map((r) => ({ workspaceId, accountId: r.accountId, target: r.target, setBy: r.setBy, updatedAt: r.at })),
          )
          .onConflictDoNothing();
      }
    },
  };
}
