import { Type, type Static } from 'typebox';
import { LifecycleStageSchema, TierSchema } from './accounts';
import { HealthBandSchema } from './health';
import { FilterExpressionSchema } from './segments';
import { CtaReasonSchema } from './tasks';
import { Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';

/**
 * Automation rules (DOMAIN §5): trigger + conditions + playbook. A rule that fires starts its
 * playbook for the account, which opens a call-to-action (CTA); the rule does not fire again for
 * the same account and cause while that CTA is open.
 */

export const RULE_TRIGGER_TYPES = [
  'segment_entered',
  'segment_left',
  'stage_entered',
  'health_band_changed',
  'health_score_dropped',
  'renewal_in_days',
  'tier_changed',
  'usage_dropped',
  'no_key_contact_touch',
  'key_contact_left',
  'field_changed',
  'schedule',
] as const;
export type RuleTriggerType = (typeof RULE_TRIGGER_TYPES)[number];

/**
 * How each trigger is evaluated: `event` triggers react to recorded changes within seconds;
 * `state` triggers fire when an account comes into a condition (checked every few minutes and
 * right after a change to that account); `schedule` fires on a cron.
 */
export const RULE_TRIGGER_KINDS: Record<RuleTriggerType, 'event' | 'state' | 'schedule'> = {
  segment_entered: 'event',
  segment_left: 'event',
  stage_entered: 'event',
  health_band_changed: 'event',
  health_score_dropped: 'event',
  renewal_in_days: 'state',
  tier_changed: 'event',
  usage_dropped: 'state',
  no_key_contact_touch: 'state',
  key_contact_left: 'event',
  field_changed: 'event',
  schedule: 'schedule',
};

const Days = (max: number) => Type.Integer({ minimum: 1, maximum: max });

export const SegmentEnteredTriggerSchema = StrictObject({ type: Type.Literal('segment_entered'), segmentId: Uuid });
export const SegmentLeftTriggerSchema = StrictObject({ type: Type.Literal('segment_left'), segmentId: Uuid });
export const StageEnteredTriggerSchema = StrictObject({ type: Type.Literal('stage_entered'), stage: LifecycleStageSchema });
/** Any band change, or only changes into one of `to`. */
export const HealthBandChangedTriggerSchema = StrictObject({
  type: Type.Literal('health_band_changed'),
  to: Type.Optional(Type.Array(HealthBandSchema, { minItems: 1, uniqueItems: true })),
});
/** The score fell at least `points` below its highest value of the last `withinDays` days. */
export const HealthScoreDroppedTriggerSchema = StrictObject({
  type: Type.Literal('health_score_dropped'),
  points: Type.Integer({ minimum: 1, maximum: 100 }),
  withinDays: Days(365),
});
/** The renewal date is `days` days away or less (and not past); once per renewal date. */
export const RenewalInDaysTriggerSchema = StrictObject({
  type: Type.Literal('renewal_in_days'),
  days: Type.Integer({ minimum: 0, maximum: 730 }),
});
/** Any tier change, or only changes into one of `to`. */
export const TierChangedTriggerSchema = StrictObject({
  type: Type.Literal('tier_changed'),
  to: Type.Optional(Type.Array(TierSchema, { minItems: 1, uniqueItems: true })),
});
/**
 * The last 30 complete days against the 30 before: active users (distinct product users,
 * the default) or activity events fell by at least `percent` percent.
 */
export const UsageDroppedTriggerSchema = StrictObject({
  type: Type.Literal('usage_dropped'),
  percent: Type.Integer({ minimum: 1, maximum: 100 }),
  metric: Type.Optional(Type.Enum(['active_users', 'events'])),
});
/** No key person (not left) has been contacted for `days` days (a key person added later counts from when they were added). */
export const NoKeyContactTouchTriggerSchema = StrictObject({ type: Type.Literal('no_key_contact_touch'), days: Days(730) });
/** A key person's contact was marked as left. */
export const KeyContactLeftTriggerSchema = StrictObject({ type: Type.Literal('key_contact_left') });
/**
 * An account field changed (API name: `plan`, `arr`, `renewalDate`, `custom.<key>`…); with `to`,
 * only a change into that value (for `tags`, a change that leaves the tag on the account).
 */
export const FieldChangedTriggerSchema = StrictObject({
  type: Type.Literal('field_changed'),
  field: Type.String({ minLength: 1, maxLength: 100 }),
  to: Type.Optional(Nullable(Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]))),
});
/** Five-field cron (minute hour day-of-month month day-of-week) in `timezone` (default: the workspace's). */
export const ScheduleTriggerSchema = StrictObject({
  type: Type.Literal('schedule'),
  cron: Type.String({ minLength: 9, maxLength: 100, examples: ['0 9 * * 1'] }),
  timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

/** What makes a rule fire, with its typed parameters; `type` tells the variants apart. */
export const RuleTriggerSchema = Type.Union([
  SegmentEnteredTriggerSchema,
  SegmentLeftTriggerSchema,
  StageEnteredTriggerSchema,
  HealthBandChangedTriggerSchema,
  HealthScoreDroppedTriggerSchema,
  RenewalInDaysTriggerSchema,
  TierChangedTriggerSchema,
  UsageDroppedTriggerSchema,
  NoKeyContactTouchTriggerSchema,
  KeyContactLeftTriggerSchema,
  FieldChangedTriggerSchema,
  ScheduleTriggerSchema,
]);
export type RuleTrigger = Static<typeof RuleTriggerSchema>;

/** Why the CTA a rule raises exists (DOMAIN §5): the tasks module's CTA reasons. */
export const RuleCtaReasonSchema = CtaReasonSchema;

export const RuleSchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  enabled: Type.Boolean(),
  trigger: RuleTriggerSchema,
  /** Account filter (the segment / account list expression); null fires for every account. */
  conditions: Nullable(FilterExpressionSchema),
  playbookId: Uuid,
  ctaReason: RuleCtaReasonSchema,
  /** Title of the CTA it raises; null uses the rule's name. */
  ctaTitle: Nullable(Type.String()),
  /** Bumped by every edit of the definition; firings record the version that fired. */
  version: Type.Integer(),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastFiredAt: Nullable(Timestamp),
  /** Firings that started the playbook (not suppressed or failed ones). */
  firedCount: Type.Integer(),
});
export type Rule = Static<typeof RuleSchema>;

