import type { ExperienceInput, MeasureResultDto, Scorecard as ScorecardDto, ScorecardDefinition } from '@northstar/contracts';
import type { MeasureResult } from './calculate-health-score';
import type { ExperienceInputRow } from './health-inputs.repository';
import type { ScorecardVersionRow } from './health-scorecards.repository';

/** The scorecard as code (what export writes and import reads). */
export function toScorecardDefinition(row: Pick<ScorecardVersionRow, 'scorecardId' | 'definition'>): ScorecardDefinition {
  const { name, groups, measures, applicability } = row.definition;
  return { id: row.scorecardId, name, groups, measures, applicability } as ScorecardDefinition;
}

export function toVersionSummary(row: ScorecardVersionRow) {
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    authorId: row.authorId,
    authorName: row.authorName,
    source: row.source,
    note: row.note,
    changes: row.changes,
    summary: row.summary,
    isCurrent: row.version === row.currentVersion,
  };
}

export function toScorecardDto(row: ScorecardVersionRow): ScorecardDto {
  return { ...toScorecardDefinition(row), ...toVersionSummary(row) };
}

export function toMeasureResultDto(m: MeasureResult): MeasureResultDto {
  return {
    key: m.key,
    label: m.label,
    kind: m.kind,
    group: m.group,
    raw: m.raw,
    detail: m.detail,
    score: m.score,
    weight: m.weight,
    effectiveWeight: m.effectiveWeight,
    contribution: m.contribution,
  };
}

export function toExperienceInputDto(row: ExperienceInputRow): ExperienceInput {
  return {
    id: row.id,
    accountId: row.accountId,
    kind: row.kind,
    key: row.customKey === '' ? null : row.customKey,
    value: row.value,
    observedAt: row.observedAt.toISOString(),
    setById: row.setBy,
    setByName: row.setByName,
    source: row.source,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
