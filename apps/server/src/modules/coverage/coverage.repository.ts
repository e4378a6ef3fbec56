import { sql } from 'drizzle-orm';
import type { LifecycleStage, Tier } from '@northstar/contracts';
import { queryRows, type Db } from '../../platform/db/database';
import { isoMillis } from '../../platform/db/sql-fragments';
import type { CoverageAccount, StageEffort, StageStay } from './calculate-coverage';

/** SQL gathering what coverage is computed from; every query is scoped to one workspace. */
export function createCoverageRepository(db: Db) {
  const range = (column: string, start: Date, end: Date) =>
    sql`${sql.raw(column)} >= ${start.toISOString()}::timestamptz AND ${sql.raw(column)} < ${end.toISOString()}::timestamptz`;

  return {
    async listAccounts(workspaceId: string): Promise<CoverageAccount[]> {
      const rows = await queryRows<{
        id: string;
        name: string;
        owner_id: string | null;
        tier: Tier | null;
        stage: LifecycleStage | null;
        arr: string;
        status: 'active' | 'churned';
      }>(
        db,
        sql`SELECT id, name, owner_id, tier, lifecycle_stage AS stage, arr::text AS arr, status FROM accounts
            WHERE workspace_id = ${workspaceId}::uuid AND deleted_at IS NULL`,
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        ownerId: r.owner_id,
        tier: r.tier,
        stage: r.stage,
        arr: Number(r.arr),
        status: r.status,
      }));
    },

    /** Stage stays overlapping [start, end). */
    async listStays(workspaceId: string, start: Date, end: Date): Promise<StageStay[]> {
      const rows = await queryRows<{ account_id: string; stage: LifecycleStage; entered_at: string; left_at: string | null }>(
        db,
        sql`SELECT account_id, stage, ${isoMillis(sql`entered_at`)} AS entered_at, ${isoMillis(sql`left_at`)} AS left_at
            FROM lifecycle_stage_history
            WHERE workspace_id = ${workspaceId}::uuid AND entered_at < ${end.toISOString()}::timestamptz
              AND (left_at IS NULL OR left_at > ${start.toISOString()}::timestamptz)`,
      );
      return rows.map((r) => ({
        accountId: r.account_id,
        stage: r.stage,
        enteredAt: new Date(r.entered_at),
        leftAt: r.left_at ? new Date(r.left_at) : null,
      }));
    },

    /** Touches per account and the stage they were logged in, within [start, end). */
    async countTouches(workspaceId: string, start: Date, end: Date): Promise<StageEffort[]> {
      const rows = await queryRows<{ account_id: string; stage: LifecycleStage | null; n: number }>(
        db,
        sql`SELECT account_id, lifecycle_stage AS stage, count(*)::int AS n FROM touches
            WHERE workspace_id = ${workspaceId}::uuid AND ${range('occurred_at', start, end)} GROUP BY 1, 2`,
      );
      return rows.map((r) => ({ accountId: r.account_id, stage: r.stage, count: Number(r.n) }));
    },

    /** Tasks done within [start, end), per account and the stage the account was in at creation. */
    async countDoneTasks(workspaceId: string, start: Date, end: Date): Promise<StageEffort[]> {
      const rows = await queryRows<{ account_id: string; stage: LifecycleStage | null; n: number }>(
        db,
        sql`SELECT account_id, lifecycle_stage AS stage, count(*)::int AS n FROM tasks
            WHERE workspace_id = ${workspaceId}::uuid AND status = 'done' AND ${range('closed_at', start, end)} GROUP BY 1, 2`,
      );
      return rows.map((r) => ({ accountId: r.account_id, stage: r.stage, count: Number(r.n) }));
    },

    async listPeople(workspaceId: string): Promise<Map<string, string>> {
      const rows = await queryRows<{ id: string; name: string }>(
        db,
        sql`SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ${workspaceId}::uuid`,
      );
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
