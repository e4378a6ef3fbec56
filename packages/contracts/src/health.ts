import { Type, type Static } from 'typebox';
import { LifecycleStageSchema, TierSchema } from './accounts';
import { IsoDate, Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';
import { LocalizedTextSchema } from './tiers';

// Health scores (DOMAIN §2, issue #5). Routes, all under /api/v1 (see docs/health-scores.md):
//   GET  /health/scorecards                                     list (current version of each)
//   POST /health/scorecards                                     create a scorecard (version 1)
//   GET  /health/scorecards/:scorecardId                        current version
//   PUT  /health/scorecards/:scorecardId                        save a new version
//   GET  /health/scorecards/:scorecardId/versions               version history with diffs
//   GET  /health/scorecards/:scorecardId/versions/:scorecardVersion  one past version
//   POST /health/scorecards/:scorecardId/rollback               new version copying an old one
//   GET  /health/scorecards/:scorecardId/export?format=json|yaml
//   POST /health/scorecards/import                              JSON or YAML text → new scorecard or version
//   POST /health/scorecards/preview                             which accounts a proposed scorecard moves between bands
//   POST /health/scorecards/:scorecardId/accept-suggestion      backtest-fitted weights as a new version
//   GET  /health/backtest?horizonDays=90&scorecardId=default    AUC, band churn, lift, per-measure AUC, suggested weights
//   GET  /health/portfolio?from&to                              band distribution per day, biggest movers this week
//   GET  /health/settings, PUT /health/settings                 band thresholds, score-drop threshold
//   POST /health/recompute                                      recompute today (or a date) now
//   GET  /accounts/:accountId/health?days=90                    score, CO, CX, band, coverage, measures, trend
//   GET  /accounts/:accountId/health/explanation?from&to        what changed between two dates, ranked by points
//   GET  /accounts/:accountId/health/inputs                     experience inputs (NPS, CSAT, tickets, sentiment, custom)
//   POST /accounts/:accountId/health/inputs                     record one
//   PUT  /accounts/:accountId/health/target                     the account's north-star target (per 30 days)

export const HEALTH_BANDS = ['red', 'yellow', 'green'] as const;
export const HealthBandSchema = Type.Enum(['red', 'yellow', 'green']);
export type HealthBand = Static<typeof HealthBandSchema>;

export const MEASURE_KINDS = [
  'seat_utilisation',
  'active_days_per_user',
  'feature_adoption',
  'usage_trend',
  'north_star',
  'nps',
  'csat',
  'support_tickets',
  'csm_sentiment',
  'days_since_key_contact',
  'custom',
] as const;
/**
 * The built-in inputs, each with its raw unit: seat_utilisation (% of licensed seats active in 30
 * days), active_days_per_user (mean active days in 30 days), feature_adoption (% of mapped features
 * used in 30 days), usage_trend (% change of active user-days, last 30 days vs the 30 before),
 * north_star (% of the account's 30-day target), nps (0–10), csat (1–5), support_tickets (opened in
 * 30 days), csm_sentiment (1–5), days_since_key_contact (days), custom (an integration's value,
 * matched to the measure by its key).
 */
export const MeasureKindSchema = Type.Enum([...MEASURE_KINDS]);
export type MeasureKindName = Static<typeof MeasureKindSchema>;

export const MeasureGroupSchema = Type.Enum(['outcome', 'experience']);
export const DirectionSchema = Type.Enum(['higher_is_better', 'lower_is_better']);

const Finite = Type.Number({ minimum: -1e12, maximum: 1e12 });
const Weight = Type.Number({ minimum: 0, maximum: 1e6 });

/** Step scoring: ascending cuts; scores has one more entry, listed from the lowest raw value up. */
export const ThresholdsTransformSchema = StrictObject({
  type: Type.Literal('thresholds'),
  direction: DirectionSchema,
  cuts: Type.Array(Finite, { minItems: 1, maxItems: 20 }),
  scores: Type.Array(Type.Number({ minimum: 0, maximum: 100 }), { minItems: 2, maxItems: 21 }),
});
/** Linear scoring: the worse end of [min, max] scores 0, the better end 100, clamped outside. */
export const LinearTransformSchema = StrictObject({ type: Type.Literal('linear'), direction: DirectionSchema, min: Finite, max: Finite });
export const MeasureTransformSchema = Type.Union([ThresholdsTransformSchema, LinearTransformSchema]);

/** The north-star metric's source: one event counted, or one numeric property of it summed, over 30 days. */
export const NorthStarSourceSchema = Type.Union([
  StrictObject({ event: Type.String({ minLength: 1, maxLength: 200 }), aggregate: Type.Literal('count') }),
  StrictObject({
    event: Type.String({ minLength: 1, maxLength: 200 }),
    aggregate: Type.Literal('sum'),
    property: Type.String({ minLength: 1, maxLength: 200 }),
  }),
]);

export const MeasureSchema = StrictObject({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
  label: LocalizedTextSchema,
  group: MeasureGroupSchema,
  /** Relative to the other measures of its group. */
  weight: Weight,
  kind: MeasureKindSchema,
  transform: MeasureTransformSchema,
  /** Required for kind north_star. */
  northStar: Type.Optional(NorthStarSourceSchema),
});
export type MeasureBody = Static<typeof MeasureSchema>;

/** Which accounts a scorecard applies to: every listed dimension must match; higher priority wins. */
export const ScorecardApplicabilitySchema = StrictObject({
  tiers: Type.Optional(Type.Array(TierSchema, { maxItems: 4 })),
  stages: Type.Optional(Type.Array(LifecycleStageSchema, { maxItems: 7 })),
  segmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  priority: Type.Number({ minimum: -1e6, maximum: 1e6 }),
});

export const ScorecardIdSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$', description: 'lower-case letters, digits, - and _' });

const scorecardFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  /** Blend of outcome (CO) and experience (CX): 80/20 by default, 70/30 for key accounts. */
  groups: StrictObject({ outcome: StrictObject({ weight: Weight }), experience: StrictObject({ weight: Weight }) }),
  measures: Type.Array(MeasureSchema, { minItems: 1, maxItems: 50 }),
  applicability: ScorecardApplicabilitySchema,
};

