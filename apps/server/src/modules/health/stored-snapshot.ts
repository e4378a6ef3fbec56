import type { MeasureResult, ScoreParts } from './calculate-health-score';
import type { MeasureDetail, Scorecard } from './scorecard';

/**
 * One measure of a stored snapshot, in the order of its scorecard version's measures:
 * [raw, score, effectiveWeight, contribution] or, with a ratio's parts, [..., count, of]; null
 * when the measure had no data. Arrays rather than objects: a snapshot row is written per account
 * per day, and named keys would double its size.
 */
export type StoredMeasure =
  [number | null, number | null, number, number] | [number | null, number | null, number, number, number, number] | null;

/** The measures of a score, compactly. effectiveWeight keeps 4 decimals (a share of the score). */
export function encodeMeasures(measures: readonly MeasureResult[]): StoredMeasure[] {
  return measures.map((m) => {
    if (m.raw === null) return null;
    const head: [number | null, number | null, number, number] = [
      m.raw,
      m.score,
      Math.round(m.effectiveWeight * 10_000) / 10_000,
      m.contribution,
    ];
    return m.detail ? [...head, m.detail.count, m.detail.of] : head;
  });
}

/**
 * encodeMeasures(calculateHealthScore(scorecard, inputs, details).measures) straight from the
 * score's parts, without the labelled measure objects in between.
 */
export function encodeScoreParts(
  scorecard: Pick<Scorecard, 'measures'>,
  parts: Pick<ScoreParts, 'raws' | 'scores' | 'effectiveWeights' | 'contributions'>,
  details: Record<string, MeasureDetail>,
): StoredMeasure[] {
  const { raws, scores, effectiveWeights, contributions } = parts;
  return scorecard.measures.map((measure, i) => {
    const raw = raws[i]!;
    if (raw === null) return null;
    const head: [number | null, number | null, number, number] = [
      raw,
      scores[i]!,
      Math.round(effectiveWeights[i]! * 10_000) / 10_000,
      contributions[i] ?? 0,
    ];
    const detail = details[measure.key];
    return detail ? [...head, detail.count, detail.of] : head;
  });
}

/** Coverage as stored: 4 decimals. */
export function toStoredCoverage(coverage: number): number {
  return Math.round(coverage * 10_000) / 10_000;
}

/**
 * Stored measures' JSON as PostgreSQL prints the jsonb it becomes: ", " between elements. Only
 * numbers, nulls and arrays, so every comma separates. A number printed otherwise (an exponent)
 * differs, and the row is merely rewritten.
 */
export function toMeasuresText(measuresJson: string): string {
  return measuresJson.replaceAll(',', ', ');
}

/**
 * The measures back, labelled from the scorecard version that scored them. A snapshot whose
 * version has fewer measures (never expected) yields only the measures both know.
 */
export function decodeMeasures(stored: readonly StoredMeasure[], scorecard: Pick<Scorecard, 'measures'>): MeasureResult[] {
  return scorecard.measures.flatMap((measure, i) => {
    if (i >= stored.length) return [];
    const [raw, score, effectiveWeight, contribution, count, of] = stored[i] ?? [null, null, 0, 0];
    return [
      {
        key: measure.key,
        label: measure.label,
        kind: measure.kind,
        group: measure.group,
        raw,
        detail: count !== undefined && of !== undefined ? { count, of } : null,
        score,
        weight: measure.weight,
        effectiveWeight,
        contribution,
      },
    ];
  });
}
