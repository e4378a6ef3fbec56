import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BacktestReportDto } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';
import { HealthChart } from './health-chart';
import { buildBandChurnOption } from './health-chart-options';
import { useAcceptSuggestion, useBacktest, useScorecards } from './health-api';
import { formatAuc, formatShare, toLanguage } from './health-view-model';

const HORIZONS = [30, 60, 90, 180, 365] as const;

/** /health/backtest — does the score predict churn? AUC, churn per band, lift, per-measure AUC and fitted weights. */
export function BacktestPage() {
  const { t } = useTranslation();
  const [horizonDays, setHorizonDays] = useState<number>(90);
  const [scorecardId, setScorecardId] = useState('default');
  const scorecards = useScorecards();
  const report = useBacktest(horizonDays, scorecardId);

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('health.backtest.title')}
        subtitle={t('health.backtest.subtitle')}
        actions={
          <>
            <label className="flex items-center gap-1 whitespace-nowrap text-xs text-zinc-600">
              {t('health.backtest.scorecard')}
              <Select
                className="w-48"
                value={scorecardId}
                options={(scorecards.data?.items ?? [{ id: 'default', name: 'default' }]).map((s) => ({ value: s.id, label: s.name }))}
                onChange={(e) => setScorecardId(e.target.value)}
              />
            </label>
            <label className="flex items-center gap-1 whitespace-nowrap text-xs text-zinc-600">
              {t('health.backtest.horizon')}
              <Select
                className="w-32"
                value={String(horizonDays)}
                options={HORIZONS.map((d) => ({ value: String(d), label: t('health.backtest.days', { count: d }) }))}
                onChange={(e) => setHorizonDays(Number(e.target.value))}
              />
            </label>
          </>
        }
      />
      <ErrorBanner error={report.error} />
      {report.isPending && !report.isError ? (
        <Loading />
      ) : report.data ? (
        <div className={cx('flex flex-col gap-3', report.isPlaceholderData && 'opacity-60')}>
          <BacktestReport report={report.data} />
        </div>
      ) : null}
    </div>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2" data-testid={testId}>
      <div className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</div>
      <div className="text-lg font-semibold tabular-nums text-zinc-900">{value}</div>
      {hint && <div className="text-[11px] text-zinc-500">{hint}</div>}
    </div>
  );
}

