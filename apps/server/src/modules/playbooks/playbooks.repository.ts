import { and, eq, sql } from 'drizzle-orm';
import type { LifecycleStage, PlaybookDefinition, PlaybookDiffEntry, Role, TaskStatus } from '@northstar/contracts';
import { queryRows, type Db } from '../../platform/db/database';
import { allOf, isoMicros, isoMillis, uuidList } from '../../platform/db/sql-fragments';
import { playbookRuns, playbooks, playbookVersions, type ActionResult } from './playbooks.schema';

export type PlaybookRow = typeof playbooks.$inferSelect;

export type VersionRow = {
  version: number;
  definition: PlaybookDefinition;
  diff: PlaybookDiffEntry[];
  rolledBackFrom: number | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
};

export type RunRow = {
  id: string;
  playbookId: string;
  playbookName: string;
  playbookVersion: number;
  accountId: string;
  accountName: string;
  ctaId: string | null;
  ruleId: string | null;
  startedBy: string | null;
  startedAt: string;
  startedAtMicros: string;
  actionResults: ActionResult[];
};

type Raw = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

const SELECT_RUN = sql`SELECT r.id, r.playbook_id, p.name AS playbook_name, r.playbook_version, r.account_id, a.name AS account_name, r.cta_id,
    r.rule_id, r.started_by, ${isoMillis(sql`r.started_at`)} AS started_at, ${isoMicros(sql`r.started_at`)} AS started_at_micros, r.action_results
  FROM playbook_runs r
  JOIN playbooks p ON p.workspace_id = r.workspace_id AND p.id = r.playbook_id
  JOIN accounts a ON a.workspace_id = r.workspace_id AND a.id = r.account_id AND a.deleted_at IS NULL`;

function toRunRow(r: Raw): RunRow {
  return {
    id: String(r.id),
    playbookId: String(r.playbook_id),
    playbookName: String(r.playbook_name),
    playbookVersion: Number(r.playbook_version),
    accountId: String(r.account_id),
    accountName: String(r.account_name),
    ctaId: str(r.cta_id),
    ruleId: str(r.rule_id),
    startedBy: str(r.started_by),
    startedAt: String(r.started_at),
    startedAtMicros: String(r.started_at_micros),
    actionResults: (r.action_results as ActionResult[] | null) ?? [],
  };
}