const exampleDefinition = {
  id: 'enterprise',
  name: 'Enterprise accounts',
  groups: { outcome: { weight: 70 }, experience: { weight: 30 } },
  measures: [
    {
      key: 'seat_utilisation',
      label: { en: 'active users', 'zh-CN': '活跃用户' },
      group: 'outcome',
      weight: 60,
      kind: 'seat_utilisation',
      transform: { type: 'linear', direction: 'higher_is_better', min: 10, max: 80 },
    },
    {
      key: 'nps',
      label: { en: 'NPS', 'zh-CN': 'NPS' },
      group: 'experience',
      weight: 40,
      kind: 'nps',
      transform: { type: 'thresholds', direction: 'higher_is_better', cuts: [5, 7, 9], scores: [0, 40, 75, 100] },
    },
  ],
  applicability: { tiers: ['S'], priority: 20 },
};

/** A scorecard as code: what export writes, import reads, and POST /health/scorecards creates. */
export const ScorecardDefinitionSchema = StrictObject({ id: ScorecardIdSchema, ...scorecardFields }, { examples: [exampleDefinition] });
export type ScorecardDefinition = Static<typeof ScorecardDefinitionSchema>;

/** PUT /health/scorecards/:id: the new version. `baseVersion` refuses the save if someone saved since. */
export const SaveScorecardSchema = StrictObject(
  {
    ...scorecardFields,
    baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  {
    examples: [
      {
        name: exampleDefinition.name,
        groups: exampleDefinition.groups,
        measures: exampleDefinition.measures,
        applicability: exampleDefinition.applicability,
        note: 'NPS weighs more for enterprise',
      },
    ],
  },
);
export type SaveScorecard = Static<typeof SaveScorecardSchema>;

export const ScorecardVersionSourceSchema = Type.Enum(['built_in', 'created', 'edit', 'rollback', 'import', 'suggestion']);

/** One difference between a version and the one before it. */
export const ScorecardChangeSchema = StrictObject({
  /** e.g. "groups.outcome.weight", "measures.nps.weight", "measures.nps" (added or removed). */
  path: Type.String(),
  kind: Type.Enum(['added', 'removed', 'changed']),
  from: Type.Unknown(),
  to: Type.Unknown(),
});
export type ScorecardChange = Static<typeof ScorecardChangeSchema>;

const versionMeta = {
  version: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  source: ScorecardVersionSourceSchema,
  note: Nullable(Type.String()),
  /** Changes against the previous version (empty for version 1). */
  changes: Type.Array(ScorecardChangeSchema),
  /** One line, e.g. "measures.nps.weight 25 → 40; groups.outcome.weight 80 → 70". */
  summary: Type.String(),
};

/** A scorecard version with its definition. */
export const ScorecardSchema = StrictObject({ id: ScorecardIdSchema, ...scorecardFields, ...versionMeta, isCurrent: Type.Boolean() });
export type Scorecard = Static<typeof ScorecardSchema>;

export const ScorecardListSchema = StrictObject({ items: Type.Array(ScorecardSchema) });
export type ScorecardList = Static<typeof ScorecardListSchema>;

export const ScorecardVersionSummarySchema = StrictObject({ ...versionMeta, isCurrent: Type.Boolean() });
export const ScorecardVersionListSchema = StrictObject({
  scorecardId: ScorecardIdSchema,
  items: Type.Array(ScorecardVersionSummarySchema),
});
export type ScorecardVersionList = Static<typeof ScorecardVersionListSchema>;

export const RollbackScorecardSchema = StrictObject(
  { version: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { examples: [{ version: 1 }] },
);
export type RollbackScorecard = Static<typeof RollbackScorecardSchema>;

export const ScorecardFormatSchema = Type.Enum(['json', 'yaml']);
export const ExportScorecardQuerySchema = StrictObject({ format: Type.Optional(ScorecardFormatSchema) });
export const ScorecardExportSchema = StrictObject({ format: ScorecardFormatSchema, filename: Type.String(), content: Type.String() });
export type ScorecardExport = Static<typeof ScorecardExportSchema>;

/** Scorecard as code: creates the scorecard, or saves a new version when its id exists. */
export const ImportScorecardSchema = StrictObject(
  {
    format: ScorecardFormatSchema,
    content: Type.String({ minLength: 1, maxLength: 200_000 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  {
    examples: [
      {
        format: 'yaml',
        content:
          'id: trial\nname: Trial accounts\ngroups:\n  outcome: { weight: 100 }\n  experience: { weight: 0 }\nmeasures:\n  - key: seat_utilisation\n    label: { en: active users, zh-CN: 活跃用户 }\n    group: outcome\n    weight: 1\n    kind: seat_utilisation\n    transform: { type: linear, direction: higher_is_better, min: 10, max: 80 }\napplicability: { priority: 1, stages: [onboarding] }\n',
      },
    ],
  },
);
export type ImportScorecard = Static<typeof ImportScorecardSchema>;

/** POST /health/scorecards/preview: a proposed scorecard (new, or a new version of an existing id). */
export const PreviewScorecardSchema = StrictObject(
  { scorecard: ScorecardDefinitionSchema },
  { examples: [{ scorecard: exampleDefinition }] },
);
export type PreviewScorecard = Static<typeof PreviewScorecardSchema>;

const BandCountsSchema = StrictObject({ red: Type.Integer(), yellow: Type.Integer(), green: Type.Integer(), noData: Type.Integer() });

/** What saving a proposed scorecard would do to today's scores. */
export const ScorecardPreviewSchema = StrictObject({
  date: IsoDate,
  accounts: Type.Integer(),
  /** Accounts the proposed scorecard would score (it applies to them after the change). */
  affected: Type.Integer(),
  /** Accounts whose band would change. */
  changed: Type.Integer(),
  before: BandCountsSchema,
  after: BandCountsSchema,
  /** The accounts that would change band, largest score move first (at most 500). */
  items: Type.Array(
    StrictObject({
      accountId: Uuid,
      name: Type.String(),
      tier: Nullable(TierSchema),
      fromScore: Nullable(Type.Number()),
      toScore: Nullable(Type.Number()),
      fromBand: Nullable(HealthBandSchema),
      toBand: Nullable(HealthBandSchema),
      fromScorecardId: Type.String(),
      toScorecardId: Type.String(),
    }),
  ),
  truncated: Type.Boolean(),
});
export type ScorecardPreview = Static<typeof ScorecardPreviewSchema>;

/** Workspace health settings: the bands every score is placed in, and what counts as a score drop. */
export const HealthSettingsSchema = StrictObject(
  {
    bands: StrictObject({
      red: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }),
      yellow: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }),
    }),
    /** A fall of at least this many points since the previous day's score records `health.score_changed`. */
    scoreDropThreshold: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
  },
  { examples: [{ bands: { red: 40, yellow: 70 }, scoreDropThreshold: 10 }] },
);
export type HealthSettings = Static<typeof HealthSettingsSchema>;

export const RecomputeHealthSchema = StrictObject(
  { date: Type.Optional(IsoDate), accountIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000 })) },
  { examples: [{}] },
);
export type RecomputeHealth = Static<typeof RecomputeHealthSchema>;
export const HealthRecomputeResultSchema = StrictObject({
  date: IsoDate,
  accounts: Type.Integer(),
  bandChanges: Type.Integer(),
  scoreDrops: Type.Integer(),
  durationMs: Type.Number(),
});
export type HealthRecomputeResult = Static<typeof HealthRecomputeResultSchema>;

