import { Type, type Static } from 'typebox';
import { CustomFieldValueSchema, LifecycleStageSchema, TagSchema } from './accounts';
import { RoleSchema } from './roles';
import { Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';
import { CtaReasonSchema, TaskPrioritySchema, TaskStatusSchema } from './tasks';

/** A step's stable identity across versions: SOP metrics count per step key. */
export const StepKeySchema = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,49}$' });

/**
 * Who gets a task step: the account's owner CSM, the team lead (the workspace's longest-standing
 * active manager, else admin), or a named user. When the target is missing or inactive the task
 * falls back to the account owner, then the team lead, then whoever started the playbook.
 */
export const TaskAssigneeSchema = Type.Union([
  StrictObject({ kind: Type.Literal('account_owner') }),
  StrictObject({ kind: Type.Literal('team_lead') }),
  StrictObject({ kind: Type.Literal('user'), userId: Uuid }),
]);
export type TaskAssignee = Static<typeof TaskAssigneeSchema>;

/** Who an in-app notification goes to; `role` reaches every active member holding it. */
export const NotifyRecipientSchema = Type.Union([
  StrictObject({ kind: Type.Literal('account_owner') }),
  StrictObject({ kind: Type.Literal('team_lead') }),
  StrictObject({ kind: Type.Literal('user'), userId: Uuid }),
  StrictObject({ kind: Type.Literal('role'), role: RoleSchema }),
]);
export type NotifyRecipient = Static<typeof NotifyRecipientSchema>;

/**
 * Account fields a playbook may set. Custom fields are written as `custom.<key>`. Owner, ARR and
 * dates are deliberately absent (an automatic step must not reassign or reprice a customer), and
 * so is tier, which the tiering job recomputes.
 */
export const PLAYBOOK_SETTABLE_FIELDS = ['plan', 'region', 'industry'] as const;

/** Automatic steps, executed when the playbook starts. */
export const PlaybookActionSchema = Type.Union([
  StrictObject({
    type: Type.Literal('set_field'),
    field: Type.String({ pattern: '^(plan|region|industry|custom\\.[a-z][a-z0-9_]{0,62})$' }),
    value: CustomFieldValueSchema,
  }),
  StrictObject({ type: Type.Literal('add_tag'), tag: TagSchema }),
  StrictObject({ type: Type.Literal('remove_tag'), tag: TagSchema }),
  StrictObject({ type: Type.Literal('move_stage'), stage: LifecycleStageSchema }),
  StrictObject({
    type: Type.Literal('webhook'),
    url: Type.String({ format: 'uri', maxLength: 2000 }),
    event: Type.String({ minLength: 1, maxLength: 100 }),
  }),
  StrictObject({
    type: Type.Literal('notify'),
    to: NotifyRecipientSchema,
    /** `{{account.name}}` and `{{cta.title}}` are replaced. */
    message: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
]);
export type PlaybookAction = Static<typeof PlaybookActionSchema>;

export const TaskStepSchema = StrictObject({
  key: StepKeySchema,
  kind: Type.Literal('task'),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 5000 }),
  /** Days after the playbook starts; 0 is the same day. */
  dueOffsetDays: Type.Integer({ minimum: 0, maximum: 730 }),
  assignee: TaskAssigneeSchema,
  priority: TaskPrioritySchema,
});
export const ActionStepSchema = StrictObject({
  key: StepKeySchema,
  kind: Type.Literal('action'),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  action: PlaybookActionSchema,
});
export const PlaybookStepSchema = Type.Union([TaskStepSchema, ActionStepSchema]);
export type PlaybookStep = Static<typeof PlaybookStepSchema>;
export type TaskStep = Static<typeof TaskStepSchema>;
export type ActionStep = Static<typeof ActionStepSchema>;

/** What a save writes; every save is a new version. Step keys must be unique within the playbook. */
export const PlaybookDefinitionSchema = StrictObject(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 5000 }),
    /** Default reason of the CTA a run opens. */
    ctaReason: CtaReasonSchema,
    enabled: Type.Boolean(),
    steps: Type.Array(PlaybookStepSchema, { minItems: 1, maxItems: 100 }),
  },
  {
    examples: [
      {
        name: 'Health drop risk play',
        description: 'When health turns red: call the champion within two days, then review with the team lead.',
        ctaReason: 'risk',
        enabled: true,
        steps: [
          { key: 'tag', kind: 'action', title: 'Tag at risk', action: { type: 'add_tag', tag: 'at-risk' } },
          {
            key: 'call-champion',
            kind: 'task',
            title: 'Call the champion',
            description: 'Find out what changed.',
            dueOffsetDays: 2,
            assignee: { kind: 'account_owner' },
            priority: 'urgent',
          },
        ],
      },
    ],
  },
);
export type PlaybookDefinition = Static<typeof PlaybookDefinitionSchema>;

