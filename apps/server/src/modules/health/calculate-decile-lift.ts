import type { OutcomeSample } from './calculate-roc-auc';

/** Churn in one tenth of the scored accounts, lowest scores first. */
export type DecileChurn = { decile: number; accounts: number; churnRate: number };

/** How much better than average the lowest-scoring tenth finds churners. */
export type DecileLift = {
  /** Churn rate over all scored accounts. */
  baseChurnRate: number | null;
  /** Churn rate of the lowest-scoring decile over the base rate; null without accounts or churn. */
  lowestDecileLift: number | null;
  deciles: DecileChurn[];
};

/**
 * Churn rate per decile of score (decile 1 = lowest scores) and the lift of the lowest decile.
 * Accounts tied on a score straddling a decile boundary are shared between the deciles in
 * proportion, and a decile may hold a fraction of an account, so the result depends neither on
 * input order nor on how many accounts divide by ten. Accounts without a score are left out.
 */
export function calculateDecileLift(samples: readonly OutcomeSample[]): DecileLift {
  const scored = samples.filter(
    (sample): sample is { score: number; churned: boolean } => sample.score !== null && Number.isFinite(sample.score),
  );
  if (scored.length === 0) return { baseChurnRate: null, lowestDecileLift: null, deciles: [] };

  const ties = new Map<number, { accounts: number; churned: number }>();
  for (const sample of scored) {
    const tie = ties.get(sample.score) ?? { accounts: 0, churned: 0 };
    tie.accounts += 1;
    if (sample.churned) tie.churned += 1;
    ties.set(sample.score, tie);
  }
  const groups = [...ties.entries()].sort(([a], [b]) => a - b).map(([, tie]) => tie);
  const baseChurnRate = scored.filter((sample) => sample.churned).length / scored.length;
  const size = scored.length / 10;

  const deciles: DecileChurn[] = [];
  for (let decile = 1; decile <= 10; decile += 1) {
    const from = (decile - 1) * size;
    const to = decile * size;
    let position = 0;
    let churned = 0;
    for (const group of groups) {
      const overlap = Math.max(0, Math.min(to, position + group.accounts) - Math.max(from, position));
      churned += overlap * (group.churned / group.accounts);
      position += group.accounts;
    }
    deciles.push({ decile, accounts: size, churnRate: churned / size });
  }
  const lowest = deciles[0]!.churnRate;
  return { baseChurnRate, lowestDecileLift: baseChurnRate > 0 ? lowest / baseChurnRate : null, deciles };
}
