import type { MeasureResult } from './calculate-health-score';
import type { Scorecard } from './scorecard';

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
