import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useCan } from '../auth/session';
import { TierBadge } from '../accounts/account-badges';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { buildParetoOption } from './pareto-chart-options';
import { TieringPolicyCard } from './tiering-policy-card';
import { useRecomputeTiers, useTiersOverview } from './tiers-api';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The portfolio by tier: the Pareto curve, each tier's count and ARR share. */
export function TiersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const overview = useTiersOverview();
  const recompute = useRecomputeTiers();
  const chartRef = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => ({ accounts: t('tiering.accountShare'), arr: t('tiering.arrShare'), equal: t('tiering.equalLine') }), [t]);
  const points = overview.data?.points;

  useEffect(() => {
    if (!chartRef.current || !points) return;
    const chart = echarts.init(chartRef.current);
    chart.setOption(buildParetoOption(points, labels));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(chartRef.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [points, labels]);

  if (overview.isPending) return <Loading />;
  if (!overview.data) return <ErrorBanner error={overview.error} />;
  const o = overview.data;
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('tiering.title')}
        subtitle={t('tiering.subtitle', {
          share: percent(o.top20ArrShare),
          when: o.computedAt ? format.dateTime(o.computedAt) : t('tiering.never'),
        })}
        actions={
          can('tiers:manage') && (
            <Button variant="primary" onClick={() => recompute.mutate()} disabled={recompute.isPending}>
              {recompute.isPending ? t('tiering.recomputing') : t('tiering.recompute')}
            </Button>
          )
        }
      />
      <ErrorBanner error={recompute.error} />
      {recompute.data && (
        <p role="status" className="text-xs text-zinc-600" data-testid="recompute-result">
          {t('tiering.recomputed', { accounts: recompute.data.accounts, changed: recompute.data.changed })}{' '}
          {recompute.data.tiers.map((s) => `${s.tier} ${format.number(s.accounts)}`).join(' · ')}
        </p>
      )}
      <Card title={t('tiering.curve')}>
        <div ref={chartRef} role="img" aria-label={t('tiering.curve')} style={{ height: 300 }} className="w-full" />
      </Card>
      <Card title={t('tiering.shares')}>
        <table className="w-full text-xs" data-testid="tier-shares">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1">{t('accounts.fields.tier')}</th>
              <th>{t('tiering.accounts')}</th>
              <th>{t('tiering.accountShare')}</th>
              <th>ARR</th>
              <th>{t('tiering.arrShare')}</th>
            </tr>
          </thead>
          <tbody>
            {o.tiers.map((s) => (
              <tr key={s.tier} className="border-t border-zinc-100">
                <td className="py-1">
                  <TierBadge tier={s.tier} /> <span className="text-zinc-500">{t(`tiers.${s.tier}`)}</span>
                </td>
                <td>{format.number(s.accounts)}</td>
                <td>{percent(s.accountShare)}</td>
                <td>{format.number(Math.round(s.arr))}</td>
                <td>{percent(s.arrShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <TieringPolicyCard policy={o.policy} canEdit={can('tiers:manage')} />
    </div>
  );
}
