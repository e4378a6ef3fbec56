import { apportionRounded, roundTo } from './apportion-rounded';
import { calculateBand } from './calculate-band';
import { calculateMeasureScore } from './calculate-measure-score';
import type { Band, LocalisedText, MeasureDetail, MeasureGroup, MeasureInputs, MeasureKind, Scorecard } from './scorecard';

/** One measure's part in a health score. */
export type MeasureResult = {
  key: string;
  label: LocalisedText;
  kind: MeasureKind;
  group: MeasureGroup;
  /** The input as given; null when it was missing or not a finite number. */
  raw: number | null;
  detail: MeasureDetail | null;
  /** 0–100, one decimal; null is "no data". */
  score: number | null;
  /** The configured weight, relative within the group. */
  weight: number;
  /** Share of the final score (0–1) after re-normalising over the inputs that had data. */
  effectiveWeight: number;
  /** Points of the final score, one decimal; the contributions add up exactly to the score. */
  contribution: number;
};

/** A health score with everything needed to explain it; self-describing so history can be kept. */
export type HealthScoreResult = {
  scorecardId: string;
  scorecardVersion: number;
  /** 0–100, one decimal; null when no measure had data ("no data", never 0). */
  score: number | null;
  band: Band | null;
  /** Group scores, each a weighted mean over its measures with data; null when none had data. */
  outcome: number | null;
  experience: number | null;
  /** Share of the scorecard's total weight whose input had data, 0–1: how much the score rests on data. */
  coverage: number;
  measures: MeasureResult[];
};

const GROUPS: readonly MeasureGroup[] = ['outcome', 'experience'];

/**
 * The health score of one account under a scorecard. Within a group measure weights are
 * re-normalised over the measures with data; between groups, a group with no data hands its
 * weight to the other. A measure with data but weight 0 is shown yet moves nothing.
 */
export function calculateHealthScore(
  scorecard: Scorecard,
  inputs: MeasureInputs,
  details: Record<string, MeasureDetail> = {},
): HealthScoreResult {
  const scored = scorecard.measures.map((measure) => {
    const input = inputs[measure.key];
    const raw = input !== null && input !== undefined && Number.isFinite(input) ? input : null;
    const exact = calculateMeasureScore(raw, measure.transform);
    // Measure scores are rounded before blending so that effectiveWeight × shown score is the contribution.
    return { measure, raw, score: exact === null ? null : roundTo(exact) };
  });
  const isUsable = (item: (typeof scored)[number]) => item.score !== null && item.measure.weight > 0;

  const groupWeightSum = (group: MeasureGroup, usableOnly: boolean) =>
    scored
      .filter((item) => item.measure.group === group && (!usableOnly || isUsable(item)))
      .reduce((sum, item) => sum + item.measure.weight, 0);

  const groupScores = new Map<MeasureGroup, number | null>();
  for (const group of GROUPS) {
    const weightSum = groupWeightSum(group, true);
    const weighted = scored
      .filter((item) => item.measure.group === group && isUsable(item))
      .reduce((sum, item) => sum + item.measure.weight * (item.score ?? 0), 0);
    groupScores.set(group, weightSum > 0 ? weighted / weightSum : null);
  }

  const activeGroupWeight = GROUPS.reduce((sum, group) => sum + (groupScores.get(group) !== null ? scorecard.groups[group].weight : 0), 0);
  const effectiveWeights = scored.map((item) => {
    if (!isUsable(item) || activeGroupWeight <= 0) return 0;
    const group = item.measure.group;
    return (scorecard.groups[group].weight / activeGroupWeight) * (item.measure.weight / groupWeightSum(group, true));
  });
  const exactContributions = scored.map((item, i) => (effectiveWeights[i] ?? 0) * (item.score ?? 0));
  const hasScore = effectiveWeights.some((weight) => weight > 0);
  const score = hasScore ? roundTo(exactContributions.reduce((sum, value) => sum + value, 0)) : null;
  const contributions = apportionRounded(exactContributions, 1, score ?? 0);

  return {
    scorecardId: scorecard.id,
    scorecardVersion: scorecard.version,
    score,
    band: calculateBand(score, scorecard.bands),
    outcome: nullableRound(groupScores.get('outcome') ?? null),
    experience: nullableRound(groupScores.get('experience') ?? null),
    coverage: calculateCoverage(
      scorecard,
      scored.map((item) => item.raw !== null),
    ),
    measures: scored.map((item, i) => ({
      key: item.measure.key,
      label: item.measure.label,
      kind: item.measure.kind,
      group: item.measure.group,
      raw: item.raw,
      detail: item.raw === null ? null : (details[item.measure.key] ?? null),
      score: item.score,
      weight: item.measure.weight,
      effectiveWeight: effectiveWeights[i] ?? 0,
      contribution: contributions[i] ?? 0,
    })),
  };
}

/** The nominal weight (every input present) of the measures with data, over the total nominal weight. */
function calculateCoverage(scorecard: Scorecard, hasData: boolean[]): number {
  const totalGroupWeight = GROUPS.reduce((sum, group) => sum + scorecard.groups[group].weight, 0);
  let covered = 0;
  let total = 0;
  for (const group of GROUPS) {
    const members = scorecard.measures
      .map((measure, i) => ({ measure, hasData: hasData[i] ?? false }))
      .filter((item) => item.measure.group === group);
    const memberWeight = members.reduce((sum, item) => sum + item.measure.weight, 0);
    if (memberWeight <= 0 || totalGroupWeight <= 0) continue;
    const groupShare = scorecard.groups[group].weight / totalGroupWeight;
    for (const item of members) {
      const nominal = groupShare * (item.measure.weight / memberWeight);
      total += nominal;
      if (item.hasData) covered += nominal;
    }
  }
  return total > 0 ? covered / total : 0;
}

function nullableRound(value: number | null): number | null {
  return value === null ? null : roundTo(value);
}
