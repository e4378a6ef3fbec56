import type { Measure, MeasureKind, Scorecard } from './scorecard';

/** Id of the scorecard that applies when no other rule matches. */
export const DEFAULT_SCORECARD_ID = 'default';

/** Id of the built-in key-account (S tier) scorecard. */
export const KEY_ACCOUNT_SCORECARD_ID = 'key-account';

/**
 * The built-in measures. Numbers are starting points an admin tunes with the backtest; the
 * reason for each is beside it. Outcome weights sum to 100 and experience weights to 100 only
 * for readability: weights are relative within a group.
 */
function builtInMeasures(weights: Record<Exclude<MeasureKind, 'custom'>, number>): Measure[] {
  return [
    {
      key: 'north_star',
      label: { en: 'north-star metric', 'zh-CN': '北极星指标' },
      group: 'outcome',
      kind: 'north_star',
      weight: weights.north_star,
      // Percent of the account's target: reaching the target is full marks, nothing delivered is 0.
      transform: { type: 'linear', direction: 'higher_is_better', min: 0, max: 100 },
      // Placeholder until an admin names the event that measures value delivered (DOMAIN §2).
      northStar: { event: 'north_star', aggregate: 'count' },
    },
    {
      key: 'seat_utilisation',
      label: { en: 'active users', 'zh-CN': '活跃用户' },
      group: 'outcome',
      kind: 'seat_utilisation',
      weight: weights.seat_utilisation,
      // Under 10% of seats active is shelfware; 80% counts as full use because some licences are
      // always idle (leavers, admins, seasonal users).
      transform: { type: 'linear', direction: 'higher_is_better', min: 10, max: 80 },
    },
    {
      key: 'active_days_per_user',
      label: { en: 'active days per user', 'zh-CN': '人均活跃天数' },
      group: 'outcome',
      kind: 'active_days_per_user',
      weight: weights.active_days_per_user,
      // One day in 30 is a visit, not a habit; 12 days (about three a week) is habitual use of a work tool.
      transform: { type: 'linear', direction: 'higher_is_better', min: 1, max: 12 },
    },
    {
      key: 'feature_adoption',
      label: { en: 'feature adoption', 'zh-CN': '功能采用率' },
      group: 'outcome',
      kind: 'feature_adoption',
      weight: weights.feature_adoption,
      // Percent of key features used: below 10% the product is a point tool; 70% is broad adoption,
      // since few customers need every feature.
      transform: { type: 'linear', direction: 'higher_is_better', min: 10, max: 70 },
    },
    {
      key: 'usage_trend',
      label: { en: 'usage trend', 'zh-CN': '使用趋势' },
      group: 'outcome',
      kind: 'usage_trend',
      weight: weights.usage_trend,
      // Percent change: a fall beyond 30% is the "usage fell" churn signal (red); −30…−10% is a
      // warning; ±10% is normal month-to-month noise and steady use is healthy (green); growth scores full.
      transform: { type: 'thresholds', direction: 'higher_is_better', cuts: [-30, -10, 10], scores: [0, 40, 75, 100] },
    },
    {
      key: 'nps',
      label: { en: 'NPS', 'zh-CN': 'NPS' },
      group: 'experience',
      kind: 'nps',
      weight: weights.nps,
      // The NPS classes on the 0–10 answer: promoters (9–10) full, passives (7–8) green, mild
      // detractors (5–6) yellow, strong detractors (0–4) zero.
      transform: { type: 'thresholds', direction: 'higher_is_better', cuts: [5, 7, 9], scores: [0, 40, 75, 100] },
    },
    {
      key: 'csat',
      label: { en: 'CSAT', 'zh-CN': '满意度' },
      group: 'experience',
      kind: 'csat',
      weight: weights.csat,
      // On 1–5, answers of 4–5 count as satisfied by convention: 4 lands in green (75), 3 (neutral) in red (25).
      transform: { type: 'linear', direction: 'higher_is_better', min: 2.5, max: 4.5 },
    },
    {
      key: 'support_tickets',
      label: { en: 'support tickets (30 days)', 'zh-CN': '工单数（30 天）' },
      group: 'experience',
      kind: 'support_tickets',
      weight: weights.support_tickets,
      // A few tickets a month is normal engagement; 6–10 is friction; more than 10 is an escalation.
      transform: { type: 'thresholds', direction: 'lower_is_better', cuts: [3, 6, 11], scores: [100, 75, 40, 0] },
    },
    {
      key: 'csm_sentiment',
      label: { en: 'CSM sentiment', 'zh-CN': 'CSM 判断' },
      group: 'experience',
      kind: 'csm_sentiment',
      weight: weights.csm_sentiment,
      // The CSM's 1–5 rating maps evenly: 1 → 0, 3 (neutral) → 50, 5 → 100.
      transform: { type: 'linear', direction: 'higher_is_better', min: 1, max: 5 },
    },
    {
      key: 'days_since_key_contact',
      label: { en: 'days since key-person contact', 'zh-CN': '距上次联系关键人天数' },
      group: 'experience',
      kind: 'days_since_key_contact',
      weight: weights.days_since_key_contact,
      // Within two weeks is the rhythm of an engaged account; 90 days is a quarter of silence, the
      // hollow middle of the dumbbell pattern (DOMAIN §4).
      transform: { type: 'linear', direction: 'lower_is_better', min: 14, max: 90 },
    },
  ];
}

/**
 * The built-in scorecards: the default (80% outcome / 20% experience) for every account and the
 * key-account one (70/30, tier S) from DOMAIN §2. Bands are red < 40 ≤ yellow < 70 ≤ green.
 */
export function defaultScorecards(): Scorecard[] {
  return [
    {
      id: DEFAULT_SCORECARD_ID,
      name: 'Default',
      version: 1,
      groups: { outcome: { weight: 80 }, experience: { weight: 20 } },
      // The north star leads: it is the one measure of value delivered; usage breadth and depth follow.
      measures: builtInMeasures({
        north_star: 35,
        seat_utilisation: 25,
        active_days_per_user: 15,
        feature_adoption: 10,
        usage_trend: 15,
        nps: 25,
        csat: 15,
        support_tickets: 20,
        csm_sentiment: 20,
        days_since_key_contact: 20,
      }),
      bands: { red: 40, yellow: 70 },
      applicability: { priority: 0 },
    },
    {
      id: KEY_ACCOUNT_SCORECARD_ID,
      name: 'Key accounts (S tier)',
      version: 1,
      groups: { outcome: { weight: 70 }, experience: { weight: 30 } },
      // Key people matter most for key accounts (DOMAIN §1), so the relationship weighs more here.
      measures: builtInMeasures({
        north_star: 35,
        seat_utilisation: 25,
        active_days_per_user: 15,
        feature_adoption: 10,
        usage_trend: 15,
        nps: 20,
        csat: 10,
        support_tickets: 15,
        csm_sentiment: 25,
        days_since_key_contact: 30,
      }),
      bands: { red: 40, yellow: 70 },
      applicability: { tiers: ['S'], priority: 10 },
    },
  ];
}