export const PlaybookSchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  ctaReason: CtaReasonSchema,
  enabled: Type.Boolean(),
  steps: Type.Array(PlaybookStepSchema),
  version: Type.Integer({ minimum: 1 }),
  updatedBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Archived playbooks keep their runs and history but cannot be started. */
  archivedAt: Nullable(Timestamp),
});
export type Playbook = Static<typeof PlaybookSchema>;
export const PlaybookListSchema = StrictObject({ items: Type.Array(PlaybookSchema) });
export const ListPlaybooksQuerySchema = StrictObject({ includeArchived: Type.Optional(Type.Boolean()) });
export type ListPlaybooksQuery = Static<typeof ListPlaybooksQuerySchema>;

export const PlaybookDiffEntrySchema = StrictObject({
  /** `name`, `enabled`, `steps.<key>`, `steps.<key>.dueOffsetDays`, `steps.order`, ... */
  path: Type.String(),
  change: Type.Enum(['added', 'removed', 'changed']),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type PlaybookDiffEntry = Static<typeof PlaybookDiffEntrySchema>;

export const PlaybookVersionSchema = StrictObject({
  version: Type.Integer({ minimum: 1 }),
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  createdAt: Timestamp,
  /** Changes from the previous version (empty for version 1). */
  diff: Type.Array(PlaybookDiffEntrySchema),
  /** Set when this version restored an older one. */
  rolledBackFrom: Nullable(Type.Integer()),
  definition: PlaybookDefinitionSchema,
});
export type PlaybookVersion = Static<typeof PlaybookVersionSchema>;
export const PlaybookVersionListSchema = StrictObject({ items: Type.Array(PlaybookVersionSchema) });

export const RollbackPlaybookSchema = StrictObject({ version: Type.Integer({ minimum: 1 }) }, { examples: [{ version: 1 }] });
export type RollbackPlaybook = Static<typeof RollbackPlaybookSchema>;

// ── Runs ───────────────────────────────────────────────────────────────────────────────────────

export const StartPlaybookRunSchema = StrictObject(
  {
    playbookId: Uuid,
    /** Defaults to the playbook's name. */
    ctaTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ctaReason: Type.Optional(CtaReasonSchema),
  },
  { examples: [{ playbookId: '00000000-0000-4000-8000-000000000001' }] },
);
export type StartPlaybookRun = Static<typeof StartPlaybookRunSchema>;

export const PlaybookRunStepSchema = StrictObject({
  key: Type.String(),
  kind: Type.Enum(['task', 'action']),
  title: Type.String(),
  taskId: Nullable(Uuid),
  taskStatus: Nullable(TaskStatusSchema),
  /** Automatic steps: whether the action ran, and why not. */
  actionStatus: Nullable(Type.Enum(['done', 'failed'])),
  actionMessage: Nullable(Type.String()),
});

export const PlaybookRunSchema = StrictObject({
  id: Uuid,
  playbookId: Uuid,
  playbookName: Type.String(),
  playbookVersion: Type.Integer(),
  accountId: Uuid,
  accountName: Type.String(),
  ctaId: Nullable(Uuid),
  ruleId: Nullable(Type.String()),
  startedBy: Nullable(Uuid),
  startedAt: Timestamp,
  /** `completed` once no task of the run is open. */
  status: Type.Enum(['active', 'completed']),
  steps: Type.Array(PlaybookRunStepSchema),
});
export type PlaybookRun = Static<typeof PlaybookRunSchema>;

export const ListPlaybookRunsQuerySchema = StrictObject({
  ...PageQuery,
  accountId: Type.Optional(Uuid),
  playbookId: Type.Optional(Uuid),
});
export type ListPlaybookRunsQuery = Static<typeof ListPlaybookRunsQuerySchema>;
export const PlaybookRunPageSchema = Page(PlaybookRunSchema);

// ── In-app notifications ───────────────────────────────────────────────────────────────────────

export const NotificationSchema = StrictObject({
  id: Uuid,
  message: Type.String(),
  accountId: Nullable(Uuid),
  accountName: Nullable(Type.String()),
  playbookRunId: Nullable(Uuid),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});
export type Notification = Static<typeof NotificationSchema>;
export const ListNotificationsQuerySchema = StrictObject({
  ...PageQuery,
  unread: Type.Optional(Type.Boolean()),
});
export type ListNotificationsQuery = Static<typeof ListNotificationsQuerySchema>;
export const NotificationPageSchema = StrictObject({
  items: Type.Array(NotificationSchema),
  nextCursor: Nullable(Type.String()),
  unreadCount: Type.Integer(),
});
export type NotificationPage = Static<typeof NotificationPageSchema>;
