import type { ErrorDetail, LifecycleStage, Tier } from '@northstar/contracts';

/** The two halves of customer success (DOMAIN §2): customer outcome (CO) and experience (CX). */
export type MeasureGroup = 'outcome' | 'experience';

/** Which way a raw value is good. */
export type Direction = 'higher_is_better' | 'lower_is_better';

/** Text shown to users, in every language the product ships. */
export type LocalisedText = { en: string; 'zh-CN': string };

/**
 * The built-in inputs the storage layer knows how to compute, each with its raw unit:
 * - seat_utilisation: active users in the last 30 days / licensed seats, in percent;
 * - active_days_per_user: mean active days in the last 30 days per active user;
 * - feature_adoption: share of the tracked key features used in the last 30 days, in percent;
 * - usage_trend: change of active user-days, last 30 days vs the 30 before, in percent;
 * - north_star: the configured event's count (or property sum) against the account's target, in percent;
 * - nps: mean of the account's latest 0–10 recommendation answers;
 * - csat: mean satisfaction answer on a 1–5 scale;
 * - support_tickets: tickets opened in the last 30 days;
 * - csm_sentiment: the owner CSM's latest rating, 1 (very negative) to 5 (very positive);
 * - days_since_key_contact: days since the last touch with a key person (关键人);
 * - custom: a value supplied by an integration, in the unit its label states.
 */
export type MeasureKind =
  | 'seat_utilisation'
  | 'active_days_per_user'
  | 'feature_adoption'
  | 'usage_trend'
  | 'north_star'
  | 'nps'
  | 'csat'
  | 'support_tickets'
  | 'csm_sentiment'
  | 'days_since_key_contact'
  | 'custom';

/**
 * Step scoring: `cuts` are ascending raw values; a value at or above cuts[i] and below cuts[i+1]
 * takes scores[i+1], below cuts[0] takes scores[0]. Scores are listed from the lowest raw value up,
 * so they rise for higher_is_better and fall for lower_is_better.
 */
export type ThresholdsTransform = { type: 'thresholds'; direction: Direction; cuts: number[]; scores: number[] };

/** Linear scoring: the worse end of [min, max] scores 0, the better end 100, clamped outside. */
export type LinearTransform = { type: 'linear'; direction: Direction; min: number; max: number };

/** How a raw value becomes a 0–100 measure score. */
export type MeasureTransform = ThresholdsTransform | LinearTransform;

/** The north-star metric's source: one event counted, or one of its numeric properties summed. */
export type NorthStarSource = { event: string; aggregate: 'count' } | { event: string; aggregate: 'sum'; property: string };

/** One measure of a scorecard; `weight` is relative to the other measures of its group. */
export type Measure = {
  key: string;
  label: LocalisedText;
  group: MeasureGroup;
  weight: number;
  kind: MeasureKind;
  transform: MeasureTransform;
  /** Required for kind north_star: which event measures value delivered. */
  northStar?: NorthStarSource;
};

/** Score below `red` is red, below `yellow` is yellow, otherwise green. */
export type BandThresholds = { red: number; yellow: number };

/** A health band; null elsewhere means "no data", never red. */
export type Band = 'red' | 'yellow' | 'green';

/**
 * When a scorecard applies. Each listed dimension must match (an account matches a list when its
 * value is in it); an absent or empty list matches every account. Higher priority wins.
 */
export type ApplicabilityRule = { tiers?: Tier[]; stages?: LifecycleStage[]; segmentIds?: string[]; priority: number };

/** A versioned set of measures blended into one health score. */
export type Scorecard = {
  id: string;
  name: string;
  version: number;
  groups: Record<MeasureGroup, { weight: number }>;
  measures: Measure[];
  bands: BandThresholds;
  applicability: ApplicabilityRule;
};

/** Raw input per measure key; null, absent or non-finite means "no data", never zero. */
export type MeasureInputs = Record<string, number | null | undefined>;

/** Optional parts of a raw ratio, for explanations such as "41 of 50 seats". */
export type MeasureDetail = { count: number; of: number };