export const MeasureDetailSchema = StrictObject({ count: Type.Number(), of: Type.Number() });

/** One measure's part in a score. */
export const MeasureResultSchema = StrictObject({
  key: Type.String(),
  label: LocalizedTextSchema,
  kind: MeasureKindSchema,
  group: MeasureGroupSchema,
  /** The input; null is "no data" (never zero). */
  raw: Nullable(Type.Number()),
  /** "41 of 50 seats", "1,200 of target 1,500". */
  detail: Nullable(MeasureDetailSchema),
  /** 0–100; null is "no data". */
  score: Nullable(Type.Number()),
  /** Configured weight, relative within the group. */
  weight: Type.Number(),
  /** Share of the final score after re-normalising over the measures with data (0–1). */
  effectiveWeight: Type.Number(),
  /** Points of the score; the contributions add up to it. */
  contribution: Type.Number(),
});
export type MeasureResultDto = Static<typeof MeasureResultSchema>;

const scoreFields = {
  score: Nullable(Type.Number()),
  band: Nullable(HealthBandSchema),
  /** Outcome health (CO, 客户成果) and experience health (CX, 客户体验), 0–100. */
  outcome: Nullable(Type.Number()),
  experience: Nullable(Type.Number()),
  /** How much of the score rests on data: share of the scorecard's weight whose input had data, 0–1. */
  coverage: Type.Number(),
};

