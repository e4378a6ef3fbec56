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

/** A running sum per group. */
type GroupSums = Record<MeasureGroup, number>;

/**
 * A health score's numbers, per measure in the scorecard's order, without the labelled measure
 * objects: what storage needs (see encodeScoreParts) for 100k accounts a recompute.
 */
export type ScoreParts = Omit<HealthScoreResult, 'measures'> & {
  raws: (number | null)[];
  scores: (number | null)[];
  effectiveWeights: number[];
  contributions: number[];
};

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
  const { raws, scores, effectiveWeights, contributions, ...result } = calculateScoreParts(scorecard, inputs);
  return {
    ...result,
    measures: scorecard.measures.map((measure, i) => {
      const raw = raws[i]!;
      return {
        key: measure.key,
        label: measure.label,
        kind: measure.kind,
        group: measure.group,
        raw,
        detail: raw === null ? null : (details[measure.key] ?? null),
        score: scores[i]!,
        weight: measure.weight,
        effectiveWeight: effectiveWeights[i]!,
        contribution: contributions[i] ?? 0,
      };
    }),
  };
}

/** calculateHealthScore's numbers alone. Plain loops: a recompute scores 100k accounts. */
export function calculateScoreParts(scorecard: Scorecard, inputs: MeasureInputs): ScoreParts {
  const measures = scorecard.measures;
  const count = measures.length;
  const raws = new Array<number | null>(count);
  const scores = new Array<number | null>(count);
  // Sums are added in measure order, as the reduce over the measures they replace did.
  const usableWeight: GroupSums = { outcome: 0, experience: 0 };
  const weighted: GroupSums = { outcome: 0, experience: 0 };
  for (let i = 0; i < count; i += 1) {
    const measure = measures[i]!;
    const input = inputs[measure.key];
    const raw = input !== null && input !== undefined && Number.isFinite(input) ? input : null;
    const exact = calculateMeasureScore(raw, measure.transform);
    // Measure scores are rounded before blending so that effectiveWeight × shown score is the contribution.
    const score = exact === null ? null : roundTo(exact);
    raws[i] = raw;
    scores[i] = score;
    if (score !== null && measure.weight > 0) {
      usableWeight[measure.group] += measure.weight;
      weighted[measure.group] += measure.weight * score;
    }
  }

  const outcome = usableWeight.outcome > 0 ? weighted.outcome / usableWeight.outcome : null;
  const experience = usableWeight.experience > 0 ? weighted.experience / usableWeight.experience : null;
  const activeGroupWeight =
    0 + (outcome !== null ? scorecard.groups.outcome.weight : 0) + (experience !== null ? scorecard.groups.experience.weight : 0);
  const effectiveWeights = new Array<number>(count);
  const exactContributions = new Array<number>(count);
  let hasScore = false;
  let exactTotal = 0;
  for (let i = 0; i < count; i += 1) {
    const measure = measures[i]!;
    const score = scores[i]!;
    const group = measure.group;
    const effectiveWeight =
      score === null || !(measure.weight > 0) || activeGroupWeight <= 0
        ? 0
        : (scorecard.groups[group].weight / activeGroupWeight) * (measure.weight / usableWeight[group]);
    effectiveWeights[i] = effectiveWeight;
    exactContributions[i] = effectiveWeight * (score ?? 0);
    if (effectiveWeight > 0) hasScore = true;
    exactTotal += exactContributions[i]!;
  }
  const score = hasScore ? roundTo(exactTotal) : null;
  return {
    scorecardId: scorecard.id,
    scorecardVersion: scorecard.version,
    score,
    band: calculateBand(score, scorecard.bands),
    outcome: nullableRound(outcome),
    experience: nullableRound(experience),
    coverage: calculateCoverage(scorecard, raws),
    raws,
    scores,
    effectiveWeights,
    contributions: apportionRounded(exactContributions, 1, score ?? 0),
  };
}

/** The nominal weight (every input present) of the measures with data, over the total nominal weight. */
function calculateCoverage(scorecard: Scorecard, raws: readonly (number | null)[]): number {
  const totalGroupWeight = 0 + scorecard.groups.outcome.weight + scorecard.groups.experience.weight;
  const measures = scorecard.measures;
  let covered = 0;
  let total = 0;
  for (const group of GROUPS) {
    let memberWeight = 0;
    for (const measure of measures) if (measure.group === group) memberWeight += measure.weight;
    if (memberWeight <= 0 || totalGroupWeight <= 0) continue;
    const groupShare = scorecard.groups[group].weight / totalGroupWeight;
    for (let i = 0; i < measures.length; i += 1) {
      const measure = measures[i]!;
      if (measure.group !== group) continue;
      const nominal = groupShare * (measure.weight / memberWeight);
      total += nominal;
      if (raws[i] !== null) covered += nominal;
    }
  }
  return total > 0 ? covered / total : 0;
}

function nullableRound(value: number | null): number | null {
  return value === null ? null : roundTo(value);
}
