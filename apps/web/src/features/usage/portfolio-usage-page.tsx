import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { usePortfolioUsage } from './usage-api';
import { MetricStats, Stat, UsageCharts } from './usage-stats';

/** Portfolio usage: the whole workspace over the last 30 days, and the most active accounts. */
export function PortfolioUsagePage() {
  const { t } = useTranslation();
  const usage = usePortfolioUsage();
  if (usage.isPending) return <Loading />;
  if (!usage.data) return <ErrorBanner error={usage.error} />;
  const u = usage.data;
  return (
    <div className="flex flex-col gap-3">
      <PageHeader title={t('usage.portfolioTitle')} subtitle={`${u.from} … ${u.to}`} />
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-7">
        <Stat label={t('usage.events')} value={u.events} trend={u.trends.events} />
        <Stat label={t('usage.activeUsers')} value={u.activeUsers} trend={u.trends.activeUsers} />
        <Stat label={t('usage.activeAccounts')} value={u.activeAccounts} />
        <MetricStats metrics={u.metrics} />
      </div>
      <Card>
        <UsageCharts daily={u.daily} features={u.features} activityClock={u.activityClock} />
      </Card>
      <Card title={t('usage.topAccounts')}>
        <table className="w-full text-xs">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1">{t('usage.account')}</th>
              <th>{t('usage.events')}</th>
              <th>{t('usage.activeUsers')}</th>
              <th>{t('usage.seats')}</th>
            </tr>
          </thead>
          <tbody>
            {u.topAccounts.map((a) => (
              <tr key={a.accountId} className="border-t border-zinc-100">
                <td className="py-1">
                  <Link className="text-blue-700 hover:underline" to={`/accounts/${a.accountId}`}>
                    {a.name}
                  </Link>
                </td>
                <td>{a.events}</td>
                <td>{a.activeUsers}</td>
                <td>{a.licensedSeats ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
