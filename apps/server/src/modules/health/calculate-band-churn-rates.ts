import { calculateBand } from './calculate-band';
import type { OutcomeSample } from './calculate-roc-auc';
import type { Band, BandThresholds } from './scorecard';

/** Churn among the accounts of one band; `no_data` holds accounts that had no score. */
export type BandChurnRate = { band: Band | 'no_data'; accounts: number; churned: number; churnRate: number | null };

/**
 * Churn rate per band, red → yellow → green → no data, so a backtest shows whether red really
 * churns more. Accounts without a score are reported apart rather than dropped: "no data" is
 * itself a risk signal worth seeing.
 */
export function calculateBandChurnRates(samples: readonly OutcomeSample[], bands: BandThresholds): BandChurnRate[] {
  const order: (Band | 'no_data')[] = ['red', 'yellow', 'green', 'no_data'];
  return order.map((band) => {
    const members = samples.filter(
      (sample) => (calculateBand(Number.isFinite(sample.score) ? sample.score : null, bands) ?? 'no_data') === band,
    );
    const churned = members.filter((sample) => sample.churned).length;
    return { band, accounts: members.length, churned, churnRate: members.length > 0 ? churned / members.length : null };
  });
}
