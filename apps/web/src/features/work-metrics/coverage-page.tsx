import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COVERAGE_STAGES, type Coverage, type CoveragePortfolio } from '@northstar/contracts';
import { TierBadge } from '../accounts/account-badges';
import { UsageChart } from '../usage/usage-chart';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Table, Td, Th, Tr } from '../../ui/table';
import { buildCoverageOption, patternTone, shownIntensity, shownPhase } from './coverage-chart-options';
import { ReportRange, useReportParams } from './report-range';
import { formatDays } from './sop-view-model';
import { useCoverage } from './work-metrics-api';

/**
 * Lifecycle coverage: touches and tasks per stage, normalised by time in the stage, for each CSM's
 * and each tier's portfolio, classified balanced / top-heavy (头重脚轻) / dumbbell (哑铃型); and the
 * rollout or stable accounts nobody has touched lately.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { values, set } = useReportParams(['staleDays']);
  const [by, setBy] = useState<'csms' | 'tiers'>('csms');
  const coverage = useCoverage({ from: values.from, to: values.to, staleDays: values.staleDays });

  if (coverage.isPending) return <Loading />;
  const c = coverage.data;
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('workMetrics.coverage.title')}
        subtitle={c ? t('workMetrics.period', { from: format.date(c.from), to: format.date(c.to) }) : undefined}
        actions={
          <ReportRange from={values.from ?? c?.from} to={values.to ?? c?.to} onChange={set}>
            <Field label={t('workMetrics.coverage.staleDays')} htmlFor="stale-days">
              <Input
                id="stale-days"
                type="number"
                min={1}
                max={730}
                className="w-24"
                value={values.staleDays ?? String(c?.staleDays ?? '')}
                onChange={(e) => set('staleDays', e.target.value)}
              />
            </Field>
          </ReportRange>
        }
      />
      <ErrorBanner error={coverage.error} />
      {c && (
        <>
          <p className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-600">{t('workMetrics.coverage.explain')}</p>
          <Card
            title={t('workMetrics.coverage.chartTitle')}
            actions={
              <div className="flex rounded-md border border-zinc-300 bg-white p-0.5" role="group" aria-label={t('workMetrics.coverage.by')}>
                {(['csms', 'tiers'] as const).map((b) => (
                  <button
                    key={b}
                    type="button"
                    aria-pressed={by === b}
                    onClick={() => setBy(b)}
                    className={cx(
                      'rounded px-2.5 py-0.5 text-xs',
                      by === b ? 'bg-indigo-600 text-white' : 'text-zinc-700 hover:bg-zinc-100',
                    )}
                  >
                    {t(`workMetrics.coverage.byOptions.${b}`)}
                  </button>
                ))}
              </div>
            }
          >
            <CoverageChart coverage={c} portfolios={c[by]} />
          </Card>
          <PortfolioTable portfolios={[c.team, ...c[by]]} />
          <StaleAccounts coverage={c} />
        </>
      )}
    </div>
  );
}

function CoverageChart({ coverage, portfolios }: { coverage: Coverage; portfolios: CoveragePortfolio[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      buildCoverageOption(portfolios, coverage.team, {
        stages: Object.fromEntries(COVERAGE_STAGES.map((s) => [s, t(`stages.${s}`)])),
        team: t('workMetrics.coverage.team'),
        axis: t('workMetrics.coverage.axis'),
      }),
    [portfolios, coverage.team, t],
  );
  if (portfolios.length === 0) return <EmptyState title={t('workMetrics.coverage.noPortfolios')} />;
  return <UsageChart option={option} height={300} label={t('workMetrics.coverage.chartTitle')} />;
}

function PortfolioTable({ portfolios }: { portfolios: CoveragePortfolio[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('workMetrics.coverage.portfolios')}>
      <Table label={t('workMetrics.coverage.portfolios')}>
        <thead>
          <tr>
            <Th>{t('workMetrics.coverage.portfolio')}</Th>
            <Th align="right">{t('workMetrics.coverage.accounts')}</Th>
            <Th>{t('workMetrics.coverage.pattern')}</Th>
            <Th align="right">{t('workMetrics.coverage.phases.early')}</Th>
            <Th align="right">{t('workMetrics.coverage.phases.middle')}</Th>
            <Th align="right">{t('workMetrics.coverage.phases.late')}</Th>
            {COVERAGE_STAGES.map((s) => (
              <Th key={s} align="right">
                {t(`stages.${s}`)}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {portfolios.map((p) => (
            <Tr key={p.key} className={p.key === 'team' ? 'bg-zinc-50 font-medium' : undefined}>
              <Td className="whitespace-nowrap font-medium">{p.key === 'team' ? t('workMetrics.coverage.team') : p.name}</Td>
              <Td align="right">{format.number(p.accounts)}</Td>
              <Td className="whitespace-nowrap">
                <span data-testid="coverage-pattern">
                  <Badge tone={patternTone[p.pattern]}>{t(`workMetrics.patterns.${p.pattern}`)}</Badge>
                </span>
              </Td>
              <Td align="right">{formatDays(shownPhase(p, 'early'), format.locale)}</Td>
              <Td align="right">{formatDays(shownPhase(p, 'middle'), format.locale)}</Td>
              <Td align="right">{formatDays(shownPhase(p, 'late'), format.locale)}</Td>
              {COVERAGE_STAGES.map((stage) => {
                const s = p.stages.find((x) => x.stage === stage);
                return (
                  <Td
                    key={stage}
                    align="right"
                    title={s ? t('workMetrics.coverage.cellTitle', { touches: s.touches, tasks: s.tasks, days: s.accountDays }) : undefined}
                  >
                    {formatDays(shownIntensity(s), format.locale)}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-[11px] text-zinc-500">{t('workMetrics.coverage.unit')}</p>
    </Card>
  );
}

function StaleAccounts({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('workMetrics.coverage.stale', { count: coverage.staleAccountCount, days: coverage.staleDays })}>
      {coverage.staleAccounts.length === 0 ? (
        <EmptyState title={t('workMetrics.coverage.noStale')} />
      ) : (
        <Table label={t('workMetrics.coverage.staleLabel')}>
          <thead>
            <tr>
              <Th>{t('workMetrics.coverage.account')}</Th>
              <Th>{t('workMetrics.coverage.owner')}</Th>
              <Th>{t('workMetrics.coverage.tier')}</Th>
              <Th>{t('workMetrics.coverage.stage')}</Th>
              <Th align="right">{t('workMetrics.coverage.arr')}</Th>
              <Th>{t('workMetrics.coverage.lastTouch')}</Th>
              <Th align="right">{t('workMetrics.coverage.daysSince')}</Th>
            </tr>
          </thead>
          <tbody data-testid="stale-accounts">
            {coverage.staleAccounts.map((a) => (
              <Tr key={a.accountId}>
                <Td>
                  <Link to={`/accounts/${a.accountId}`} className="font-medium text-indigo-700 hover:underline">
                    {a.name}
                  </Link>
                </Td>
                <Td>{a.ownerName ?? '—'}</Td>
                <Td>
                  <TierBadge tier={a.tier} />
                </Td>
                <Td>{t(`stages.${a.stage}`)}</Td>
                <Td align="right">{format.number(a.arr)}</Td>
                <Td className="whitespace-nowrap">{a.lastTouchAt ? format.date(a.lastTouchAt) : t('workMetrics.coverage.never')}</Td>
                <Td align="right" className={a.daysSinceTouch === null ? 'text-red-700' : undefined}>
                  {a.daysSinceTouch ?? '∞'}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {coverage.staleAccountCount > coverage.staleAccounts.length && (
        <p className="mt-2 text-[11px] text-zinc-500">
          {t('workMetrics.coverage.moreStale', { count: coverage.staleAccountCount - coverage.staleAccounts.length })}
        </p>
      )}
    </Card>
  );
}