function BacktestReport({ report }: { report: BacktestReportDto }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = toLanguage(i18n.language);
  const labels = useMemo(
    () => ({
      red: t('health.bands.red'),
      yellow: t('health.bands.yellow'),
      green: t('health.bands.green'),
      noData: t('health.noData'),
      churnRate: t('health.backtest.churnRate'),
    }),
    [t],
  );
  const churnOption = useMemo(
    () => buildBandChurnOption(report.bands, labels, report.baseChurnRate),
    [report.bands, report.baseChurnRate, labels],
  );
  const measures = [...report.measures].sort((a, b) => (b.auc ?? -1) - (a.auc ?? -1));

  if (report.accounts === 0) return <EmptyState title={t('health.backtest.noOutcomes')}>{t('health.backtest.noOutcomesHint')}</EmptyState>;
  return (
    <>
      <p className="text-xs text-zinc-500">
        {t('health.backtest.basis', {
          scorecard: report.scorecardId,
          version: report.scorecardVersion,
          asOf: format.date(report.asOf),
          horizon: report.horizonDays,
        })}
      </p>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-3 lg:grid-cols-6">
        <Stat
          label={t('health.backtest.auc')}
          value={formatAuc(report.auc) || '—'}
          hint={t('health.backtest.aucHint')}
          testId="backtest-auc"
        />
        <Stat
          label={t('health.backtest.accounts')}
          value={format.number(report.accounts)}
          hint={t('health.backtest.scored', { count: report.scored })}
          testId="backtest-accounts"
        />
        <Stat
          label={t('health.backtest.churned')}
          value={format.number(report.churned)}
          hint={t('health.backtest.retained', { count: report.retained })}
          testId="backtest-churned"
        />
        <Stat label={t('health.backtest.baseRate')} value={formatShare(report.baseChurnRate, 1) || '—'} />
        <Stat
          label={t('health.backtest.lift')}
          value={report.lowestDecileLift === null ? '—' : `×${report.lowestDecileLift.toFixed(2)}`}
          hint={t('health.backtest.liftHint')}
          testId="backtest-lift"
        />
        <Stat label={t('health.backtest.coverage')} value={formatShare(report.meanCoverage) || '—'} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <Card title={t('health.backtest.bandChurn')}>
          <HealthChart option={churnOption} height={240} label={t('health.backtest.bandChurn')} />
          <table className="mt-2 w-full text-xs" data-testid="backtest-bands">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="py-1">{t('health.backtest.band')}</th>
                <th className="text-right">{t('health.backtest.accounts')}</th>
                <th className="text-right">{t('health.backtest.churned')}</th>
                <th className="text-right">{t('health.backtest.churnRate')}</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {report.bands.map((b) => (
                <tr key={b.band} className="border-t border-zinc-100">
                  <td className="py-1">{b.band === 'no_data' ? t('health.noData') : t(`health.bands.${b.band}`)}</td>
                  <td className="text-right">{b.accounts}</td>
                  <td className="text-right">{b.churned}</td>
                  <td className="text-right">{formatShare(b.churnRate, 1) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t('health.backtest.measureAuc')}>
          <Table label={t('health.backtest.measureAuc')}>
            <thead>
              <tr>
                <Th>{t('health.measure')}</Th>
                <Th>{t('health.group')}</Th>
                <Th align="right">{t('health.backtest.auc')}</Th>
                <Th align="right">{t('health.backtest.withData')}</Th>
              </tr>
            </thead>
            <tbody data-testid="backtest-measures">
              {measures.map((m) => (
                <Tr key={m.name}>
                  <Td>{m.label[lang]}</Td>
                  <Td className="text-xs text-zinc-500">{m.group === 'outcome' ? t('health.outcome') : t('health.experience')}</Td>
                  <Td align="right" className={cx(m.auc !== null && m.auc < 0.5 && 'text-red-700')}>
                    {formatAuc(m.auc) || '—'}
                  </Td>
                  <Td align="right">
                    {m.accounts} <span className="text-zinc-400">({t('health.backtest.churnedCount', { count: m.churned })})</span>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
      {report.suggestion ? (
        <SuggestionCard report={report} suggestion={report.suggestion} />
      ) : (
        <Card title={t('health.backtest.suggestion')}>{t('health.backtest.noSuggestion')}</Card>
      )}
    </>
  );
}

function SuggestionCard({ report, suggestion }: { report: BacktestReportDto; suggestion: NonNullable<BacktestReportDto['suggestion']> }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const lang = toLanguage(i18n.language);
  const accept = useAcceptSuggestion(report.scorecardId);
  const labelOf = (key: string) => report.measures.find((m) => m.name === key)?.label[lang] ?? key;
  const change = suggestion.aucChange;

  function onAccept() {
    if (!window.confirm(t('health.backtest.confirmAccept', { scorecard: report.scorecardId }))) return;
    accept.mutate({
      horizonDays: report.horizonDays,
      baseVersion: report.scorecardVersion,
      note: t('health.backtest.acceptNote', { horizon: report.horizonDays }),
    });
  }

  return (
    <Card
      title={t('health.backtest.suggestion')}
      actions={
        can('health:manage') &&
        !accept.isSuccess && (
          <Button variant="primary" size="sm" onClick={onAccept} disabled={accept.isPending}>
            {t('health.backtest.accept')}
          </Button>
        )
      }
    >
      <div className="flex flex-col gap-2 text-[13px]" data-testid="backtest-suggestion">
        <p className="text-xs text-zinc-600">
          {t('health.backtest.method', { method: suggestion.method })}{' '}
          {t('health.backtest.aucInSample', {
            current: formatAuc(suggestion.inSample.current) || '—',
            suggested: formatAuc(suggestion.inSample.suggested) || '—',
          })}
          {suggestion.crossValidated &&
            ` · ${t('health.backtest.aucCrossValidated', {
              folds: suggestion.crossValidated.folds,
              current: formatAuc(suggestion.crossValidated.current) || '—',
              suggested: formatAuc(suggestion.crossValidated.suggested) || '—',
            })}`}
        </p>
        <p
          className={cx('font-semibold', change === null ? 'text-zinc-500' : change >= 0 ? 'text-emerald-700' : 'text-red-700')}
          data-testid="backtest-auc-change"
        >
          {change === null
            ? t('health.backtest.aucChangeUnknown')
            : t('health.backtest.aucChange', { change: `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(3)}` })}
        </p>
        {change !== null && change < 0 && <p className="text-xs text-zinc-600">{t('health.backtest.worse')}</p>}
        <table className="w-full text-xs">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1">{t('health.measure')}</th>
              <th>{t('health.group')}</th>
              <th className="text-right">{t('health.backtest.currentWeight')}</th>
              <th className="text-right">{t('health.backtest.suggestedWeight')}</th>
              <th className="text-right">{t('health.backtest.perPoint')}</th>
              <th className="text-right">{t('health.backtest.observed')}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {(['outcome', 'experience'] as const).map((g) => (
              <tr key={g} className="border-t border-zinc-100 bg-zinc-50 font-medium">
                <td className="py-1">{g === 'outcome' ? t('health.outcomeLong') : t('health.experienceLong')}</td>
                <td />
                <td className="text-right">{Math.round(suggestion.groups[g].current * 10) / 10}</td>
                <td className="text-right">{Math.round(suggestion.groups[g].suggested * 10) / 10}</td>
                <td />
                <td />
              </tr>
            ))}
            {suggestion.measures.map((m) => (
              <tr key={m.key} className="border-t border-zinc-100">
                <td className="py-1">{labelOf(m.key)}</td>
                <td className="text-zinc-500">{m.group === 'outcome' ? t('health.outcome') : t('health.experience')}</td>
                <td className="text-right">{Math.round(m.currentWeight * 10) / 10}</td>
                <td
                  className={cx(
                    'text-right font-semibold',
                    m.suggestedWeight > m.currentWeight ? 'text-emerald-700' : m.suggestedWeight < m.currentWeight ? 'text-red-700' : '',
                  )}
                >
                  {Math.round(m.suggestedWeight * 10) / 10}
                </td>
                <td className={cx('text-right', m.perPoint <= 0 && 'text-zinc-400')}>{m.perPoint.toFixed(4)}</td>
                <td className="text-right">{m.observed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ErrorBanner error={accept.error} />
        {accept.data && (
          <p role="status" className="text-xs text-emerald-700">
            {t('health.backtest.accepted', { version: accept.data.version })}{' '}
            <Link className="text-indigo-700 hover:underline" to={`/health/scorecards/${encodeURIComponent(accept.data.id)}`}>
              {t('health.backtest.openScorecard')}
            </Link>
          </p>
        )}
      </div>
    </Card>
  );
}
