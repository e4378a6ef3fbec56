import { Type, type Static } from 'typebox';
import { LifecycleStageSchema, TierSchema } from './accounts';
import { Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';
import { LocalizedTextSchema } from './tiers';

export const StageDefinitionSchema = StrictObject({
  stage: LifecycleStageSchema,
  kind: Type.Enum(['working', 'outcome']),
  enabled: Type.Boolean(),
  label: LocalizedTextSchema,
  goals: Type.Array(LocalizedTextSchema),
  checklist: Type.Array(StrictObject({ key: Type.String(), label: LocalizedTextSchema, required: Type.Boolean() })),
  expectedDurationDays: Nullable(Type.Integer()),
  entryRules: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});

export const BoardAccountSchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  arr: Type.Number(),
  tier: Nullable(TierSchema),
  enteredAt: Nullable(Timestamp),
  daysInStage: Nullable(Type.Integer()),
  isOverdue: Type.Boolean(),
  overdueDays: Type.Integer(),
});

/** GET /lifecycle: the stages as configured and the accounts in each, with time in stage. */
export const LifecycleBoardSchema = StrictObject({
  stages: Type.Array(StageDefinitionSchema),
  columns: Type.Array(
    StrictObject({ stage: LifecycleStageSchema, count: Type.Integer(), overdue: Type.Integer(), accounts: Type.Array(BoardAccountSchema) }),
  ),
});
export type LifecycleBoard = Static<typeof LifecycleBoardSchema>;

export const StageStaySchema = StrictObject({
  stage: LifecycleStageSchema,
  enteredAt: Timestamp,
  leftAt: Nullable(Timestamp),
  enteredBy: Type.Enum(['user', 'rule']),
  userId: Nullable(Uuid),
  reason: Nullable(LocalizedTextSchema),
  days: Type.Integer(),
  expectedDays: Nullable(Type.Integer()),
  isOverdue: Type.Boolean(),
});

export const ChecklistStatusSchema = StrictObject({
  key: Type.String(),
  label: LocalizedTextSchema,
  required: Type.Boolean(),
  done: Type.Boolean(),
  /** Handoff items are derived from the account and its key people; others are ticked by hand. */
  source: Type.Enum(['derived', 'ticked']),
  problem: Nullable(Type.String()),
});

/** GET /accounts/:id/lifecycle: current stage, every stay, and the current stage's checklist. */
export const AccountLifecycleSchema = StrictObject({
  stage: Nullable(LifecycleStageSchema),
  history: Type.Array(StageStaySchema),
  checklist: Type.Array(ChecklistStatusSchema),
  goals: Type.Array(LocalizedTextSchema),
});
export type AccountLifecycle = Static<typeof AccountLifecycleSchema>;

export const SetStageSchema = StrictObject(
  { stage: LifecycleStageSchema, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { examples: [{ stage: 'onboarding', reason: 'Kickoff held on 2026-03-02' }] },
);
export type SetStage = Static<typeof SetStageSchema>;

export const TickChecklistSchema = StrictObject(
  { stage: LifecycleStageSchema, itemKey: Type.String({ minLength: 1, maxLength: 100 }), done: Type.Boolean() },
  { examples: [{ stage: 'onboarding', itemKey: 'kickoff_held', done: true }] },
);
export type TickChecklist = Static<typeof TickChecklistSchema>;
