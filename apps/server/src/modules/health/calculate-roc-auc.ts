/** An account whose outcome is known (churned, or retained past a renewal date) with the score it had before. */
export type OutcomeSample = { score: number | null; churned: boolean };

/** ROC AUC of a score and the counts it rests on (samples without a score are left out). */
export type RocAuc = { auc: number | null; accounts: number; churned: number; retained: number };

/**
 * ROC AUC of a health score as a churn predictor, oriented so that a LOW score predicts churn:
 * the probability that a random retained account scores higher than a random churned one, a tie
 * counting one half. 1 = every churner scored below every retained account, 0.5 = chance,
 * 0 = perfectly inverted. Computed as Mann–Whitney U with average ranks for ties; null when
 * either class is empty.
 */
export function calculateRocAuc(samples: readonly OutcomeSample[]): RocAuc {
  const scored = samples.filter(
    (sample): sample is { score: number; churned: boolean } => sample.score !== null && Number.isFinite(sample.score),
  );
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  const churned = sorted.filter((sample) => sample.churned).length;
  const retained = sorted.length - churned;
  if (churned === 0 || retained === 0) return { auc: null, accounts: sorted.length, churned, retained };

  let retainedRankSum = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[start]!.score) end += 1;
    // Ranks are 1-based; every member of a tie gets the mean of the ranks the tie spans.
    const averageRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) if (!sorted[i]!.churned) retainedRankSum += averageRank;
    start = end + 1;
  }
  const u = retainedRankSum - (retained * (retained + 1)) / 2;
  return { auc: u / (retained * churned), accounts: sorted.length, churned, retained };
}
