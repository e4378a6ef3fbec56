import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveUserMetrics, UsageTrend } from '@northstar/contracts';
import { UsageChart } from './usage-chart';
import { buildActivityClockOption, buildDailyOption, buildFeaturesOption } from './usage-chart-options';

export function Stat({ label, value, trend }: { label: string; value: ReactNode; trend?: UsageTrend }) {
  const { t } = useTranslation();
  const change = trend?.change;
  return (
    <div className="rounded border border-zinc-200 px-3 py-2">
      <div className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</div>
      <div className="text-base font-semibold text-zinc-900">{value}</div>
      {trend && (
        <div
          className={`text-[11px] ${change === null || change === undefined ? 'text-zinc-400' : change < 0 ? 'text-red-600' : 'text-emerald-700'}`}
        >
          {change === null || change === undefined
            ? t('usage.noPrevious')
            : t('usage.vsPrevious', { change: `${change > 0 ? '+' : ''}${Math.round(change * 100)}%` })}
        </div>
      )}
    </div>
  );
}

export function MetricStats({ metrics }: { metrics: ActiveUserMetrics }) {
  const { t } = useTranslation();
  return (
    <>
      <Stat label={t('usage.dau')} value={metrics.dau} />
      <Stat label={t('usage.wau')} value={metrics.wau} />
      <Stat label={t('usage.mau')} value={metrics.mau} />
      <Stat label={t('usage.stickiness')} value={`${Math.round(metrics.stickiness * 100)}%`} />
    </>
  );
}

/** The daily line chart, feature bars and activity clock shared by account and portfolio views. */
export function UsageCharts({
  daily,
  features,
  activityClock,
}: {
  daily: { date: string; events: number; activeUsers: number }[];
  features: { name: string; users: number }[];
  activityClock: number[][];
}) {
  const { t } = useTranslation();
  const dailyOption = useMemo(
    () => buildDailyOption(daily, { events: t('usage.events'), activeUsers: t('usage.activeUsers') }),
    [daily, t],
  );
  const featuresOption = useMemo(() => buildFeaturesOption(features), [features]);
  // The label string, not a fresh array, is the memo key: the chart re-inits only on a change.
  const weekdayLabels = t('usage.weekdays');
  const clockOption = useMemo(() => buildActivityClockOption(activityClock, weekdayLabels.split(',')), [activityClock, weekdayLabels]);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('usage.dailyTitle')}</h3>
        <UsageChart option={dailyOption} label={t('usage.dailyTitle')} />
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('usage.featuresTitle')}</h3>
        {features.length === 0 ? (
          <p className="text-xs text-zinc-500">{t('usage.noFeatures')}</p>
        ) : (
          <UsageChart option={featuresOption} label={t('usage.featuresTitle')} />
        )}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('usage.clockTitle')}</h3>
        <UsageChart option={clockOption} height={240} label={t('usage.clockTitle')} />
      </div>
    </div>
  );
}
