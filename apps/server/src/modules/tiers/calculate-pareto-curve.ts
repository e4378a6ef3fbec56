import { TIERS, type Tier } from '@northstar/contracts';

/** One point of the Pareto chart: the top `accountShare` of accounts hold `arrShare` of ARR. */
export type ParetoPoint = { accountShare: number; arrShare: number };

/** Count and ARR of one tier, absolute and as shares of the portfolio. */
export type TierShare = { tier: Tier; accounts: number; arr: number; accountShare: number; arrShare: number };

/** The portfolio page: the curve, each tier's weight, and the 80/20 headline. */
export type ParetoSummary = {
  points: ParetoPoint[];
  tiers: TierShare[];
  totalAccounts: number;
  totalArr: number;
  /** Share of ARR held by the top 20% of accounts (DOMAIN §3 expects about 80%). */
  top20ArrShare: number;
};

/**
 * Cumulative ARR against accounts, largest first, from (0, 0) to (1, 1). Long portfolios are
 * sampled down to at most `maxPoints` evenly spaced points, always keeping both ends.
 */
export function calculateParetoCurve(
  accounts: readonly { arr: number; tier: Tier | null }[],
  options: { maxPoints?: number } = {},
): ParetoSummary {
  const maxPoints = Math.max(options.maxPoints ?? 101, 2);
  const arrs = accounts.map((a) => Math.max(a.arr, 0)).sort((a, b) => b - a);
  const n = arrs.length;
  const totalArr = arrs.reduce((sum, v) => sum + v, 0);
  const cumulative = [0];
  for (const arr of arrs) cumulative.push(cumulative[cumulative.length - 1]! + arr);
  const shareAt = (count: number) => (totalArr > 0 ? cumulative[count]! / totalArr : 0);

  const indexes = new Set<number>();
  if (n + 1 <= maxPoints) for (let i = 0; i <= n; i += 1) indexes.add(i);
  else for (let p = 0; p < maxPoints; p += 1) indexes.add(Math.round((p * n) / (maxPoints - 1)));
  const points = n === 0 ? [] : [...indexes].sort((a, b) => a - b).map((i) => ({ accountShare: i / n, arrShare: shareAt(i) }));

  const tiers = TIERS.map((tier): TierShare => {
    const members = accounts.filter((a) => a.tier === tier);
    const arr = members.reduce((sum, a) => sum + Math.max(a.arr, 0), 0);
    return {
      tier,
      accounts: members.length,
      arr,
      accountShare: n > 0 ? members.length / n : 0,
      arrShare: totalArr > 0 ? arr / totalArr : 0,
    };
  });
  return { points, tiers, totalAccounts: n, totalArr, top20ArrShare: shareAt(Math.ceil(n * 0.2 - 1e-9)) };
}