export const HealthTrendPointSchema = StrictObject({ date: IsoDate, ...scoreFields });

export const AccountHealthQuerySchema = StrictObject({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })) });
/** GET /accounts/:id/health: the latest score with its measures, and the trend. */
export const AccountHealthSchema = StrictObject({
  accountId: Uuid,
  /** Date of the latest daily snapshot; null before the first recompute. */
  date: Nullable(IsoDate),
  ...scoreFields,
  scorecard: Nullable(StrictObject({ id: Type.String(), version: Type.Integer(), name: Type.String() })),
  measures: Type.Array(MeasureResultSchema),
  northStarTarget: Nullable(Type.Number()),
  /** One point per day with a snapshot, oldest first. */
  trend: Type.Array(HealthTrendPointSchema),
});
export type AccountHealth = Static<typeof AccountHealthSchema>;

export const HealthExplanationQuerySchema = StrictObject({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });

const ExplainedScoreSchema = StrictObject({
  date: IsoDate,
  ...scoreFields,
  scorecard: StrictObject({ id: Type.String(), version: Type.Integer() }),
  measures: Type.Array(MeasureResultSchema),
  /** snapshot: read from the stored daily history; computed: scored now from the data as of that date. */
  source: Type.Enum(['snapshot', 'computed']),
});

const MeasureSnapshotSchema = StrictObject({
  raw: Nullable(Type.Number()),
  detail: Nullable(MeasureDetailSchema),
  score: Nullable(Type.Number()),
  effectiveWeight: Type.Number(),
  contribution: Type.Number(),
});

