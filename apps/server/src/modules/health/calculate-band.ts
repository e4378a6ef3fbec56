import type { Band, BandThresholds } from './scorecard';

/** The band of a score (red < bands.red ≤ yellow < bands.yellow ≤ green); null score is no band. */
export function calculateBand(score: number | null, bands: BandThresholds): Band | null {
  if (score === null) return null;
  if (score < bands.red) return 'red';
  if (score < bands.yellow) return 'yellow';
  return 'green';
}
