import { Type, type Static } from 'typebox';
import { LifecycleStageSchema, TierSchema } from './accounts';
import { Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';
import { LocalizedTextSchema } from './tiers';

const Text = Type.String({ maxLength: 300 });
const ConfigTextSchema = StrictObject({ en: Text, 'zh-CN': Text });

/**
 * A condition that moves an account into the stage it belongs to. `from` is one stage for
 * checklist_completed and a list for the others; `days` belongs to renewal_within_days;
 * `enabled: false` switches the rule off (absent means on).
 */
export const StageEntryRuleSchema = StrictObject({
  kind: Type.Enum(['checklist_completed', 'renewal_within_days', 'renewed', 'contract_ended_without_renewal']),
  from: Type.Union([LifecycleStageSchema, Type.Array(LifecycleStageSchema, { maxItems: 7 })]),
  days: Type.Optional(Type.Integer()),
  enabled: Type.Optional(Type.Boolean()),
});

export const StageDefinitionSchema = StrictObject({
  stage: LifecycleStageSchema,
  kind: Type.Enum(['working', 'outcome']),
  enabled: Type.Boolean(),
  label: ConfigTextSchema,
  goals: Type.Array(ConfigTextSchema, { maxItems: 20 }),
  checklist: Type.Array(StrictObject({ key: Type.String({ maxLength: 50 }), label: ConfigTextSchema, required: Type.Boolean() }), {
    maxItems: 30,
  }),
  expectedDurationDays: Nullable(Type.Integer()),
  entryRules: Type.Array(StageEntryRuleSchema, { maxItems: 10 }),
});

/** PUT /lifecycle/config: every stage in order with its goals, checklist, expected duration and rules. */
export const LifecycleConfigSchema = StrictObject(
  {
    stages: Type.Array(StageDefinitionSchema, { maxItems: 7 }),
    /** A stage a CSM set by hand stays until a CSM changes it (contract facts excepted). */
    holdManualStages: Type.Boolean(),
  },
  {
    examples: [
      {
        holdManualStages: true,
        stages: [
          {
            stage: 'handoff',
            kind: 'working',
            enabled: true,
            label: { en: 'Handoff', 'zh-CN': '交接' },
            goals: [],
            checklist: [{ key: 'decision_maker', label: { en: 'Decision maker', 'zh-CN': '决策人' }, required: true }],
            expectedDurationDays: 14,
            entryRules: [],
          },
        ],
      },
    ],
  },
);
export type LifecycleConfigBody = Static<typeof LifecycleConfigSchema>;

/** GET /lifecycle/config: the workspace's lifecycle and whether an admin ever changed it. */
export const LifecycleConfigViewSchema = StrictObject({
  config: LifecycleConfigSchema,
  isDefault: Type.Boolean(),
  updatedAt: Nullable(Timestamp),
});
export type LifecycleConfigView = Static<typeof LifecycleConfigViewSchema>;

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
