import { Type, type Static } from 'typebox';
import { LifecycleStageSchema, TierSchema } from './accounts';
import { IsoDate, Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

// ── SOP execution (DOMAIN §5) ──────────────────────────────────────────────────────────────────

/** How a set of tasks was carried out. A task is counted once, in the state it is in now. */
export const ExecutionCountsSchema = StrictObject({
  /** Tasks created in the period. */
  started: Type.Integer(),
  completedOnTime: Type.Integer(),
  completedLate: Type.Integer(),
  skipped: Type.Integer(),
  /** Still open, including the overdue ones. */
  open: Type.Integer(),
  overdue: Type.Integer(),
  /** On time / (done + skipped + overdue): of the tasks that came due, the share done on time. */
  onTimeRate: Rate,
  /** (late + skipped + overdue) / the same base: the share that went wrong. */
  problemRate: Rate,
  /** Days from creation to done, over done tasks. */
  medianDaysToComplete: Nullable(Type.Number()),
  skipReasons: Type.Array(StrictObject({ reason: Type.String(), count: Type.Integer() })),
});
export type ExecutionCounts = Static<typeof ExecutionCountsSchema>;

/**
 * WHO × HOW × WHAT: `playbook_problem` when most CSMs who ran the playbook struggle with it (the
 * SOP itself is wrong), `people_problem` when only some do, `healthy` when none, and
 * `insufficient_data` when too few CSMs ran it enough to judge.
 */
export const ExecutionDiagnosisSchema = Type.Enum(['healthy', 'people_problem', 'playbook_problem', 'insufficient_data']);
export type ExecutionDiagnosis = Static<typeof ExecutionDiagnosisSchema>;

export const SopThresholdsSchema = StrictObject({
  minTasksPerCsm: Type.Integer(),
  poorExecutionRate: Type.Number(),
  minCsmsForVerdict: Type.Integer(),
  playbookProblemShare: Type.Number(),
});

export const SopCsmRowSchema = StrictObject({
  userId: Uuid,
  name: Type.String(),
  counts: ExecutionCountsSchema,
  /** Playbooks this CSM struggles with (problem rate at or above the threshold on enough tasks). */
  strugglingPlaybookIds: Type.Array(Uuid),
});

export const SopMetricsSchema = StrictObject({
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  thresholds: SopThresholdsSchema,
  /** The whole workspace (one team per workspace for now). */
  team: ExecutionCountsSchema,
  playbooks: Type.Array(
    StrictObject({
      playbookId: Uuid,
      name: Type.String(),
      counts: ExecutionCountsSchema,
      diagnosis: ExecutionDiagnosisSchema,
      /** CSMs with enough tasks on this playbook to judge, and those of them who struggle. */
      judgedCsmCount: Type.Integer(),
      strugglingCsmIds: Type.Array(Uuid),
      steps: Type.Array(
        StrictObject({
          key: Type.String(),
          title: Type.String(),
          counts: ExecutionCountsSchema,
          diagnosis: ExecutionDiagnosisSchema,
        }),
      ),
      csms: Type.Array(StrictObject({ userId: Uuid, name: Type.String(), counts: ExecutionCountsSchema, isStruggling: Type.Boolean() })),
    }),
  ),
  csms: Type.Array(SopCsmRowSchema),
});
export type SopMetrics = Static<typeof SopMetricsSchema>;

export const SopMetricsQuerySchema = StrictObject({
  /** Tasks created from this day (default: 90 days before `to`). */
  from: Type.Optional(IsoDate),
  /** Through this day, inclusive (default: today). */
  to: Type.Optional(IsoDate),
});
export type SopMetricsQuery = Static<typeof SopMetricsQuerySchema>;

// ── Lifecycle coverage (DOMAIN §4) ─────────────────────────────────────────────────────────────

/** The working stages coverage looks at; outcomes (renewed, churned) are not stays to cover. */
export const COVERAGE_STAGES = ['handoff', 'onboarding', 'rollout', 'stable', 'renewal'] as const;

export const CoveragePatternSchema = Type.Enum(['balanced', 'top_heavy', 'dumbbell', 'insufficient_data']);
export type CoveragePattern = Static<typeof CoveragePatternSchema>;

export const CoverageStageSchema = StrictObject({
  stage: LifecycleStageSchema,
  touches: Type.Integer(),
  /** Tasks done while the account was in the stage. */
  tasks: Type.Integer(),
  /** Days accounts of the portfolio spent in the stage within the period. */
  accountDays: Type.Integer(),
  /** (touches + tasks) per 30 account-days: effort per account-month in the stage. */
  intensity: Nullable(Type.Number()),
});

export const CoveragePortfolioSchema = StrictObject({
  /** The owner's user id, the tier, or "team". */
  key: Type.String(),
  name: Type.String(),
  accounts: Type.Integer(),
  stages: Type.Array(CoverageStageSchema),
  /** Effort per 30 account-days: early = handoff + onboarding, middle = rollout + stable, late = renewal. */
  phases: StrictObject({ early: Nullable(Type.Number()), middle: Nullable(Type.Number()), late: Nullable(Type.Number()) }),
  pattern: CoveragePatternSchema,
});
export type CoveragePortfolio = Static<typeof CoveragePortfolioSchema>;

export const StaleAccountSchema = StrictObject({
  accountId: Uuid,
  name: Type.String(),
  ownerId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  tier: Nullable(TierSchema),
  stage: LifecycleStageSchema,
  arr: Type.Number(),
  lastTouchAt: Nullable(Timestamp),
  /** Null when the account was never touched. */
  daysSinceTouch: Nullable(Type.Integer()),
});

export const CoverageThresholdsSchema = StrictObject({
  hollowMiddleRatio: Type.Number(),
  heavyRenewalRatio: Type.Number(),
  minPhaseAccountDays: Type.Integer(),
  minEffort: Type.Integer(),
});

export const CoverageSchema = StrictObject({
  from: IsoDate,
  to: IsoDate,
  staleDays: Type.Integer(),
  thresholds: CoverageThresholdsSchema,
  team: CoveragePortfolioSchema,
  csms: Type.Array(CoveragePortfolioSchema),
  tiers: Type.Array(CoveragePortfolioSchema),
  /** Accounts now in rollout or stable use with no touch in `staleDays` before `to`, longest silence first (at most 200). */
  staleAccounts: Type.Array(StaleAccountSchema),
  staleAccountCount: Type.Integer(),
});
export type Coverage = Static<typeof CoverageSchema>;

export const CoverageQuerySchema = StrictObject({
  /** Default: 365 days before `to`. */
  from: Type.Optional(IsoDate),
  /** Default today. A past day reads the portfolio as of its end: stays and silence stop there. */
  to: Type.Optional(IsoDate),
  /** Days without a touch before a rollout or stable account is listed; default 60. */
  staleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
});
export type CoverageQuery = Static<typeof CoverageQuerySchema>;