/** SQL for playbooks, their versions and runs. Every method takes workspaceId first. */
export function createPlaybooksRepository(db: Db) {
  return {
    async insertPlaybook(values: typeof playbooks.$inferInsert): Promise<string> {
      const [row] = await db.insert(playbooks).values(values).returning({ id: playbooks.id });
      return row!.id;
    },

    async updatePlaybook(workspaceId: string, id: string, patch: Partial<typeof playbooks.$inferInsert>): Promise<void> {
      await db
        .update(playbooks)
        .set(patch)
        .where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, id)));
    },

    /** With `lock`, holds the row until the transaction ends, so two saves get two versions in order. */
    async findPlaybook(workspaceId: string, id: string, options: { lock?: boolean } = {}): Promise<PlaybookRow | undefined> {
      const query = db
        .select()
        .from(playbooks)
        .where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, id)));
      const [row] = options.lock ? await query.for('update') : await query;
      return row;
    },

    async listPlaybooks(workspaceId: string, options: { includeArchived: boolean }): Promise<PlaybookRow[]> {
      const rows = await db.select().from(playbooks).where(eq(playbooks.workspaceId, workspaceId)).orderBy(playbooks.name, playbooks.id);
      return options.includeArchived ? rows : rows.filter((r) => r.archivedAt === null);
    },

    async insertVersion(values: typeof playbookVersions.$inferInsert): Promise<void> {
      await db.insert(playbookVersions).values(values);
    },

    /** Newest first. */
    async listVersions(workspaceId: string, playbookId: string): Promise<VersionRow[]> {
      const rows = await queryRows<Raw>(
        db,
        sql`SELECT v.version, v.definition, v.diff, v.rolled_back_from, v.author_id, u.name AS author_name, ${isoMillis(sql`v.created_at`)} AS created_at
            FROM playbook_versions v LEFT JOIN users u ON u.id = v.author_id
            WHERE v.workspace_id = ${workspaceId}::uuid AND v.playbook_id = ${playbookId}::uuid ORDER BY v.version DESC`,
      );
      return rows.map((r) => ({
        version: Number(r.version),
        definition: r.definition as PlaybookDefinition,
        diff: r.diff as PlaybookDiffEntry[],
        rolledBackFrom: r.rolled_back_from === null ? null : Number(r.rolled_back_from),
        authorId: str(r.author_id),
        authorName: str(r.author_name),
        createdAt: String(r.created_at),
      }));
    },

    async findVersionDefinition(workspaceId: string, playbookId: string, version: number): Promise<PlaybookDefinition | undefined> {
      const [row] = await db
        .select({ definition: playbookVersions.definition })
        .from(playbookVersions)
        .where(
          and(
            eq(playbookVersions.workspaceId, workspaceId),
            eq(playbookVersions.playbookId, playbookId),
            eq(playbookVersions.version, version),
          ),
        );
      return row?.definition;
    },

    async insertRun(values: typeof playbookRuns.$inferInsert): Promise<void> {
      await db.insert(playbookRuns).values(values);
    },

    async setActionResults(workspaceId: string, runId: string, results: ActionResult[]): Promise<void> {
      await db
        .update(playbookRuns)
        .set({ actionResults: results })
        .where(and(eq(playbookRuns.workspaceId, workspaceId), eq(playbookRuns.id, runId)));
    },

    async findRun(workspaceId: string, id: string): Promise<RunRow | undefined> {
      const rows = await queryRows<Raw>(db, sql`${SELECT_RUN} WHERE r.workspace_id = ${workspaceId}::uuid AND r.id = ${id}::uuid`);
      return rows[0] ? toRunRow(rows[0]) : undefined;
    },

    /** Newest first, one more than `limit` to signal a next page. */
    async listRuns(
      workspaceId: string,
      filter: { accountId?: string; playbookId?: string },
      after: { at: string; id: string } | undefined,
      limit: number,
    ): Promise<RunRow[]> {
      const c = [sql`r.workspace_id = ${workspaceId}::uuid`];
      if (filter.accountId) c.push(sql`r.account_id = ${filter.accountId}::uuid`);
      if (filter.playbookId) c.push(sql`r.playbook_id = ${filter.playbookId}::uuid`);
      if (after) c.push(sql`(r.started_at, r.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
      const rows = await queryRows<Raw>(db, sql`${SELECT_RUN} WHERE ${allOf(c)} ORDER BY r.started_at DESC, r.id DESC LIMIT ${limit + 1}`);
      return rows.map(toRunRow);
    },

    /** The definitions runs followed, keyed "playbookId:version". */
    async listRunDefinitions(workspaceId: string, runs: readonly RunRow[]): Promise<Map<string, PlaybookDefinition>> {
      const playbookIds = [...new Set(runs.map((r) => r.playbookId))];
      if (playbookIds.length === 0) return new Map();
      const rows = await queryRows<{ playbook_id: string; version: number; definition: PlaybookDefinition }>(
        db,
        sql`SELECT playbook_id, version, definition FROM playbook_versions
            WHERE workspace_id = ${workspaceId}::uuid AND playbook_id IN (${uuidList(playbookIds)})`,
      );
      return new Map(rows.map((r) => [`${r.playbook_id}:${Number(r.version)}`, r.definition]));
    },

    /** The tasks of some runs, with their step and status. */
    async listRunTasks(
      workspaceId: string,
      runIds: readonly string[],
    ): Promise<{ id: string; runId: string; stepKey: string | null; status: TaskStatus }[]> {
      if (runIds.length === 0) return [];
      const rows = await queryRows<{ id: string; playbook_run_id: string; playbook_step_key: string | null; status: TaskStatus }>(
        db,
        sql`SELECT id, playbook_run_id, playbook_step_key, status FROM tasks
            WHERE workspace_id = ${workspaceId}::uuid AND playbook_run_id IN (${uuidList(runIds)})`,
      );
      return rows.map((r) => ({ id: r.id, runId: r.playbook_run_id, stepKey: r.playbook_step_key, status: r.status }));
    },

    /** The account facts a run starts from; undefined for a missing or deleted account. */
    async findAccount(
      workspaceId: string,
      accountId: string,
    ): Promise<{ name: string; ownerId: string | null; stage: LifecycleStage | null; externalId: string | null } | undefined> {
      const rows = await queryRows<Raw>(
        db,
        sql`SELECT name, owner_id, lifecycle_stage, external_id FROM accounts
            WHERE workspace_id = ${workspaceId}::uuid AND id = ${accountId}::uuid AND deleted_at IS NULL`,
      );
      const r = rows[0];
      return r
        ? {
            name: String(r.name),
            ownerId: str(r.owner_id),
            stage: (r.lifecycle_stage as LifecycleStage | null) ?? null,
            externalId: str(r.external_id),
          }
        : undefined;
    },

    /** Active members with their role, longest-standing first (the first manager is the team lead). */
    async listActiveMembers(workspaceId: string): Promise<{ userId: string; role: Role }[]> {
      const rows = await queryRows<{ user_id: string; role: Role }>(
        db,
        sql`SELECT user_id, role FROM memberships WHERE workspace_id = ${workspaceId}::uuid AND active ORDER BY created_at, user_id`,
      );
      return rows.map((r) => ({ userId: r.user_id, role: r.role }));
    },
  };
}
