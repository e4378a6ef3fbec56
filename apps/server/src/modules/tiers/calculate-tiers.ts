import type { Tier } from '@northstar/contracts';
import { renderTierReason, type TierReasonText } from './render-tier-reason';
import type { TieringPolicy } from './tiering-policy';

/** A CSM's manual tier: it wins over the rules until `expiresAt` (a date, exclusive). */
export type TierPin = { tier: Tier; reason: string; expiresAt?: string | null };

/** What tiering needs to know about one account. */
export type TieringAccount = {
  id: string;
  arr: number;
  employees: number | null;
  /** Active users / licensed seats over 30 days (0–1), null when there is no usage data. */
  engagement: number | null;
  /** Health score 0–100, null when not scored yet. */
  health: number | null;
  status: 'active' | 'churned';
  pin?: TierPin | null;
};

/** Which rule placed the account, with the numbers that rule compared. */
export type TierRuleDetail =
  | { rule: 'pinned'; pinReason: string; pinExpiresAt: string | null }
  | {
      rule: 's_arr_share';
      limit: 'share' | 'max_accounts' | 'min_accounts';
      threshold: number;
      maxAccountShare: number;
      minAccountShare: number;
    }
  | { rule: 'c_arr_percentile'; percentile: number; threshold: number }
  | { rule: 'c_employees'; employees: number; threshold: number }
  | { rule: 'a_usage' | 'b_usage'; value: number; threshold: number }
  | { rule: 'a_health' | 'b_health'; value: number; threshold: number }
  | { rule: 'b_no_engagement_data' };

/** The structured "why": the rule, plus where the account ranks and how much ARR S covers. */
export type TierReason = TierRuleDetail & {
  /** 1-based position by ARR, largest first, ties broken by id. */
  arrRank: number;
  /** The account is in the top this-many percent by ARR (1–100). */
  arrTopPercent: number;
  /** Share of total ARR held by the accounts the rules place in S (0–1). */
  sArrShare: number;
};

/** One account's tier, the tier the rules alone would give, and why. */
export type TierAssignment = {
  accountId: string;
  tier: Tier;
  /** Differs from `tier` only while a pin holds. */
  calculatedTier: Tier;
  reason: TierReason;
  text: TierReasonText;
};

type Ranked = { account: TieringAccount; rank: number };

/**
 * Tiers for every active account (churned ones are left out: they no longer share the portfolio's
 * ARR). Pins are applied after the rules, so a pin never moves another account's tier.
 */
export function calculateTiers(accounts: readonly TieringAccount[], policy: TieringPolicy, today: string): TierAssignment[] {
  const ranked = accounts
    .filter((a) => a.status === 'active')
    .sort(compareByArrDesc)
    .map((account, index): Ranked => ({ account, rank: index + 1 }));
  const count = ranked.length;
  const totalArr = ranked.reduce((sum, r) => sum + Math.max(r.account.arr, 0), 0);
  const s = selectS(ranked, policy, totalArr);
  const cThreshold =
    policy.c.arrPercentile === null
      ? null
      : calculatePercentile(
          ranked.map((r) => r.account.arr),
          policy.c.arrPercentile,
        );

  return ranked.map(({ account, rank }) => {
    const context = { arrRank: rank, arrTopPercent: Math.max(1, Math.ceil((rank / count) * 100 - 1e-9)), sArrShare: s.share };
    const detail: TierRuleDetail =
      rank <= s.count
        ? {
            rule: 's_arr_share',
            limit: s.limit,
            threshold: policy.s.arrShare,
            maxAccountShare: policy.s.maxAccountShare,
            minAccountShare: policy.s.minAccountShare,
          }
        : (findCRule(account, policy, cThreshold) ?? findEngagementRule(account, policy));
    const calculatedTier = tierOfRule(detail);
    const pin = findActivePin(account, today);
    const reason: TierReason = pin
      ? { ...context, rule: 'pinned', pinReason: pin.reason, pinExpiresAt: pin.expiresAt ?? null }
      : { ...context, ...detail };
    return { accountId: account.id, tier: pin?.tier ?? calculatedTier, calculatedTier, reason, text: renderTierReason(reason) };
  });
}