/** GET /accounts/:id/health/explanation: each measure on both dates and what changed, largest move first. */
export const HealthExplanationSchema = StrictObject({
  accountId: Uuid,
  from: ExplainedScoreSchema,
  to: ExplainedScoreSchema,
  /** to.score − from.score; null when either has no data. */
  change: Nullable(Type.Number()),
  items: Type.Array(
    StrictObject({
      key: Type.String(),
      label: LocalizedTextSchema,
      kind: Type.Enum(['changed', 'reweighted', 'gained_data', 'lost_data']),
      points: Nullable(Type.Number()),
      before: Nullable(MeasureSnapshotSchema),
      after: Nullable(MeasureSnapshotSchema),
      /** "−14: active users 41 → 22 of 50 seats" / "−14：活跃用户 41 → 22（共 50 席位）". */
      text: LocalizedTextSchema,
    }),
  ),
});
export type HealthExplanation = Static<typeof HealthExplanationSchema>;

export const PortfolioHealthQuerySchema = StrictObject({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });

const MoverSchema = StrictObject({
  accountId: Uuid,
  name: Type.String(),
  tier: Nullable(TierSchema),
  ownerName: Nullable(Type.String()),
  fromScore: Type.Number(),
  toScore: Type.Number(),
  change: Type.Number(),
  fromBand: Nullable(HealthBandSchema),
  toBand: Nullable(HealthBandSchema),
});

/** GET /health/portfolio: band distribution per day and this week's biggest movers. */
export const PortfolioHealthSchema = StrictObject({
  from: IsoDate,
  to: IsoDate,
  bands: StrictObject({ red: Type.Number(), yellow: Type.Number() }),
  days: Type.Array(
    StrictObject({
      date: IsoDate,
      red: Type.Integer(),
      yellow: Type.Integer(),
      green: Type.Integer(),
      noData: Type.Integer(),
      averageScore: Nullable(Type.Number()),
    }),
  ),
  movers: StrictObject({ from: IsoDate, to: IsoDate, decliners: Type.Array(MoverSchema), improvers: Type.Array(MoverSchema) }),
});
export type PortfolioHealth = Static<typeof PortfolioHealthSchema>;

export const EXPERIENCE_INPUT_KINDS = ['nps', 'csat', 'support_tickets', 'csm_sentiment', 'custom'] as const;
export const ExperienceInputKindSchema = Type.Enum([...EXPERIENCE_INPUT_KINDS]);
export type ExperienceInputKind = Static<typeof ExperienceInputKindSchema>;

/**
 * One experience input. Ranges: nps 0–10, csat 1–5, support_tickets a whole number ≥ 0 (opened in
 * the last 30 days), csm_sentiment 1–5; custom needs `key` (the custom measure's key).
 */
