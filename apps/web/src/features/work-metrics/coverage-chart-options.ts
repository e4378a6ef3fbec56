import { COVERAGE_STAGES, type CoveragePattern, type CoveragePortfolio } from '@northstar/contracts';
import type { Tone } from '../../ui/badge';
import type { UsageChartOption } from '../usage/usage-chart-options';

export const patternTone: Record<CoveragePattern, Tone> = {
  balanced: 'green',
  top_heavy: 'amber',
  dumbbell: 'red',
  insufficient_data: 'neutral',
};

/**
 * Effort per 30 account-days, or null when the accounts spent less than a whole day there: a touch
 * logged minutes after a stage change would otherwise read as thousands per month.
 */
export function shownIntensity(stage: Pick<CoveragePortfolio['stages'][number], 'intensity' | 'accountDays'> | undefined): number | null {
  if (!stage || stage.accountDays < 1) return null;
  return stage.intensity;
}

/** A portfolio's effort per 30 account-days in each working stage, in stage order (null: no time spent there). */
export function stageIntensities(portfolio: Pick<CoveragePortfolio, 'stages'>): (number | null)[] {
  return COVERAGE_STAGES.map((stage) => shownIntensity(portfolio.stages.find((s) => s.stage === stage)));
}

const PHASE_STAGES = { early: ['handoff', 'onboarding'], middle: ['rollout', 'stable'], late: ['renewal'] } as const;

/** A phase's effort as the server computed it, or null when its stages add up to less than a day. */
export function shownPhase(portfolio: Pick<CoveragePortfolio, 'stages' | 'phases'>, phase: keyof typeof PHASE_STAGES): number | null {
  const days = portfolio.stages
    .filter((s) => (PHASE_STAGES[phase] as readonly string[]).includes(s.stage))
    .reduce((sum, s) => sum + s.accountDays, 0);
  return days < 1 ? null : portfolio.phases[phase];
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * Touches + tasks per 30 account-days for each stage: one bar series per portfolio (CSM or tier),
 * the whole team as a dashed line. A top-heavy portfolio's bars fall away after onboarding; a
 * dumbbell's dip in rollout and stable use and rise again at renewal.
 */
export function buildCoverageOption(
  portfolios: readonly CoveragePortfolio[],
  team: CoveragePortfolio | undefined,
  labels: { stages: Record<string, string>; team: string; axis: string },
): UsageChartOption {
  const categories = COVERAGE_STAGES.map((s) => labels.stages[s] ?? s);
  const bars = portfolios.map((p) => ({ name: p.name, type: 'bar' as const, data: stageIntensities(p).map(round) }));
  const line = team
    ? [
        {
          name: labels.team,
          type: 'line' as const,
          data: stageIntensities(team).map(round),
          lineStyle: { type: 'dashed' as const, width: 2 },
          symbolSize: 6,
          z: 10,
        },
      ]
    : [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0, data: [...(team ? [labels.team] : []), ...portfolios.map((p) => p.name)] },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: labels.axis, nameTextStyle: { align: 'left' } },
    series: [...line, ...bars],
  };
}
