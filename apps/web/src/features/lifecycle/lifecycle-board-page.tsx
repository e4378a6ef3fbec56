import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LifecycleStage } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { TierBadge } from '../accounts/account-badges';
import { Badge } from '../../ui/badge';
import { ErrorBanner } from '../../ui/error-banner';
import { Loading, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { useLifecycleAction, useLifecycleBoard } from './lifecycle-api';

/** Accounts by stage: time in stage, overdue ones first, and a stage picker on each card. */
export function LifecycleBoardPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const board = useLifecycleBoard();
  const move = useLifecycleAction('stage');
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  if (board.isPending) return <Loading />;
  if (!board.data) return <ErrorBanner error={board.error} />;
  const { stages, columns } = board.data;
  const stageOptions = stages.filter((s) => s.enabled).map((s) => ({ value: s.stage, label: s.label[lang] }));

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('lifecycle.title')}
        subtitle={t('lifecycle.subtitle')}
        actions={
          can('lifecycle:manage') && (
            <Link to="/lifecycle/settings" className="text-xs font-medium text-blue-700 hover:underline">
              {t('lifecycle.config.open')}
            </Link>
          )
        }
      />
      <ErrorBanner error={move.error} />
      <div className="flex gap-2 overflow-x-auto pb-2">
        {columns.map((column) => {
          const definition = stages.find((s) => s.stage === column.stage);
          return (
            <section
              key={column.stage}
              className="flex w-60 shrink-0 flex-col rounded-md border border-zinc-200 bg-white"
              data-testid={`stage-${column.stage}`}
            >
              <header className="border-b border-zinc-200 px-2 py-1.5">
                <h2 className="text-[13px] font-semibold">
                  {definition?.label[lang] ?? column.stage} <span className="font-normal text-zinc-500">{column.count}</span>
                </h2>
                <p className="text-[11px] text-zinc-500">
                  {definition?.expectedDurationDays
                    ? t('lifecycle.expected', { days: definition.expectedDurationDays })
                    : t('lifecycle.noLimit')}
                  {column.overdue > 0 && ` · ${t('lifecycle.overdueCount', { count: column.overdue })}`}
                </p>
              </header>
              <ul className="flex max-h-[70vh] flex-col gap-1 overflow-y-auto p-1.5">
                {column.accounts.map((a) => (
                  <li key={a.id} className="rounded border border-zinc-100 p-1.5 text-xs" data-testid="board-card">
                    <div className="flex items-center justify-between gap-1">
                      <Link to={`/accounts/${a.id}`} className="truncate font-medium text-blue-700 hover:underline">
                        {a.name}
                      </Link>
                      <TierBadge tier={a.tier} />
                    </div>
                    <div className="mt-0.5 flex items-center gap-1 text-zinc-500">
                      {a.daysInStage === null ? '—' : t('lifecycle.daysInStage', { count: a.daysInStage })}
                      {a.isOverdue && <Badge tone="red">{t('lifecycle.overdueBy', { count: a.overdueDays })}</Badge>}
                    </div>
                    {can('accounts:write') && (
                      <Select
                        aria-label={t('lifecycle.moveTo', { name: a.name })}
                        className="mt-1 h-7 text-xs"
                        value=""
                        placeholder={t('lifecycle.move')}
                        options={stageOptions.filter((o) => o.value !== column.stage)}
                        disabled={move.isPending}
                        onChange={(e) =>
                          e.target.value && move.mutate({ accountId: a.id, body: { stage: e.target.value as LifecycleStage } })
                        }
                      />
                    )}
                  </li>
                ))}
                {column.count > column.accounts.length && (
                  <li className="px-1 text-[11px] text-zinc-500">
                    {t('lifecycle.more', { count: column.count - column.accounts.length })}
                  </li>
                )}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
