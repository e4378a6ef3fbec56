import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { ErrorBanner } from '../../ui/error-banner';
import { Card } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { useAccountLifecycle, useLifecycleAction } from './lifecycle-api';
import { useStageOptions } from './use-stage-options';

/** The stage timeline (each stay, how long, by whom) and the current stage's goals and checklist. */
export function AccountLifecycleSection({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lifecycle = useAccountLifecycle(accountId);
  const move = useLifecycleAction('stage');
  const tick = useLifecycleAction('checklist');
  const stageOptions = useStageOptions();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  if (lifecycle.isPending) return <Card title={t('lifecycle.accountTitle')}>{t('common.loading')}</Card>;
  if (!lifecycle.data) return <ErrorBanner error={lifecycle.error} />;
  const l = lifecycle.data;
  return (
    <Card
      title={t('lifecycle.accountTitle')}
      actions={
        canWrite &&
        stageOptions && (
          <Select
            aria-label={t('lifecycle.moveStage')}
            className="h-7 w-44 text-xs"
            value=""
            placeholder={t('lifecycle.move')}
            options={stageOptions.filter((o) => o.value !== l.stage)}
            disabled={move.isPending}
            onChange={(e) => e.target.value && move.mutate({ accountId, body: { stage: e.target.value as LifecycleStage } })}
          />
        )
      }
    >
      <ErrorBanner error={move.error ?? tick.error} />
      <ol className="flex flex-col gap-1 text-xs" data-testid="stage-timeline">
        {l.history.length === 0 && <li className="text-zinc-500">{t('lifecycle.noHistory')}</li>}
        {[...l.history].reverse().map((stay) => (
          <li key={`${stay.stage}-${stay.enteredAt}`} className="flex flex-wrap items-center gap-2">
            <span className="w-28 font-medium">{t(`stages.${stay.stage}`)}</span>
            <span className="text-zinc-500">
              {format.date(stay.enteredAt.slice(0, 10))} → {stay.leftAt ? format.date(stay.leftAt.slice(0, 10)) : t('lifecycle.now')}
            </span>
            <span>{t('lifecycle.daysInStage', { count: stay.days })}</span>
            {stay.isOverdue && <Badge tone="red">{t('lifecycle.overdue')}</Badge>}
            <span className="text-zinc-500">
              {t(`lifecycle.by.${stay.enteredBy}`)}
              {stay.reason && `: ${stay.reason[lang]}`}
            </span>
          </li>
        ))}
      </ol>
      {l.goals.length > 0 && (
        <ul className="mt-2 list-disc pl-4 text-xs text-zinc-600">
          {l.goals.map((g) => (
            <li key={g.en}>{g[lang]}</li>
          ))}
        </ul>
      )}
      {l.checklist.length > 0 && l.stage && (
        <ul className="mt-2 flex flex-col gap-1 text-xs" data-testid="stage-checklist">
          {l.checklist.map((item) => (
            <li key={item.key}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!canWrite || item.source === 'derived' || tick.isPending}
                  onChange={(e) => tick.mutate({ accountId, body: { stage: l.stage!, itemKey: item.key, done: e.target.checked } })}
                />
                {item.label[lang]}
                {item.problem && <Badge tone="amber">{t(`lifecycle.problems.${item.problem}`)}</Badge>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
