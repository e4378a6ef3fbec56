import { apportionRounded } from './apportion-rounded';
import { scoreBacktestAccounts, type BacktestAccount } from './calculate-backtest-report';
import { calculateRocAuc } from './calculate-roc-auc';
import { fitLogisticWeights, type LogisticFit } from './fit-logistic-weights';
import type { MeasureGroup, Scorecard } from './scorecard';

/** Tuning of the weight suggestion. */
export type SuggestWeightsOptions = {
  /** L2 strength of the logistic fit (on standardised measure scores); default 1. */
  l2?: number;
  /** Folds of the stratified cross-validation; default 5, lowered to the size of the smaller class. */
  folds?: number;
  /** Keep the scorecard's outcome/experience split (DOMAIN §2) and fit only the weights within each group. */
  keepGroupWeights?: boolean;
};

/** What the fit says about one measure. */
export type MeasureFit = {
  key: string;
  group: MeasureGroup;
  /** Change of log-odds of retention per point of measure score; ≤ 0 means it did not help. */
  perPoint: number;
  /** Change of log-odds of retention when the measure had no data. */
  missingCoefficient: number;
  /** Accounts with data for the measure; with none the fit learned nothing and the weight drops to 0. */
  observed: number;
  currentWeight: number;
  suggestedWeight: number;
};

/** Suggested weights and how AUC would change, both in sample and cross-validated. */
export type WeightSuggestion = {
  method: string;
  accounts: number;
  churned: number;
  /** Null when no measure's fitted effect pointed toward retention, or a class is empty. */
  scorecard: Scorecard | null;
  measures: MeasureFit[];
  /** AUC on the same accounts the fit saw: optimistic by construction. */
  inSample: { current: number | null; suggested: number | null };
  /** Mean AUC over held-out folds, each scored with weights fitted without it; null with too few accounts. */
  crossValidated: { folds: number; current: number | null; suggested: number | null } | null;
};

/**
 * Suggests new weights for a scorecard from accounts with known outcomes. An L2 logistic
 * regression predicts retention from the measure scores (missing ones imputed, with an
 * indicator); each measure's fitted log-odds per point, floored at 0, becomes its effective
 * weight, since a health score that is a weighted sum of measure scores in those proportions
 * ranks accounts like the fitted model wherever data is complete. The weights are then split
 * back into group weights and within-group weights, integers summing to 100. Validation is
 * stratified k-fold cross-validation (folds assigned by account id, so deterministic); the
 * in-sample AUC is reported beside it because it alone would reward overfitting.
 */
export function suggestScorecardWeights(
  scorecard: Scorecard,
  accounts: readonly BacktestAccount[],
  options: SuggestWeightsOptions = {},
): WeightSuggestion {
  const l2 = options.l2 ?? 1;
  const keepGroupWeights = options.keepGroupWeights ?? false;
  const churned = accounts.filter((account) => account.churned).length;
  const requestedFolds = options.folds ?? 5;
  const folds = Math.min(requestedFolds, churned, accounts.length - churned);

  const fit = fitToScorecard(scorecard, accounts, l2);
  const suggested = fit === null ? null : toSuggestedScorecard(scorecard, fit, keepGroupWeights);

  const measures: MeasureFit[] = scorecard.measures.map((measure, j) => ({
    key: measure.key,
    group: measure.group,
    perPoint: fit?.features[j]?.perUnit ?? 0,
    missingCoefficient: fit?.features[j]?.missingCoefficient ?? 0,
    observed: fit?.features[j]?.observed ?? 0,
    currentWeight: measure.weight,
    suggestedWeight: suggested?.measures[j]?.weight ?? measure.weight,
  }));

  return {
    method: `L2-regularised logistic regression (λ = ${l2}) on standardised measure scores, missing values mean-imputed with an indicator; ${folds >= 2 ? `${folds}-fold stratified cross-validation` : 'no cross-validation (too few accounts per class)'}`,
    accounts: accounts.length,
    churned,
    scorecard: suggested,
    measures,
    inSample: { current: calculateAuc(scorecard, accounts), suggested: suggested ? calculateAuc(suggested, accounts) : null },
    crossValidated: folds >= 2 ? crossValidate(scorecard, accounts, folds, l2, keepGroupWeights) : null,
  };
}