/** Every problem of a scorecard, each naming its field; empty when the scorecard is usable. */
export function validateScorecard(scorecard: Scorecard): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const add = (field: string, problem: string) => problems.push({ field, location: 'body', problem });

  if (!scorecard.name.trim()) add('name', 'must not be empty');
  if (!Number.isInteger(scorecard.version) || scorecard.version < 1) add('version', 'must be a positive integer');
  for (const group of ['outcome', 'experience'] as const) {
    if (!isNonNegative(scorecard.groups[group].weight)) add(`groups.${group}.weight`, 'must be a finite number ≥ 0');
  }
  if (scorecard.groups.outcome.weight + scorecard.groups.experience.weight <= 0) add('groups', 'at least one group weight must be > 0');

  if (scorecard.measures.length === 0) add('measures', 'must contain at least one measure');
  const seen = new Set<string>();
  scorecard.measures.forEach((measure, i) => {
    const at = `measures[${i}]`;
    if (!/^[a-z][a-z0-9_]*$/.test(measure.key)) add(`${at}.key`, 'must be snake_case');
    if (seen.has(measure.key)) add(`${at}.key`, `duplicates "${measure.key}"`);
    seen.add(measure.key);
    if (!measure.label.en.trim()) add(`${at}.label.en`, 'must not be empty');
    if (!measure.label['zh-CN'].trim()) add(`${at}.label.zh-CN`, 'must not be empty');
    if (!isNonNegative(measure.weight)) add(`${at}.weight`, 'must be a finite number ≥ 0');
    if (measure.kind === 'north_star' && !measure.northStar?.event.trim())
      add(`${at}.northStar.event`, 'is required for a north-star measure');
    validateTransform(measure.transform, `${at}.transform`, add);
  });
  if (scorecard.measures.length > 0 && scorecard.measures.every((m) => m.weight === 0))
    add('measures', 'at least one measure weight must be > 0');

  const { red, yellow } = scorecard.bands;
  if (!(Number.isFinite(red) && red > 0 && red < 100)) add('bands.red', 'must be between 0 and 100, exclusive');
  if (!(Number.isFinite(yellow) && yellow > 0 && yellow < 100)) add('bands.yellow', 'must be between 0 and 100, exclusive');
  if (!(red < yellow)) add('bands.yellow', 'must be greater than bands.red');

  if (!Number.isFinite(scorecard.applicability.priority)) add('applicability.priority', 'must be a finite number');
  return problems;
}

function validateTransform(transform: MeasureTransform, at: string, add: (field: string, problem: string) => void): void {
  if (transform.type === 'linear') {
    if (!Number.isFinite(transform.min)) add(`${at}.min`, 'must be a finite number');
    if (!Number.isFinite(transform.max)) add(`${at}.max`, 'must be a finite number');
    if (!(transform.min < transform.max)) add(`${at}.max`, 'must be greater than min');
    return;
  }
  const { cuts, scores, direction } = transform;
  if (cuts.length === 0) add(`${at}.cuts`, 'must contain at least one cut');
  cuts.forEach((cut, i) => {
    if (!Number.isFinite(cut)) add(`${at}.cuts[${i}]`, 'must be a finite number');
    const previous = cuts[i - 1];
    if (previous !== undefined && !(previous < cut)) add(`${at}.cuts[${i}]`, 'must be greater than the cut before it (ascending)');
  });
  if (scores.length !== cuts.length + 1) add(`${at}.scores`, `must have one more entry than cuts (${cuts.length + 1})`);
  scores.forEach((score, i) => {
    if (!(Number.isFinite(score) && score >= 0 && score <= 100)) add(`${at}.scores[${i}]`, 'must be between 0 and 100');
    const previous = scores[i - 1];
    // A step that scores a better raw value lower would break monotonicity in the measure's direction.
    if (previous !== undefined && (direction === 'higher_is_better' ? score < previous : score > previous)) {
      add(
        `${at}.scores[${i}]`,
        direction === 'higher_is_better' ? 'must not be lower than the score before it' : 'must not be higher than the score before it',
      );
    }
  });
}

function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}
