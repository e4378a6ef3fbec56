import { Type, type Static } from 'typebox';
import { LifecycleStageSchema } from './accounts';
import { IsoDate, Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TaskPrioritySchema = Type.Enum(['low', 'normal', 'high', 'urgent']);
export type TaskPriority = Static<typeof TaskPrioritySchema>;

/** Stored statuses. "Overdue" is not stored: it is an open task whose due date has passed (`isOverdue`). */
export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export const TaskStatusSchema = Type.Enum(['open', 'done', 'skipped']);
export type TaskStatus = Static<typeof TaskStatusSchema>;

export const TaskSchema = StrictObject({
  id: Uuid,
  accountId: Uuid,
  accountName: Type.String(),
  ownerId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  dueDate: IsoDate,
  priority: TaskPrioritySchema,
  status: TaskStatusSchema,
  /** Open and due before today (UTC). */
  isOverdue: Type.Boolean(),
  skipReason: Nullable(Type.String()),
  /** When it was done or skipped. */
  closedAt: Nullable(Timestamp),
  closedBy: Nullable(Uuid),
  /** The account's lifecycle stage when the task was created (coverage analysis counts by it). */
  lifecycleStage: Nullable(LifecycleStageSchema),
  ctaId: Nullable(Uuid),
  playbookRunId: Nullable(Uuid),
  playbookId: Nullable(Uuid),
  playbookStepKey: Nullable(Type.String()),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Task = Static<typeof TaskSchema>;

export const CreateTaskSchema = StrictObject(
  {
    accountId: Uuid,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    dueDate: IsoDate,
    priority: Type.Optional(TaskPrioritySchema),
    /** Defaults to the caller. A CSM may only give tasks to themselves; managers and admins to anyone. */
    ownerId: Type.Optional(Nullable(Uuid)),
    ctaId: Type.Optional(Uuid),
  },
  {
    examples: [
      {
        accountId: '00000000-0000-4000-8000-000000000001',
        title: 'Send the rollout plan',
        dueDate: '2026-03-10',
        priority: 'high',
      },
    ],
  },
);
export type CreateTask = Static<typeof CreateTaskSchema>;

export const UpdateTaskSchema = StrictObject(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    dueDate: Type.Optional(IsoDate),
    priority: Type.Optional(TaskPrioritySchema),
    ownerId: Type.Optional(Nullable(Uuid)),
  },
  { examples: [{ dueDate: '2026-03-17', priority: 'urgent' }] },
);
export type UpdateTask = Static<typeof UpdateTaskSchema>;

export const SkipTaskSchema = StrictObject(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { examples: [{ reason: 'Customer postponed the training to next quarter' }] },
);
export type SkipTask = Static<typeof SkipTaskSchema>;

/** GET /tasks: any tasks of the workspace, by due date. */
export const ListTasksQuerySchema = StrictObject({
  ...PageQuery,
  accountId: Type.Optional(Uuid),
  ownerId: Type.Optional(Type.Array(Uuid)),
  status: Type.Optional(Type.Array(TaskStatusSchema)),
  overdue: Type.Optional(Type.Boolean()),
  ctaId: Type.Optional(Uuid),
  playbookRunId: Type.Optional(Uuid),
  dueFrom: Type.Optional(IsoDate),
  dueTo: Type.Optional(IsoDate),
});
export type ListTasksQuery = Static<typeof ListTasksQuerySchema>;
export const TaskPageSchema = Page(TaskSchema);
export type TaskPage = Static<typeof TaskPageSchema>;

/**
 * GET /tasks/inbox: open tasks by due date, then priority (urgent first). `mine` (the default) is
 * the caller's; `team` is everyone's and needs the tasks:manage-team permission (managers, admins),
 * optionally narrowed to some owners.
 */
export const TaskInboxQuerySchema = StrictObject({
  ...PageQuery,
  scope: Type.Optional(Type.Enum(['mine', 'team'])),
  ownerId: Type.Optional(Type.Array(Uuid)),
  accountId: Type.Optional(Uuid),
});
export type TaskInboxQuery = Static<typeof TaskInboxQuerySchema>;
export const TaskInboxSchema = StrictObject({
  items: Type.Array(TaskSchema),
  nextCursor: Nullable(Type.String()),
  /** Over the whole inbox, not just this page. */
  counts: StrictObject({ open: Type.Integer(), overdue: Type.Integer(), dueToday: Type.Integer() }),
});
export type TaskInbox = Static<typeof TaskInboxSchema>;

// ── Calls to action ────────────────────────────────────────────────────────────────────────────

/** Why a CTA was raised (DOMAIN §5). */
export const CTA_REASONS = ['risk', 'lifecycle', 'expansion', 'renewal', 'other'] as const;
export const CtaReasonSchema = Type.Enum(['risk', 'lifecycle', 'expansion', 'renewal', 'other']);
export type CtaReason = Static<typeof CtaReasonSchema>;

export const CTA_OUTCOMES = ['resolved', 'unresolved', 'not_needed'] as const;
export const CtaOutcomeSchema = Type.Enum(['resolved', 'unresolved', 'not_needed']);
export type CtaOutcome = Static<typeof CtaOutcomeSchema>;

/** A call to action: the tasks raised for one reason on one account, closed with an outcome. */
export const CtaSchema = StrictObject({
  id: Uuid,
  accountId: Uuid,
  accountName: Type.String(),
  reason: CtaReasonSchema,
  title: Type.String(),
  ownerId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  status: Type.Enum(['open', 'closed']),
  outcome: Nullable(CtaOutcomeSchema),
  outcomeNote: Nullable(Type.String()),
  /** What raised it, e.g. "rule:<id>:health.band_changed"; one open CTA per account and cause key. */
  causeKey: Nullable(Type.String()),
  ruleId: Nullable(Type.String()),
  playbookRunId: Nullable(Uuid),
  taskCount: Type.Integer(),
  openTaskCount: Type.Integer(),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  closedAt: Nullable(Timestamp),
  closedBy: Nullable(Uuid),
});
export type Cta = Static<typeof CtaSchema>;

export const CreateCtaSchema = StrictObject(
  {
    accountId: Uuid,
    reason: CtaReasonSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    ownerId: Type.Optional(Nullable(Uuid)),
    causeKey: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { examples: [{ accountId: '00000000-0000-4000-8000-000000000001', reason: 'risk', title: 'Champion left' }] },
);
export type CreateCta = Static<typeof CreateCtaSchema>;

/** Closing a CTA skips its still-open tasks (reason "CTA closed"): the reason they existed is gone. */
export const CloseCtaSchema = StrictObject(
  { outcome: CtaOutcomeSchema, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { examples: [{ outcome: 'resolved', note: 'New champion named; usage back up' }] },
);
export type CloseCta = Static<typeof CloseCtaSchema>;

export const ListCtasQuerySchema = StrictObject({
  ...PageQuery,
  accountId: Type.Optional(Uuid),
  ownerId: Type.Optional(Type.Array(Uuid)),
  status: Type.Optional(Type.Enum(['open', 'closed'])),
  reason: Type.Optional(Type.Array(CtaReasonSchema)),
});
export type ListCtasQuery = Static<typeof ListCtasQuerySchema>;
export const CtaPageSchema = Page(CtaSchema);
export type CtaPage = Static<typeof CtaPageSchema>;