export const RuleListSchema = StrictObject({ items: Type.Array(RuleSchema) });

const ruleExample = {
  name: '90-day renewal play',
  description: 'Start the renewal playbook for S and A accounts 90 days out',
  trigger: { type: 'renewal_in_days', days: 90 },
  conditions: { op: 'and', conditions: [{ field: 'tier', operator: 'in', value: ['S', 'A'] }] },
  playbookId: '3f6c1c1e-8a55-4d2f-9d65-2d1f6f0f1a10',
  ctaReason: 'renewal',
};

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  trigger: RuleTriggerSchema,
  conditions: Type.Optional(Nullable(FilterExpressionSchema)),
  playbookId: Uuid,
  /** Defaults by trigger: renewal → renewal, stage → lifecycle, health/usage/people → risk, else other. */
  ctaReason: Type.Optional(RuleCtaReasonSchema),
  ctaTitle: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
};

export const CreateRuleSchema = StrictObject({ ...ruleFields, enabled: Type.Optional(Type.Boolean()) }, { examples: [ruleExample] });
export type CreateRule = Static<typeof CreateRuleSchema>;

/** Changes the definition (a new version); enabling and disabling have their own endpoints. */
export const UpdateRuleSchema = StrictObject(
  {
    name: Type.Optional(ruleFields.name),
    description: ruleFields.description,
    trigger: Type.Optional(RuleTriggerSchema),
    conditions: ruleFields.conditions,
    playbookId: Type.Optional(Uuid),
    ctaReason: ruleFields.ctaReason,
    ctaTitle: ruleFields.ctaTitle,
  },
  { examples: [{ name: '90-day renewal play (S/A)', trigger: { type: 'renewal_in_days', days: 90 } }] },
);
export type UpdateRule = Static<typeof UpdateRuleSchema>;

/** One saved version of a rule's definition. */
export const RuleVersionSchema = StrictObject({
  version: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  trigger: RuleTriggerSchema,
  conditions: Nullable(FilterExpressionSchema),
  playbookId: Uuid,
  ctaReason: RuleCtaReasonSchema,
  ctaTitle: Nullable(Type.String()),
  editedBy: Nullable(Uuid),
  editedAt: Timestamp,
});
export type RuleVersion = Static<typeof RuleVersionSchema>;
export const RuleVersionListSchema = StrictObject({ items: Type.Array(RuleVersionSchema) });
export type RuleVersionList = Static<typeof RuleVersionListSchema>;

/** Small facts behind a firing or a dry-run match, for display: `{ renewalDate, daysLeft }`, `{ from, to }`. */
export const RuleFactsSchema = Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Number(), Type.Boolean()])));
export type RuleFacts = Static<typeof RuleFactsSchema>;