export const CreateExperienceInputSchema = StrictObject(
  {
    kind: ExperienceInputKindSchema,
    key: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' })),
    value: Finite,
    /** When it was observed (survey answered, count taken); default now. */
    observedAt: Type.Optional(Timestamp),
    /** Where it came from, e.g. "manual", "api", "zendesk". Default "manual" from the UI, "api" with a token. */
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { examples: [{ kind: 'nps', value: 9, observedAt: '2026-05-01T10:00:00Z', source: 'survey' }] },
);
export type CreateExperienceInput = Static<typeof CreateExperienceInputSchema>;

export const ExperienceInputSchema = StrictObject({
  id: Uuid,
  accountId: Uuid,
  kind: ExperienceInputKindSchema,
  key: Nullable(Type.String()),
  value: Type.Number(),
  observedAt: Timestamp,
  setById: Nullable(Uuid),
  setByName: Nullable(Type.String()),
  source: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type ExperienceInput = Static<typeof ExperienceInputSchema>;

export const ListExperienceInputsQuerySchema = StrictObject({
  kind: Type.Optional(ExperienceInputKindSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export const ExperienceInputListSchema = StrictObject({ items: Type.Array(ExperienceInputSchema) });
export type ExperienceInputList = Static<typeof ExperienceInputListSchema>;

/** The account's north-star target per 30 days; null clears it (the measure then has no data). */
export const SetNorthStarTargetSchema = StrictObject(
  { target: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1e12 })) },
  { examples: [{ target: 1500 }] },
);
export type SetNorthStarTarget = Static<typeof SetNorthStarTargetSchema>;
export const NorthStarTargetSchema = StrictObject({
  accountId: Uuid,
  target: Nullable(Type.Number()),
  periodDays: Type.Integer(),
  setById: Nullable(Uuid),
  updatedAt: Nullable(Timestamp),
});
export type NorthStarTarget = Static<typeof NorthStarTargetSchema>;

export const BacktestQuerySchema = StrictObject({
  /** Score each account this many days before its outcome (churn date, or the renewal it was retained past). */
  horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  scorecardId: Type.Optional(ScorecardIdSchema),
});
export type BacktestQuery = Static<typeof BacktestQuerySchema>;

export const BandChurnSchema = StrictObject({
  band: Type.Enum(['red', 'yellow', 'green', 'no_data']),
  accounts: Type.Integer(),
  churned: Type.Integer(),
  churnRate: Nullable(Type.Number()),
});

/** Suggested weights from an L2 logistic regression on the backtest accounts (ADR 0008). */
export const WeightSuggestionSchema = StrictObject({
  method: Type.String(),
  groups: StrictObject({
    outcome: StrictObject({ current: Type.Number(), suggested: Type.Number() }),
    experience: StrictObject({ current: Type.Number(), suggested: Type.Number() }),
  }),
  measures: Type.Array(
    StrictObject({
      key: Type.String(),
      group: MeasureGroupSchema,
      currentWeight: Type.Number(),
      suggestedWeight: Type.Number(),
      /** Log-odds of retention per point of measure score; ≤ 0 means it did not help. */
      perPoint: Type.Number(),
      observed: Type.Integer(),
    }),
  ),
  /** AUC on the accounts the fit saw (optimistic) and held out by cross-validation. */
  inSample: StrictObject({ current: Nullable(Type.Number()), suggested: Nullable(Type.Number()) }),
  crossValidated: Nullable(StrictObject({ folds: Type.Integer(), current: Nullable(Type.Number()), suggested: Nullable(Type.Number()) })),
  /** Cross-validated AUC change when available, else in-sample. */
  aucChange: Nullable(Type.Number()),
});
export type WeightSuggestionDto = Static<typeof WeightSuggestionSchema>;

/** GET /health/backtest. `auc`, `accounts`, `churned`, `bands` and `measures[].name/auc` are also the CLI's --json. */
export const BacktestReportSchema = StrictObject({
  scorecardId: Type.String(),
  scorecardVersion: Type.Integer(),
  horizonDays: Type.Integer(),
  asOf: IsoDate,
  /** ROC AUC of the score as a churn predictor (low score → churn); 0.5 is chance. */
  auc: Nullable(Type.Number()),
  accounts: Type.Integer(),
  churned: Type.Integer(),
  retained: Type.Integer(),
  /** Accounts that had a score at their horizon date. */
  scored: Type.Integer(),
  meanCoverage: Nullable(Type.Number()),
  bands: Type.Array(BandChurnSchema),
  baseChurnRate: Nullable(Type.Number()),
  lowestDecileLift: Nullable(Type.Number()),
  deciles: Type.Array(StrictObject({ decile: Type.Integer(), accounts: Type.Number(), churnRate: Type.Number() })),
  measures: Type.Array(
    StrictObject({
      name: Type.String(),
      label: LocalizedTextSchema,
      group: MeasureGroupSchema,
      auc: Nullable(Type.Number()),
      /** Accounts where the measure had data. */
      accounts: Type.Integer(),
      churned: Type.Integer(),
    }),
  ),
  suggestion: Nullable(WeightSuggestionSchema),
});
export type BacktestReportDto = Static<typeof BacktestReportSchema>;

export const AcceptSuggestionSchema = StrictObject(
  {
    horizonDays: Type.Integer({ minimum: 1, maximum: 730 }),
    baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { examples: [{ horizonDays: 90 }] },
);
export type AcceptSuggestion = Static<typeof AcceptSuggestionSchema>;
