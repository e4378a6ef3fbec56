import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortfolioHealth } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { TierBadge } from '../accounts/account-badges';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { HealthChart } from './health-chart';
import { buildBandDistributionOption } from './health-chart-options';
import { usePortfolioHealth, useRecomputeHealth } from './health-api';
import { BandBadge } from './health-badge';
import { BAND_COLOURS, formatPoints, formatScore } from './health-view-model';

/** Portfolio health: accounts per band over time, today's counts and this week's biggest movers. */
export function PortfolioHealthPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const portfolio = usePortfolioHealth(range.from, range.to);
  const recompute = useRecomputeHealth();
  const bandLabels = useMemo(
    () => ({ red: t('health.bands.red'), yellow: t('health.bands.yellow'), green: t('health.bands.green'), noData: t('health.noData') }),
    [t],
  );
  const days = portfolio.data?.days;
  const option = useMemo(() => buildBandDistributionOption(days ?? [], bandLabels), [days, bandLabels]);

  if (portfolio.isPending) return <Loading />;
  if (!portfolio.data) return <ErrorBanner error={portfolio.error} />;
  const p = portfolio.data;
  const latest = p.days.at(-1);

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('health.portfolio.title')}
        subtitle={t('health.portfolio.subtitle', { red: p.bands.red, yellow: p.bands.yellow })}
        actions={
          <>
            <Input
              type="date"
              className="w-36"
              value={range.from ?? p.from}
              max={range.to ?? p.to}
              aria-label={t('health.portfolio.from')}
              onChange={(e) => setRange({ ...range, from: e.target.value || undefined })}
            />
            <span className="text-zinc-400">–</span>
            <Input
              type="date"
              className="w-36"
              value={range.to ?? p.to}
              aria-label={t('health.portfolio.to')}
              onChange={(e) => setRange({ ...range, to: e.target.value || undefined })}
            />
            {can('health:manage') && (
              <Button onClick={() => recompute.mutate({})} disabled={recompute.isPending}>
                {recompute.isPending ? t('health.portfolio.recomputing') : t('health.portfolio.recompute')}
              </Button>
            )}
          </>
        }
      />
      <ErrorBanner error={recompute.error} />
      {recompute.data && (
        <p className="text-xs text-zinc-600" role="status">
          {t('health.portfolio.recomputed', {
            accounts: recompute.data.accounts,
            bandChanges: recompute.data.bandChanges,
            ms: Math.round(recompute.data.durationMs),
          })}
        </p>
      )}
      {latest ? (
        <BandCounts day={latest} />
      ) : (
        <EmptyState title={t('health.portfolio.empty')}>{t('health.portfolio.emptyHint')}</EmptyState>
      )}
      <Card title={t('health.portfolio.distribution')}>
        <div className={portfolio.isPlaceholderData ? 'opacity-60' : undefined}>
          <HealthChart option={option} height={260} label={t('health.portfolio.distribution')} />
        </div>
      </Card>
      <Card title={t('health.portfolio.movers', { from: p.movers.from, to: p.movers.to })}>
        <div className="grid gap-4 lg:grid-cols-2">
          <MoverTable title={t('health.portfolio.decliners')} movers={p.movers.decliners} testId="health-decliners" />
          <MoverTable title={t('health.portfolio.improvers')} movers={p.movers.improvers} testId="health-improvers" />
        </div>
      </Card>
    </div>
  );
}

function BandCounts({ day }: { day: PortfolioHealth['days'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = day.red + day.yellow + day.green + day.noData;
  const cells = [
    { key: 'red', label: t('health.bands.red'), value: day.red, colour: BAND_COLOURS.red },
    { key: 'yellow', label: t('health.bands.yellow'), value: day.yellow, colour: BAND_COLOURS.yellow },
    { key: 'green', label: t('health.bands.green'), value: day.green, colour: BAND_COLOURS.green },
    { key: 'noData', label: t('health.noData'), value: day.noData, colour: BAND_COLOURS.noData },
  ];
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-5" data-testid="health-band-counts">
      {cells.map((c) => (
        <div key={c.key} className="rounded-md border border-zinc-200 bg-white px-3 py-2" data-band={c.key}>
          <div className="flex items-center gap-1.5 text-[11px] uppercase tracking-wide text-zinc-500">
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: c.colour }} />
            {c.label}
          </div>
          <div className="text-lg font-semibold tabular-nums text-zinc-900" data-testid="band-count">
            {format.number(c.value)}
          </div>
          <div className="text-[11px] text-zinc-500">{total ? `${Math.round((c.value / total) * 100)}%` : '—'}</div>
        </div>
      ))}
      <div className="rounded-md border border-zinc-200 bg-white px-3 py-2">
        <div className="text-[11px] uppercase tracking-wide text-zinc-500">{t('health.portfolio.average')}</div>
        <div className="text-lg font-semibold tabular-nums text-zinc-900">
          {day.averageScore === null ? '—' : formatScore(day.averageScore)}
        </div>
        <div className="text-[11px] text-zinc-500">{day.date}</div>
      </div>
    </div>
  );
}

function MoverTable({ title, movers, testId }: { title: string; movers: PortfolioHealth['movers']['decliners']; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold text-zinc-700">{title}</h3>
      {movers.length === 0 ? (
        <p className="text-xs text-zinc-500">{t('health.portfolio.noMovers')}</p>
      ) : (
        <table className="w-full text-xs" data-testid={testId}>
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1">{t('health.account.name')}</th>
              <th>{t('accounts.fields.tier')}</th>
              <th>{t('accounts.fields.owner')}</th>
              <th className="text-right">{t('health.score')}</th>
              <th className="text-right">{t('health.portfolio.change')}</th>
            </tr>
          </thead>
          <tbody>
            {movers.map((m) => (
              <tr key={m.accountId} className="border-t border-zinc-100">
                <td className="py-1">
                  <Link className="text-indigo-700 hover:underline" to={`/accounts/${m.accountId}`}>
                    {m.name}
                  </Link>
                </td>
                <td>
                  <TierBadge tier={m.tier} />
                </td>
                <td>{m.ownerName ?? '—'}</td>
                <td className="text-right whitespace-nowrap tabular-nums">
                  {formatScore(m.fromScore)} <BandBadge band={m.fromBand} /> → {formatScore(m.toScore)} <BandBadge band={m.toBand} />
                </td>
                <td className={cx('text-right font-semibold tabular-nums', m.change < 0 ? 'text-red-700' : 'text-emerald-700')}>
                  {formatPoints(m.change)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
