import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CtaOutcome, CtaReason, LifecycleStage, TaskPriority, TaskStatus } from '@northstar/contracts';
import { queryRows, type Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/is-unique-violation';
import { allOf, isoMicros, isoMillis, paramList, uuidList } from '../../platform/db/sql-fragments';
import { AppError } from '../../platform/errors';
import type { TaskPosition } from './calculate-task-order';
import { ctas, tasks } from './tasks.schema';

export type TaskRow = {
  id: string;
  accountId: string;
  accountName: string;
  ownerId: string | null;
  ownerName: string | null;
  title: string;
  description: string;
  dueDate: string;
  priority: TaskPriority;
  status: TaskStatus;
  skipReason: string | null;
  closedAt: string | null;
  closedBy: string | null;
  lifecycleStage: LifecycleStage | null;
  ctaId: string | null;
  playbookRunId: string | null;
  playbookId: string | null;
  playbookStepKey: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** created_at to the microsecond, for cursors. */
  createdAtMicros: string;
};

export type CtaRow = {
  id: string;
  accountId: string;
  accountName: string;
  reason: CtaReason;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  status: 'open' | 'closed';
  outcome: CtaOutcome | null;
  outcomeNote: string | null;
  causeKey: string | null;
  ruleId: string | null;
  playbookRunId: string | null;
  taskCount: number;
  openTaskCount: number;
  createdBy: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  createdAtMicros: string;
};

export type TaskFilters = {
  accountId?: string;
  ownerIds?: readonly string[];
  statuses?: readonly TaskStatus[];
  /** Overdue (open and due before `today`) or, with value false, everything else. */
  overdue?: { today: string; value: boolean };
  ctaId?: string;
  playbookRunId?: string;
  dueFrom?: string;
  dueTo?: string;
};

export type NewTask = Omit<typeof tasks.$inferInsert, 'workspaceId'>;
export type NewCta = Omit<typeof ctas.$inferInsert, 'workspaceId'>;

const PRIORITY_RANK = sql`(CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)`;

const SELECT_TASK = sql`SELECT t.id, t.account_id, a.name AS account_name, t.owner_id, u.name AS owner_name, t.title, t.description,
    t.due_date::text AS due_date, t.priority, t.status, t.skip_reason, ${isoMillis(sql`t.closed_at`)} AS closed_at, t.closed_by,
    t.lifecycle_stage, t.cta_id, t.playbook_run_id, t.playbook_id, t.playbook_step_key, t.created_by,
    ${isoMillis(sql`t.created_at`)} AS created_at, ${isoMillis(sql`t.updated_at`)} AS updated_at, ${isoMicros(sql`t.created_at`)} AS created_at_micros
  FROM tasks t
  JOIN accounts a ON a.workspace_id = t.workspace_id AND a.id = t.account_id AND a.deleted_at IS NULL
  LEFT JOIN users u ON u.id = t.owner_id`;

const SELECT_CTA = sql`SELECT c.id, c.account_id, a.name AS account_name, c.reason, c.title, c.owner_id, u.name AS owner_name, c.status,
    c.outcome, c.outcome_note, c.cause_key, c.rule_id, c.playbook_run_id, c.created_by,
    ${isoMillis(sql`c.created_at`)} AS created_at, ${isoMillis(sql`c.closed_at`)} AS closed_at, c.closed_by,
    ${isoMicros(sql`c.created_at`)} AS created_at_micros,
    (SELECT count(*) FROM tasks t WHERE t.workspace_id = c.workspace_id AND t.cta_id = c.id)::int AS task_count,
    (SELECT count(*) FROM tasks t WHERE t.workspace_id = c.workspace_id AND t.cta_id = c.id AND t.status = 'open')::int AS open_task_count
  FROM ctas c
  JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id AND a.deleted_at IS NULL
  LEFT JOIN users u ON u.id = c.owner_id`;

type Raw = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toTaskRow(r: Raw): TaskRow {
  return {
    id: String(r.id),
    accountId: String(r.account_id),
    accountName: String(r.account_name),
    ownerId: str(r.owner_id),
    ownerName: str(r.owner_name),
    title: String(r.title),
    description: String(r.description),
    dueDate: String(r.due_date),
    priority: r.priority as TaskPriority,
    status: r.status as TaskStatus,
    skipReason: str(r.skip_reason),
    closedAt: str(r.closed_at),
    closedBy: str(r.closed_by),
    lifecycleStage: (r.lifecycle_stage as LifecycleStage | null) ?? null,
    ctaId: str(r.cta_id),
    playbookRunId: str(r.playbook_run_id),
    playbookId: str(r.playbook_id),
    playbookStepKey: str(r.playbook_step_key),
    createdBy: str(r.created_by),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    createdAtMicros: String(r.created_at_micros),
  };
}

function toCtaRow(r: Raw): CtaRow {
  return {
    id: String(r.id),
    accountId: String(r.account_id),
    accountName: String(r.account_name),
    reason: r.reason as CtaReason,
    title: String(r.title),
    ownerId: str(r.owner_id),
    ownerName: str(r.owner_name),
    status: r.status as 'open' | 'closed',
    outcome: (r.outcome as CtaOutcome | null) ?? null,
    outcomeNote: str(r.outcome_note),
    causeKey: str(r.cause_key),
    ruleId: str(r.rule_id),
    playbookRunId: str(r.playbook_run_id),
    taskCount: Number(r.task_count),
    openTaskCount: Number(r.open_task_count),
    createdBy: str(r.created_by),
    createdAt: String(r.created_at),
    closedAt: str(r.closed_at),
    closedBy: str(r.closed_by),
    createdAtMicros: String(r.created_at_micros),
  };
}

function taskConditions(workspaceId: string, f: TaskFilters): SQL[] {
  const c = [sql`t.workspace_id = ${workspaceId}::uuid`];
  if (f.accountId) c.push(sql`t.account_id = ${f.accountId}::uuid`);
  if (f.ownerIds?.length) c.push(sql`t.owner_id IN (${uuidList(f.ownerIds)})`);
  if (f.statuses?.length) c.push(sql`t.status IN (${paramList(f.statuses)})`);
  if (f.overdue) {
    const overdue = sql`(t.status = 'open' AND t.due_date < ${f.overdue.today}::date)`;
    c.push(f.overdue.value ? overdue : sql`NOT ${overdue}`);
  }
  if (f.ctaId) c.push(sql`t.cta_id = ${f.ctaId}::uuid`);
  if (f.playbookRunId) c.push(sql`t.playbook_run_id = ${f.playbookRunId}::uuid`);
  if (f.dueFrom) c.push(sql`t.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) c.push(sql`t.due_date <= ${f.dueTo}::date`);
  return c;
}

const PRIORITY_VALUE: Record<TaskPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Opens a CTA in the caller's transaction; a second open CTA for the same cause is CTA_ALREADY_OPEN. */
export async function insertCta(db: Db, workspaceId: string, values: NewCta): Promise<string> {
  try {
    const [row] = await db
      .insert(ctas)
      .values({ ...values, workspaceId })
      .returning({ id: ctas.id });
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error, 'ctas_open_cause_key')) {
      throw new AppError('CTA_ALREADY_OPEN', `A CTA for "${values.causeKey}" is already open on this account`, [
        { field: 'causeKey', problem: 'an open CTA of this account already has it' },
      ]);
    }
    throw error;
  }
}

/** Inserts tasks in the caller's transaction (500 a statement), returning their ids in order. */
export async function insertTasks(db: Db, workspaceId: string, rows: readonly NewTask[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, id: r.id ?? randomUUID(), workspaceId }));
    await db.insert(tasks).values(chunk);
    ids.push(...chunk.map((r) => r.id));
  }
  return ids;
}

/** SQL for tasks and CTAs. Every method takes workspaceId first. */
export function createTasksRepository(db: Db) {
  return {
    async findTask(workspaceId: string, id: string): Promise<TaskRow | undefined> {
      const rows = await queryRows<Raw>(db, sql`${SELECT_TASK} WHERE t.workspace_id = ${workspaceId}::uuid AND t.id = ${id}::uuid`);
      return rows[0] ? toTaskRow(rows[0]) : undefined;
    },

    /** Tasks in inbox order (due date, priority, age), one more than `limit` to signal a next page. */
    async listTasks(workspaceId: string, filters: TaskFilters, after: TaskPosition | undefined, limit: number): Promise<TaskRow[]> {
      const conditions = taskConditions(workspaceId, filters);
      if (after) {
        conditions.push(
          sql`(t.due_date, ${PRIORITY_RANK}, t.created_at, t.id) > (${after.dueDate}::date, ${PRIORITY_VALUE[after.priority]}::int, ${after.createdAt}::timestamptz, ${after.id}::uuid)`,
        );
      }
      const rows = await queryRows<Raw>(
        db,
        sql`${SELECT_TASK} WHERE ${allOf(conditions)} ORDER BY t.due_date, ${PRIORITY_RANK}, t.created_at, t.id LIMIT ${limit + 1}`,
      );
      return rows.map(toTaskRow);
    },

    /** Open, overdue and due-today counts over a whole inbox. */
    async countOpenTasks(
      workspaceId: string,
      filters: TaskFilters,
      today: string,
    ): Promise<{ open: number; overdue: number; dueToday: number }> {
      const rows = await queryRows<Raw>(
        db,
        sql`SELECT count(*)::int AS open, (count(*) FILTER (WHERE t.due_date < ${today}::date))::int AS overdue,
                   (count(*) FILTER (WHERE t.due_date = ${today}::date))::int AS due_today
            FROM tasks t JOIN accounts a ON a.workspace_id = t.workspace_id AND a.id = t.account_id AND a.deleted_at IS NULL
            WHERE ${allOf(taskConditions(workspaceId, { ...filters, statuses: ['open'] }))}`,
      );
      const r = rows[0]!;
      return { open: Number(r.open), overdue: Number(r.overdue), dueToday: Number(r.due_today) };
    },

    async updateTask(workspaceId: string, id: string, patch: Partial<typeof tasks.$inferInsert>): Promise<void> {
      await db
        .update(tasks)
        .set(patch)
        .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
    },

    async deleteTask(workspaceId: string, id: string): Promise<void> {
      await db.delete(tasks).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
    },

    /** Skips every open task of a CTA that is being closed. */
    async skipOpenTasksOfCta(workspaceId: string, ctaId: string, reason: string, at: Date, userId: string | null): Promise<void> {
      await db
        .update(tasks)
        .set({ status: 'skipped', skipReason: reason, closedAt: at, closedBy: userId, updatedAt: at })
        .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.ctaId, ctaId), eq(tasks.status, 'open')));
    },

    async findCta(workspaceId: string, id: string): Promise<CtaRow | undefined> {
      const rows = await queryRows<Raw>(db, sql`${SELECT_CTA} WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = ${id}::uuid`);
      return rows[0] ? toCtaRow(rows[0]) : undefined;
    },

    /** Newest first. */
    async listCtas(
      workspaceId: string,
      f: { accountId?: string; ownerIds?: readonly string[]; status?: 'open' | 'closed'; reasons?: readonly string[]; causeKey?: string },
      after: { at: string; id: string } | undefined,
      limit: number,
    ): Promise<CtaRow[]> {
      const c = [sql`c.workspace_id = ${workspaceId}::uuid`];
      if (f.accountId) c.push(sql`c.account_id = ${f.accountId}::uuid`);
      if (f.ownerIds?.length) c.push(sql`c.owner_id IN (${uuidList(f.ownerIds)})`);
      if (f.status) c.push(sql`c.status = ${f.status}`);
      if (f.reasons?.length) c.push(sql`c.reason IN (${paramList(f.reasons)})`);
      if (f.causeKey) c.push(sql`c.cause_key = ${f.causeKey}`);
      if (after) c.push(sql`(c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
      const rows = await queryRows<Raw>(db, sql`${SELECT_CTA} WHERE ${allOf(c)} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}`);
      return rows.map(toCtaRow);
    },

    async updateCta(workspaceId: string, id: string, patch: Partial<typeof ctas.$inferInsert>): Promise<void> {
      await db
        .update(ctas)
        .set(patch)
        .where(and(eq(ctas.workspaceId, workspaceId), eq(ctas.id, id)));
    },

    /** Live account facts a task or CTA needs: does it exist here, its stage now. */
    async findAccount(
      workspaceId: string,
      accountId: string,
    ): Promise<{ stage: LifecycleStage | null; ownerId: string | null } | undefined> {
      const rows = await queryRows<{ stage: LifecycleStage | null; owner_id: string | null }>(
        db,
        sql`SELECT lifecycle_stage AS stage, owner_id FROM accounts WHERE workspace_id = ${workspaceId}::uuid AND id = ${accountId}::uuid AND deleted_at IS NULL`,
      );
      return rows[0] ? { stage: rows[0].stage, ownerId: rows[0].owner_id } : undefined;
    },

    async isActiveMember(workspaceId: string, userId: string): Promise<boolean> {
      const rows = await queryRows<Raw>(
        db,
        sql`SELECT 1 FROM memberships WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId}::uuid AND active`,
      );
      return rows.length > 0;
    },
  };
}
