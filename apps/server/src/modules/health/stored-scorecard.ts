import type { ErrorDetail, ScorecardDefinition } from '@northstar/contracts';
import { validateScorecard, type BandThresholds, type Scorecard } from './scorecard';

/** What a version row stores: the scorecard as code without its id, version and bands (the workspace's). */
export type StoredScorecard = Omit<Scorecard, 'id' | 'version' | 'bands'>;

/** The defaults DOMAIN §2 names: red < 40 ≤ yellow < 70 ≤ green. */
export const DEFAULT_BANDS: BandThresholds = { red: 40, yellow: 70 };

/** A stored definition as the scorer sees it, with the workspace's bands. */
export function toScorecard(stored: StoredScorecard, id: string, version: number, bands: BandThresholds): Scorecard {
  return { ...stored, id, version, bands };
}

/**
 * The storable part of a scorecard, fields in a fixed order (so exports and diffs are stable) and
 * without what does not apply: a northStar source only on a north-star measure, empty rule lists dropped.
 */
export function toStoredScorecard(input: Omit<ScorecardDefinition, 'id'> | StoredScorecard): StoredScorecard {
  const rule = input.applicability;
  return {
    name: input.name.trim(),
    groups: { outcome: { weight: input.groups.outcome.weight }, experience: { weight: input.groups.experience.weight } },
    measures: input.measures.map((m) => ({
      key: m.key,
      label: { en: m.label.en, 'zh-CN': m.label['zh-CN'] },
      group: m.group,
      weight: m.weight,
      kind: m.kind,
      transform:
        m.transform.type === 'linear'
          ? { type: 'linear', direction: m.transform.direction, min: m.transform.min, max: m.transform.max }
          : { type: 'thresholds', direction: m.transform.direction, cuts: [...m.transform.cuts], scores: [...m.transform.scores] },
      ...(m.kind === 'north_star' && m.northStar ? { northStar: { ...m.northStar } } : {}),
    })),
    applicability: {
      ...(rule.tiers?.length ? { tiers: [...rule.tiers] } : {}),
      ...(rule.stages?.length ? { stages: [...rule.stages] } : {}),
      ...(rule.segmentIds?.length ? { segmentIds: [...rule.segmentIds] } : {}),
      priority: rule.priority,
    },
  };
}

/** Every problem of a proposed definition, fields named from `prefix` (e.g. "scorecard." in a preview body). */
export function findScorecardProblems(stored: StoredScorecard, id: string, prefix = '', location = 'body'): ErrorDetail[] {
  // Bands are the workspace's, so any valid pair stands in for the check.
  return validateScorecard(toScorecard(stored, id, 1, DEFAULT_BANDS)).map((p) => ({ ...p, field: `${prefix}${p.field ?? ''}`, location }));
}
