import type {
  CloseCta,
  CreateCta,
  CreateTask,
  Cta,
  CtaPage,
  ErrorDetail,
  ListCtasQuery,
  ListTasksQuery,
  SkipTask,
  Task,
  TaskInbox,
  TaskInboxQuery,
  TaskPage,
  UpdateTask,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { decodeCtaCursor, decodeTaskCursor, encodeCtaCursor, encodeTaskCursor, type TaskPosition } from './calculate-task-order';
import { canActOn, canAssign, canManageTeamWork, type WorkActor } from './tasks.policy';
import { createTasksRepository, insertCta, insertTasks, type CtaRow, type TaskFilters, type TaskRow } from './tasks.repository';
import { toCtaDto, toTaskDto } from './to-task-dto';

export type TasksService = ReturnType<typeof createTasksService>;

const DEFAULT_PAGE_SIZE = 50;
/** The skip reason of tasks left open when their CTA is closed; SOP metrics count it like any other. */
export const CTA_CLOSED_SKIP_REASON = 'CTA closed';

function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid request: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details);
}

const forbidden = (message: string) => new AppError('AUTH_FORBIDDEN', message);

/** Tasks (the inbox), and calls to action that group them. */
export function createTasksService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createTasksRepository(database.db);
  const today = () => clock.now().toISOString().slice(0, 10);

  async function getTaskRow(workspaceId: string, id: string): Promise<TaskRow> {
    const row = await repo.findTask(workspaceId, id);
    if (!row) throw new AppError('TASK_NOT_FOUND', 'Task not found');
    return row;
  }

  async function getCtaRow(workspaceId: string, id: string): Promise<CtaRow> {
    const row = await repo.findCta(workspaceId, id);
    if (!row) throw new AppError('CTA_NOT_FOUND', 'CTA not found');
    return row;
  }

  async function getAccount(workspaceId: string, accountId: string) {
    const account = await repo.findAccount(workspaceId, accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    return account;
  }

  /** The owner must be an active member, and a CSM may only name themselves. */
  async function checkOwner(actor: WorkActor, ownerId: string | null): Promise<void> {
    if (!canAssign(actor, ownerId)) throw forbidden('Only managers and admins give work to someone else');
    if (ownerId && !(await repo.isActiveMember(actor.workspaceId, ownerId))) {
      throw invalid([{ field: 'ownerId', location: 'body', problem: 'must be an active member of this workspace' }]);
    }
  }

  function assertCanAct(actor: WorkActor, item: { ownerId: string | null }, what: string): void {
    if (!canActOn(actor, item)) throw forbidden(`Only the owner, a manager or an admin can change this ${what}`);
  }

  function parseCursor(cursor: string | undefined): TaskPosition | undefined {
    if (cursor === undefined) return undefined;
    const position = decodeTaskCursor(cursor);
    if (!position) throw invalid([{ field: 'cursor', location: 'querystring', problem: 'is not a cursor from a previous page' }]);
    return position;
  }

  async function pageOfTasks(workspaceId: string, filters: TaskFilters, query: { limit?: number; cursor?: string }): Promise<TaskPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await repo.listTasks(workspaceId, filters, parseCursor(query.cursor), limit);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const now = today();
    return {
      items: page.map((r) => toTaskDto(r, now)),
      nextCursor:
        rows.length > limit && last
          ? encodeTaskCursor({ dueDate: last.dueDate, priority: last.priority, createdAt: last.createdAtMicros, id: last.id })
          : null,
    };
  }

  async function presentTask(workspaceId: string, id: string): Promise<Task> {
    return toTaskDto(await getTaskRow(workspaceId, id), today());
  }

  async function openCtaRows(workspaceId: string, filter: { accountId?: string; causeKey?: string }): Promise<CtaRow[]> {
    return repo.listCtas(workspaceId, { ...filter, status: 'open' }, undefined, 1000);
  }

  return {
    /** A task by hand, owned by the caller unless a manager or admin names someone else. */
    async createTask(actor: WorkActor, input: CreateTask): Promise<Task> {
      const { workspaceId } = actor;
      const account = await getAccount(workspaceId, input.accountId);
      const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
      await checkOwner(actor, ownerId);
      const title = input.title.trim();
      if (!title) throw invalid([{ field: 'title', location: 'body', problem: 'must not be blank' }]);
      if (input.ctaId) {
        const cta = await repo.findCta(workspaceId, input.ctaId);
        if (!cta || cta.accountId !== input.accountId) {
          throw invalid([{ field: 'ctaId', location: 'body', problem: 'must be a CTA of the same account' }]);
        }
      }
      const now = clock.now();
      const [id] = await insertTasks(database.db, workspaceId, [
        {
          accountId: input.accountId,
          ownerId,
          title,
          description: input.description ?? '',
          dueDate: input.dueDate,
          priority: input.priority ?? 'normal',
          lifecycleStage: account.stage,
          ctaId: input.ctaId ?? null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        },
      ]);
      return presentTask(workspaceId, id!);
    },

    async getTask(workspaceId: string, id: string): Promise<Task> {
      return presentTask(workspaceId, id);
    },

    /** Any tasks of the workspace, in inbox order. */
    async listTasks(workspaceId: string, query: ListTasksQuery): Promise<TaskPage> {
      if (query.dueFrom && query.dueTo && query.dueFrom > query.dueTo) {
        throw invalid([{ field: 'dueTo', location: 'querystring', problem: 'must not be before dueFrom' }]);
      }
      const filters: TaskFilters = {
        ...(query.accountId ? { accountId: query.accountId } : {}),
        ...(query.ownerId ? { ownerIds: query.ownerId } : {}),
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.overdue !== undefined ? { overdue: { today: today(), value: query.overdue } } : {}),
        ...(query.ctaId ? { ctaId: query.ctaId } : {}),
        ...(query.playbookRunId ? { playbookRunId: query.playbookRunId } : {}),
        ...(query.dueFrom ? { dueFrom: query.dueFrom } : {}),
        ...(query.dueTo ? { dueTo: query.dueTo } : {}),
      };
      return pageOfTasks(workspaceId, filters, query);
    },

    /**
     * Open tasks by due date then priority. `mine` is the caller's; `team` (managers, admins) is
     * everyone's, optionally only some owners'.
     */
    async getInbox(actor: WorkActor, query: TaskInboxQuery): Promise<TaskInbox> {
      const scope = query.scope ?? 'mine';
      if (scope === 'team' && !canManageTeamWork(actor)) throw forbidden('Only managers and admins see the team’s inbox');
      if (scope === 'mine' && query.ownerId) {
        throw invalid([{ field: 'ownerId', location: 'querystring', problem: 'needs scope=team' }]);
      }
      const filters: TaskFilters = {
        statuses: ['open'],
        ...(scope === 'mine' ? { ownerIds: [actor.userId] } : query.ownerId ? { ownerIds: query.ownerId } : {}),
        ...(query.accountId ? { accountId: query.accountId } : {}),
      };
      const [page, counts] = await Promise.all([
        pageOfTasks(actor.workspaceId, filters, query),
        repo.countOpenTasks(actor.workspaceId, filters, today()),
      ]);
      return { ...page, counts };
    },

    async updateTask(actor: WorkActor, id: string, patch: UpdateTask): Promise<Task> {
      const current = await getTaskRow(actor.workspaceId, id);
      assertCanAct(actor, current, 'task');
      if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) await checkOwner(actor, patch.ownerId);
      const title = patch.title?.trim();
      if (title === '') throw invalid([{ field: 'title', location: 'body', problem: 'must not be blank' }]);
      await repo.updateTask(actor.workspaceId, id, {
        ...(title ? { title } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.dueDate ? { dueDate: patch.dueDate } : {}),
        ...(patch.priority ? { priority: patch.priority } : {}),
        ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
        updatedAt: clock.now(),
      });
      return presentTask(actor.workspaceId, id);
    },

    /** Marks an open task done now; on time when done on or before its due date. */
    async completeTask(actor: WorkActor, id: string): Promise<Task> {
      const current = await getTaskRow(actor.workspaceId, id);
      assertCanAct(actor, current, 'task');
      if (current.status !== 'open') throw new AppError('CONFLICT', `The task is already ${current.status}; reopen it first`);
      const now = clock.now();
      await repo.updateTask(actor.workspaceId, id, {
        status: 'done',
        closedAt: now,
        closedBy: actor.userId,
        skipReason: null,
        updatedAt: now,
      });
      return presentTask(actor.workspaceId, id);
    },

    /** Skips an open task; the reason is kept and counted in SOP metrics. */
    async skipTask(actor: WorkActor, id: string, input: SkipTask): Promise<Task> {
      const current = await getTaskRow(actor.workspaceId, id);
      assertCanAct(actor, current, 'task');
      const reason = input.reason.trim();
      if (!reason) throw invalid([{ field: 'reason', location: 'body', problem: 'must not be blank' }]);
      if (current.status !== 'open') throw new AppError('CONFLICT', `The task is already ${current.status}; reopen it first`);
      const now = clock.now();
      await repo.updateTask(actor.workspaceId, id, {
        status: 'skipped',
        skipReason: reason,
        closedAt: now,
        closedBy: actor.userId,
        updatedAt: now,
      });
      return presentTask(actor.workspaceId, id);
    },

    /** Opens a done or skipped task again (its due date stays, so it may be overdue at once). */
    async reopenTask(actor: WorkActor, id: string): Promise<Task> {
      const current = await getTaskRow(actor.workspaceId, id);
      assertCanAct(actor, current, 'task');
      if (current.status === 'open') throw new AppError('CONFLICT', 'The task is already open');
      await repo.updateTask(actor.workspaceId, id, {
        status: 'open',
        skipReason: null,
        closedAt: null,
        closedBy: null,
        updatedAt: clock.now(),
      });
      return presentTask(actor.workspaceId, id);
    },

    async deleteTask(actor: WorkActor, id: string): Promise<void> {
      const current = await getTaskRow(actor.workspaceId, id);
      assertCanAct(actor, current, 'task');
      await repo.deleteTask(actor.workspaceId, id);
    },

    /** A CTA by hand. With a cause key, a second open CTA for the same cause is refused. */
    async createCta(actor: WorkActor, input: CreateCta): Promise<Cta> {
      await getAccount(actor.workspaceId, input.accountId);
      const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
      await checkOwner(actor, ownerId);
      const title = input.title.trim();
      if (!title) throw invalid([{ field: 'title', location: 'body', problem: 'must not be blank' }]);
      const id = await insertCta(database.db, actor.workspaceId, {
        accountId: input.accountId,
        reason: input.reason,
        title,
        ownerId,
        causeKey: input.causeKey ?? null,
        createdBy: actor.userId,
        createdAt: clock.now(),
      });
      return toCtaDto(await getCtaRow(actor.workspaceId, id));
    },

    async getCta(workspaceId: string, id: string): Promise<Cta> {
      return toCtaDto(await getCtaRow(workspaceId, id));
    },

    /** CTAs, newest first. */
    async listCtas(workspaceId: string, query: ListCtasQuery): Promise<CtaPage> {
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      let after: { at: string; id: string } | undefined;
      if (query.cursor !== undefined) {
        const position = decodeCtaCursor(query.cursor);
        if (!position) throw invalid([{ field: 'cursor', location: 'querystring', problem: 'is not a cursor from a previous page' }]);
        after = { at: position.createdAt, id: position.id };
      }
      const rows = await repo.listCtas(
        workspaceId,
        {
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.ownerId ? { ownerIds: query.ownerId } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.reason ? { reasons: query.reason } : {}),
        },
        after,
        limit,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toCtaDto),
        nextCursor: rows.length > limit && last ? encodeCtaCursor({ createdAt: last.createdAtMicros, id: last.id }) : null,
      };
    },

    /** Closes a CTA with its outcome; its open tasks are skipped ("CTA closed"). */
    async closeCta(actor: WorkActor, id: string, input: CloseCta): Promise<Cta> {
      const current = await getCtaRow(actor.workspaceId, id);
      assertCanAct(actor, current, 'CTA');
      if (current.status === 'closed') throw new AppError('CTA_CLOSED', 'The CTA is already closed');
      const now = clock.now();
      await database.db.transaction(async (tx) => {
        const txRepo = createTasksRepository(tx);
        await txRepo.updateCta(actor.workspaceId, id, {
          status: 'closed',
          outcome: input.outcome,
          outcomeNote: input.note?.trim() || null,
          closedAt: now,
          closedBy: actor.userId,
        });
        await txRepo.skipOpenTasksOfCta(actor.workspaceId, id, CTA_CLOSED_SKIP_REASON, now, actor.userId);
      });
      return toCtaDto(await getCtaRow(actor.workspaceId, id));
    },

    /** True while a CTA with this cause key is open on the account: the rules engine's de-duplication. */
    async isCtaOpen(workspaceId: string, filter: { accountId: string; causeKey: string }): Promise<boolean> {
      return (await openCtaRows(workspaceId, filter)).length > 0;
    },

    /** Open CTAs, optionally of one account and/or one cause key (at most 1000, newest first). */
    async listOpenCtas(workspaceId: string, filter: { accountId?: string; causeKey?: string } = {}): Promise<Cta[]> {
      return (await openCtaRows(workspaceId, filter)).map(toCtaDto);
    },
  };
}