function fitToScorecard(scorecard: Scorecard, accounts: readonly BacktestAccount[], l2: number): LogisticFit | null {
  const churned = accounts.filter((account) => account.churned).length;
  if (churned === 0 || churned === accounts.length) return null;
  const results = scoreBacktestAccounts(scorecard, accounts);
  return fitLogisticWeights(
    results.map((result, i) => ({ features: result.measures.map((measure) => measure.score), positive: !(accounts[i]?.churned ?? false) })),
    { l2 },
  );
}

function toSuggestedScorecard(scorecard: Scorecard, fit: LogisticFit, keepGroupWeights: boolean): Scorecard | null {
  const raw = scorecard.measures.map((_, j) => Math.max(0, fit.features[j]?.perUnit ?? 0));
  if (raw.every((weight) => weight === 0)) return null;

  const groups: MeasureGroup[] = ['outcome', 'experience'];
  const fittedGroupTotals = groups.map((group) =>
    scorecard.measures.reduce((sum, measure, j) => sum + (measure.group === group ? (raw[j] ?? 0) : 0), 0),
  );
  const groupWeights = keepGroupWeights
    ? groups.map((group) => scorecard.groups[group].weight)
    : apportionRounded(toPercentages(fittedGroupTotals), 0, 100);

  const weights = scorecard.measures.map((measure) => measure.weight);
  groups.forEach((group, g) => {
    const members = scorecard.measures.flatMap((measure, j) => (measure.group === group ? [j] : []));
    // A group where nothing helped keeps its current weights: the fit learned nothing to replace them with.
    if ((fittedGroupTotals[g] ?? 0) === 0) return;
    const shares = apportionRounded(toPercentages(members.map((j) => raw[j] ?? 0)), 0, 100);
    members.forEach((j, k) => (weights[j] = shares[k] ?? 0));
  });

  return {
    ...scorecard,
    version: scorecard.version + 1,
    groups: { outcome: { weight: groupWeights[0] ?? 0 }, experience: { weight: groupWeights[1] ?? 0 } },
    measures: scorecard.measures.map((measure, j) => ({ ...measure, weight: weights[j] ?? 0 })),
  };
}

function toPercentages(values: number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => (total > 0 ? (100 * value) / total : 0));
}

function calculateAuc(scorecard: Scorecard, accounts: readonly BacktestAccount[]): number | null {
  const results = scoreBacktestAccounts(scorecard, accounts);
  return calculateRocAuc(results.map((result, i) => ({ score: result.score, churned: accounts[i]?.churned ?? false }))).auc;
}

/** Mean held-out AUC of the current and the refitted weights over stratified folds. */
function crossValidate(
  scorecard: Scorecard,
  accounts: readonly BacktestAccount[],
  folds: number,
  l2: number,
  keepGroupWeights: boolean,
): WeightSuggestion['crossValidated'] {
  const foldOf = new Map<BacktestAccount, number>();
  for (const isChurned of [true, false]) {
    const members = accounts
      .filter((account) => account.churned === isChurned)
      .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
    members.forEach((account, position) => foldOf.set(account, position % folds));
  }
  const current: number[] = [];
  const suggested: number[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = accounts.filter((account) => foldOf.get(account) !== fold);
    const heldOut = accounts.filter((account) => foldOf.get(account) === fold);
    const fit = fitToScorecard(scorecard, training, l2);
    // Without a usable suggestion the fold would keep today's weights, so it scores the same as current.
    const candidate = (fit && toSuggestedScorecard(scorecard, fit, keepGroupWeights)) ?? scorecard;
    const currentAuc = calculateAuc(scorecard, heldOut);
    const suggestedAuc = calculateAuc(candidate, heldOut);
    if (currentAuc === null || suggestedAuc === null) continue;
    current.push(currentAuc);
    suggested.push(suggestedAuc);
  }
  const mean = (values: number[]) => (values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null);
  return { folds, current: mean(current), suggested: mean(suggested) };
}
