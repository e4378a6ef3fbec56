import { sql } from 'drizzle-orm';
import type { PlaybookStep } from '@northstar/contracts';
import { queryRows, type Db } from '../../platform/db/database';
import { isoMillis } from '../../platform/db/sql-fragments';
import type { ExecutedTask } from './calculate-sop-metrics';

/** SQL gathering what the SOP metrics are computed from; every query is scoped to one workspace. */
export function createWorkMetricsRepository(db: Db) {
  return {
    /** Tasks created in [start, end) on live accounts. */
    async listTasksCreatedBetween(workspaceId: string, start: Date, end: Date): Promise<ExecutedTask[]> {
      const rows = await queryRows<Record<string, string | null>>(
        db,
        sql`SELECT t.playbook_id, t.playbook_step_key, t.title, t.owner_id, t.status, t.due_date::text AS due_date,
              ${isoMillis(sql`t.created_at`)} AS created_at, ${isoMillis(sql`t.closed_at`)} AS closed_at, t.skip_reason
            FROM tasks t JOIN accounts a ON a.workspace_id = t.workspace_id AND a.id = t.account_id AND a.deleted_at IS NULL
            WHERE t.workspace_id = ${workspaceId}::uuid
              AND t.created_at >= ${start.toISOString()}::timestamptz AND t.created_at < ${end.toISOString()}::timestamptz`,
      );
      return rows.map((r) => ({
        playbookId: r.playbook_id ?? null,
        stepKey: r.playbook_step_key ?? null,
        title: r.title!,
        ownerId: r.owner_id ?? null,
        status: r.status as ExecutedTask['status'],
        dueDate: r.due_date!,
        createdAt: r.created_at!,
        closedAt: r.closed_at ?? null,
        skipReason: r.skip_reason ?? null,
      }));
    },

    async listPlaybooks(workspaceId: string): Promise<{ id: string; name: string; steps: PlaybookStep[] }[]> {
      return queryRows<{ id: string; name: string; steps: PlaybookStep[] }>(
        db,
        sql`SELECT id, name, steps FROM playbooks WHERE workspace_id = ${workspaceId}::uuid ORDER BY name, id`,
      );
    },

    /** Names of everyone who has been a member (a CSM who left still did the work). */
    async listPeople(workspaceId: string): Promise<Map<string, string>> {
      const rows = await queryRows<{ id: string; name: string }>(
        db,
        sql`SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ${workspaceId}::uuid`,
      );
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