/**
 * What happened when the rule matched an account: `fired` (playbook started, CTA opened),
 * `suppressed` (a CTA for the same cause was still open), `failed` (starting the playbook
 * failed; `error` says why), `pending` (being started right now).
 */
export const RuleFiringOutcomeSchema = Type.Enum(['pending', 'fired', 'suppressed', 'failed']);
export type RuleFiringOutcome = Static<typeof RuleFiringOutcomeSchema>;

export const RuleFiringSchema = StrictObject({
  id: Uuid,
  ruleId: Uuid,
  ruleVersion: Type.Integer(),
  accountId: Nullable(Uuid),
  accountName: Nullable(Type.String()),
  triggerType: Type.Enum([...RULE_TRIGGER_TYPES]),
  /** Rule id + trigger-specific key: what de-duplication compares. */
  causeKey: Type.String(),
  outcome: RuleFiringOutcomeSchema,
  ctaId: Nullable(Uuid),
  playbookRunId: Nullable(Uuid),
  error: Nullable(Type.String()),
  facts: RuleFactsSchema,
  firedAt: Timestamp,
});
export type RuleFiring = Static<typeof RuleFiringSchema>;

export const RuleFiringsQuerySchema = StrictObject({
  ...PageQuery,
  outcome: Type.Optional(RuleFiringOutcomeSchema),
  accountId: Type.Optional(Uuid),
});
export type RuleFiringsQuery = Static<typeof RuleFiringsQuerySchema>;
export const RuleFiringPageSchema = Page(RuleFiringSchema);
export type RuleFiringPage = Static<typeof RuleFiringPageSchema>;

const LookbackDays = Type.Integer({
  minimum: 1,
  maximum: 90,
  description: 'event triggers: replay the changes of this many past days (default 30)',
});

/** POST /rules/dry-run: an unsaved rule (the editor's state); only trigger and conditions matter. */
export const DryRunRuleSchema = StrictObject(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    enabled: Type.Optional(Type.Boolean()),
    trigger: RuleTriggerSchema,
    conditions: Type.Optional(Nullable(FilterExpressionSchema)),
    playbookId: Type.Optional(Nullable(Uuid)),
    ctaReason: Type.Optional(RuleCtaReasonSchema),
    ctaTitle: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lookbackDays: Type.Optional(LookbackDays),
  },
  { examples: [{ trigger: { type: 'renewal_in_days', days: 90 }, conditions: ruleExample.conditions }] },
);
export type DryRunRule = Static<typeof DryRunRuleSchema>;

/** POST /rules/:ruleId/dry-run: the saved rule, optionally with a changed trigger or conditions. */
export const DryRunSavedRuleSchema = StrictObject(
  {
    trigger: Type.Optional(RuleTriggerSchema),
    conditions: Type.Optional(Nullable(FilterExpressionSchema)),
    lookbackDays: Type.Optional(LookbackDays),
  },
  { examples: [{ lookbackDays: 14 }] },
);
export type DryRunSavedRule = Static<typeof DryRunSavedRuleSchema>;

export const RuleDryRunAccountSchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  tier: Nullable(TierSchema),
  arr: Type.Number(),
  causeKey: Type.String(),
  /** The open CTA that suppresses the firing (suppressed list only). */
  ctaId: Nullable(Uuid),
  facts: RuleFactsSchema,
});
export type RuleDryRunAccount = Static<typeof RuleDryRunAccountSchema>;

const DryRunGroup = StrictObject({
  count: Type.Integer(),
  /** At most 500, largest ARR first. */
  accounts: Type.Array(RuleDryRunAccountSchema),
});

/**
 * "This rule would fire for these N accounts now." State and schedule triggers are judged on the
 * accounts as they are now; event triggers replay the last `lookbackDays` days of changes.
 * Accounts whose CTA for the same cause is still open are listed apart as suppressed.
 */
export const RuleDryRunSchema = StrictObject({
  evaluatedAt: Timestamp,
  basis: Type.Enum(['current_state', 'recent_events', 'schedule']),
  lookbackDays: Nullable(Type.Integer()),
  /** Schedule triggers: the next time the cron fires (within 31 days), else null. */
  nextScheduledAt: Nullable(Timestamp),
  wouldFire: DryRunGroup,
  suppressed: DryRunGroup,
});
export type RuleDryRun = Static<typeof RuleDryRunSchema>;

/** POST /rules/evaluate: what one inline evaluation pass did. */
export const RuleEvaluationResultSchema = StrictObject({
  eventsProcessed: Type.Integer(),
  fired: Type.Integer(),
  suppressed: Type.Integer(),
  failed: Type.Integer(),
});
export type RuleEvaluationResult = Static<typeof RuleEvaluationResultSchema>;