/** Largest ARR first; equal ARR by id so reruns over the same data agree. */
function compareByArrDesc(a: TieringAccount, b: TieringAccount): number {
  if (a.arr !== b.arr) return b.arr - a.arr;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function selectS(ranked: readonly Ranked[], policy: TieringPolicy, totalArr: number) {
  // Accounts without ARR never make S: the minimum share would otherwise promote them by id order.
  const candidates = ranked.filter((r) => r.account.arr > 0);
  const n = ranked.length;
  // The epsilons keep 0.1 * 30 from rounding up to 4 through floating-point noise.
  const minCount = Math.min(Math.ceil(n * policy.s.minAccountShare - 1e-9), candidates.length);
  const maxCount = Math.min(Math.max(Math.floor(n * policy.s.maxAccountShare + 1e-9), minCount), candidates.length);
  const target = totalArr * policy.s.arrShare;
  let covering = 0;
  let cumulative = 0;
  for (const r of candidates) {
    if (cumulative >= target - totalArr * 1e-12) break;
    cumulative += r.account.arr;
    covering += 1;
  }
  const limit: 'share' | 'max_accounts' | 'min_accounts' =
    covering > maxCount ? 'max_accounts' : covering < minCount ? 'min_accounts' : 'share';
  const count = Math.min(Math.max(covering, minCount), maxCount);
  const sArr = candidates.slice(0, count).reduce((sum, r) => sum + r.account.arr, 0);
  return { count, limit, share: totalArr > 0 ? sArr / totalArr : 0 };
}

/** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont computes it. */
export function calculatePercentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = sorted[Math.floor(position)]!;
  const upper = sorted[Math.ceil(position)]!;
  return lower + (upper - lower) * (position - Math.floor(position));
}

function findCRule(account: TieringAccount, policy: TieringPolicy, arrThreshold: number | null): TierRuleDetail | undefined {
  if (arrThreshold !== null && policy.c.arrPercentile !== null && account.arr < arrThreshold) {
    return { rule: 'c_arr_percentile', percentile: policy.c.arrPercentile, threshold: arrThreshold };
  }
  const minEmployees = policy.c.minEmployees;
  if (minEmployees !== null && account.employees !== null && account.employees < minEmployees) {
    return { rule: 'c_employees', employees: account.employees, threshold: minEmployees };
  }
  return undefined;
}

function findEngagementRule(account: TieringAccount, policy: TieringPolicy): TierRuleDetail {
  const { usageThreshold, healthThreshold } = policy.engagement;
  if (account.engagement !== null) {
    const rule = account.engagement >= usageThreshold ? 'a_usage' : 'b_usage';
    return { rule, value: account.engagement, threshold: usageThreshold };
  }
  if (account.health !== null) {
    const rule = account.health >= healthThreshold ? 'a_health' : 'b_health';
    return { rule, value: account.health, threshold: healthThreshold };
  }
  // Unknown engagement counts as low: A promises a cooperation nobody has seen yet.
  return { rule: 'b_no_engagement_data' };
}

function tierOfRule(detail: TierRuleDetail): Tier {
  switch (detail.rule) {
    case 's_arr_share':
      return 'S';
    case 'c_arr_percentile':
    case 'c_employees':
      return 'C';
    case 'a_usage':
    case 'a_health':
      return 'A';
    default:
      return 'B';
  }
}

function findActivePin(account: TieringAccount, today: string): TierPin | undefined {
  const pin = account.pin;
  if (!pin) return undefined;
  return pin.expiresAt && pin.expiresAt <= today ? undefined : pin;
}
