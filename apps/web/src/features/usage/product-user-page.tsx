import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { useProductUser, useProductUserEvents } from './usage-api';
import { UsageChart } from './usage-chart';
import { buildUserDailyOption } from './usage-chart-options';
import { Stat } from './usage-stats';

/** One product user (DOMAIN §1): traits, account, first and last seen, daily activity and events. */
export function ProductUserPage() {
  const { userId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useProductUser(userId);
  const more = useProductUserEvents(userId, detail.data?.nextCursor);
  const daily = detail.data?.daily;
  const option = useMemo(() => (daily ? buildUserDailyOption(daily, t('usage.events')) : null), [daily, t]);

  if (detail.isPending) return <Loading />;
  if (!detail.data || !option) return <ErrorBanner error={detail.error} />;
  const { user, accountName } = detail.data;
  const name = typeof user.traits.name === 'string' ? user.traits.name : user.userId;
  const events = [...detail.data.events, ...(more.data?.pages.flatMap((p) => p.items) ?? [])];
  const hasMore = more.data ? more.hasNextPage : Boolean(detail.data.nextCursor);
  const traits = Object.entries(user.traits);

  return (
    <div className="flex flex-col gap-3" data-testid="product-user">
      <PageHeader
        title={name}
        subtitle={
          <>
            <span className="font-mono">{user.userId}</span>
            {user.accountId && (
              <>
                {' · '}
                <Link to={`/accounts/${user.accountId}`} className="text-blue-700 hover:underline">
                  {accountName ?? t('usage.userPage.account')}
                </Link>
              </>
            )}
          </>
        }
      />
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <Stat label={t('usage.userPage.firstSeen')} value={format.dateTime(user.firstSeenAt)} />
        <Stat label={t('usage.userPage.lastSeen')} value={format.dateTime(user.lastSeenAt)} />
        <Stat label={t('usage.userPage.events30d')} value={format.number(user.events30d)} />
        <Stat label={t('usage.lastSeenColumn')} value={user.lastActiveDate ?? t('usage.never')} />
      </div>
      <Card title={t('usage.userPage.dailyTitle')}>
        <UsageChart option={option} label={t('usage.userPage.dailyTitle')} />
      </Card>
      <div className="grid gap-3 lg:grid-cols-[1fr_2fr]">
        <Card title={t('usage.userPage.traits')}>
          {traits.length === 0 ? (
            <p className="text-xs text-zinc-500">{t('usage.userPage.noTraits')}</p>
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" data-testid="user-traits">
              {traits.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-mono text-zinc-500">{key}</dt>
                  <dd className="break-all">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title={t('usage.userPage.eventsTitle')}>
          {events.length === 0 ? (
            <p className="text-xs text-zinc-500">{t('usage.userPage.noEvents')}</p>
          ) : (
            <table className="w-full text-xs" data-testid="user-events">
              <thead className="text-left text-zinc-500">
                <tr>
                  <th className="py-1">{t('usage.userPage.when')}</th>
                  <th>{t('usage.userPage.type')}</th>
                  <th>{t('usage.userPage.name')}</th>
                  <th>{t('usage.userPage.properties')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e, i) => (
                  <tr key={`${e.timestamp}-${i}`} className="border-t border-zinc-100 align-top">
                    <td className="whitespace-nowrap py-1 pr-2">{format.dateTime(e.timestamp)}</td>
                    <td className="pr-2">{e.type}</td>
                    <td className="pr-2">{e.name ?? '—'}</td>
                    <td className="max-w-md truncate font-mono text-[11px] text-zinc-500">
                      {e.properties ? JSON.stringify(e.properties) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ErrorBanner error={more.error} />
          {hasMore && (
            <Button
              className="mt-2"
              size="sm"
              disabled={more.isFetching}
              onClick={() => (more.data ? void more.fetchNextPage() : void more.refetch())}
            >
              {t('usage.userPage.more')}
            </Button>
          )}
        </Card>
      </div>
    </div>
  );
}
