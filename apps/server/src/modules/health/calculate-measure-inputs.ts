import { roundTo } from './apportion-rounded';
import type { MeasureDetail, MeasureInputs, NorthStarSource, Scorecard } from './scorecard';

/** Everything the collector gathered for one account as of a date (DOMAIN §2 inputs). */
export type AccountMeasureFacts = {
  licensedSeats: number | null;
  /** Whether the account had sent any usage on or before the date: an account not instrumented is unknown, not idle. */
  hasUsage: boolean;
  /** Whether usage was tracked through the whole 30 days before the last 30 (the trend's base). */
  hasFullTrendBase: boolean;
  /** Distinct product users active in the 30 days ending the date. */
  activeUsers30d: number;
  /** Active user-days in those 30 days, and in the 30 days before them. */
  userDays30d: number;
  userDaysPrevious30d: number;
  /** Mapped features used in the 30 days, of the workspace's `featureCount` (0 = adoption has no data). */
  featuresUsed30d: number;
  featureCount: number;
  /** Each north-star source's value over the 30 days, by northStarKey(); absent is 0 for an instrumented account. */
  northStar: ReadonlyMap<string, number>;
  /** The account's north-star target per 30 days. */
  northStarTarget: number | null;
  /** Experience inputs as of the date, by experienceKey(). */
  experience: ReadonlyMap<string, number>;
  daysSinceKeyContact: number | null;
};

/** The key a north-star source's 30-day value is gathered under. */
export function northStarKey(source: NorthStarSource): string {
  return source.aggregate === 'count' ? `count:${source.event}` : `sum:${source.event}:${source.property}`;
}

/** The key an experience input is gathered under: its kind, or custom:<measure key>. */
export function experienceKey(kind: string, customKey: string): string {
  return kind === 'custom' ? `custom:${customKey}` : kind;
}

/**
 * Each measure's raw value (rounded to 2 decimals, the precision shown and stored) and, for
 * ratios, its parts. Missing data stays null, never 0: no seats to divide by, no usage ever sent,
 * no target, no feature mapped, no survey answered. An instrumented account that went quiet is
 * real data: 0% of seats, 0 active days. The usage trend needs a base: the previous 30 days
 * tracked throughout (not an account instrumented halfway through them) and with some activity.
 */
export function calculateMeasureInputs(
  scorecard: Pick<Scorecard, 'measures'>,
  facts: AccountMeasureFacts,
): { inputs: MeasureInputs; details: Record<string, MeasureDetail> } {
  const inputs: MeasureInputs = {};
  const details: Record<string, MeasureDetail> = {};
  const usage = facts.hasUsage;
  // A loop without per-call closures: a recompute runs this for 100k accounts.
  for (const measure of scorecard.measures) {
    let raw: number | null = null;
    let detail: MeasureDetail | undefined;
    switch (measure.kind) {
      case 'seat_utilisation': {
        const seats = facts.licensedSeats;
        if (usage && seats && seats > 0) {
          raw = (100 * facts.activeUsers30d) / seats;
          detail = { count: facts.activeUsers30d, of: seats };
        }
        break;
      }
      case 'active_days_per_user':
        raw = !usage ? null : facts.activeUsers30d > 0 ? facts.userDays30d / facts.activeUsers30d : 0;
        break;
      case 'feature_adoption':
        if (usage && facts.featureCount > 0) {
          raw = (100 * facts.featuresUsed30d) / facts.featureCount;
          detail = { count: facts.featuresUsed30d, of: facts.featureCount };
        }
        break;
      case 'usage_trend': {
        const previous = facts.userDaysPrevious30d;
        raw = usage && facts.hasFullTrendBase && previous > 0 ? (100 * (facts.userDays30d - previous)) / previous : null;
        break;
      }
      case 'north_star': {
        const target = facts.northStarTarget;
        if (usage && measure.northStar && target !== null && target > 0) {
          const value = facts.northStar.get(northStarKey(measure.northStar)) ?? 0;
          raw = (100 * value) / target;
          detail = { count: roundTo(value, 2), of: target };
        }
        break;
      }
      case 'days_since_key_contact':
        raw = facts.daysSinceKeyContact;
        break;
      case 'custom':
        raw = facts.experience.get(experienceKey('custom', measure.key)) ?? null;
        break;
      default:
        raw = facts.experience.get(measure.kind) ?? null;
    }
    const input = raw === null || !Number.isFinite(raw) ? null : roundTo(raw, 2);
    inputs[measure.key] = input;
    if (detail && input !== null) details[measure.key] = detail;
  }
  return { inputs, details };
}
