import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { useAccountUsage } from './usage-api';
import { MetricStats, Stat, UsageCharts } from './usage-stats';

/** The account page's Usage section: the last 30 days of product use. */
export function AccountUsageSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const usage = useAccountUsage(accountId);
  return (
    <Card title={t('usage.title')}>
      {usage.isPending ? (
        <Loading />
      ) : !usage.data ? (
        <ErrorBanner error={usage.error} />
      ) : (
        <div className="flex flex-col gap-3" data-testid="account-usage">
          <div className="grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-7">
            <Stat label={t('usage.events')} value={usage.data.events} trend={usage.data.trends.events} />
            <Stat label={t('usage.activeUsers')} value={usage.data.activeUsers} trend={usage.data.trends.activeUsers} />
            <Stat
              label={t('usage.seats')}
              value={
                usage.data.licensedSeats === null
                  ? t('usage.seatsUnknown', { active: usage.data.activeUsers })
                  : `${usage.data.activeUsers} / ${usage.data.licensedSeats}`
              }
            />
            <MetricStats metrics={usage.data.metrics} />
          </div>
          <p className="text-xs text-zinc-500">{t('usage.lastSeen', { date: usage.data.lastSeenDate ?? t('usage.never') })}</p>
          <UsageCharts daily={usage.data.daily} features={usage.data.features} activityClock={usage.data.activityClock} />
          <div>
            <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('usage.topUsers')}</h3>
            {usage.data.topUsers.length === 0 ? (
              <p className="text-xs text-zinc-500">{t('usage.noUsers')}</p>
            ) : (
              <table className="w-full text-xs">
                <thead className="text-left text-zinc-500">
                  <tr>
                    <th className="py-1">{t('usage.user')}</th>
                    <th>{t('usage.events')}</th>
                    <th>{t('usage.activeDays')}</th>
                    <th>{t('usage.lastSeenColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.data.topUsers.map((u) => (
                    <tr key={u.userId} className="border-t border-zinc-100">
                      <td className="py-1">
                        <Link to={`/usage/users/${encodeURIComponent(u.userId)}`} className="text-blue-700 hover:underline">
                          {u.name ?? u.email ?? u.userId}
                        </Link>
                      </td>
                      <td>{u.events}</td>
                      <td>{u.activeDays}</td>
                      <td>{u.lastSeenDate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
