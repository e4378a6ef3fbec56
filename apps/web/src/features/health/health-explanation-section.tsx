import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthExplanation } from '@northstar/contracts';
import { Badge } from '../../ui/badge';
import { cx } from '../../ui/cx';
import { ErrorBanner } from '../../ui/error-banner';
import { Input } from '../../ui/field';
import { Loading } from '../../ui/page-header';
import { useFormat } from '../../i18n/use-format';
import { useHealthExplanation } from './health-api';
import { BandBadge } from './health-badge';
import { changeTone, defaultExplanationRange, formatPoints, formatScore, localToday, toLanguage } from './health-view-model';

const TONE_CLASS = { up: 'text-emerald-700', down: 'text-red-700', flat: 'text-zinc-500' } as const;

/** The server's line starts with its points ("−14: active users …"), already shown in their own column. */
const withoutLeadingPoints = (text: string) => text.replace(/^[−+-]?\d+(?:\.\d+)?\s*[:：]\s*/, '');

/** "What changed" between two dates the user picks (30 days before the latest score vs the latest by default). */
export function HealthExplanationSection({ accountId, latestSnapshot }: { accountId: string; latestSnapshot: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState(() => defaultExplanationRange(latestSnapshot, localToday()));
  const explanation = useHealthExplanation(accountId, range.from, range.to);

  return (
    <section aria-labelledby="health-explanation-title" data-testid="health-explanation">
      <div className="mb-1 flex flex-wrap items-end justify-between gap-2">
        <h3 id="health-explanation-title" className="text-xs font-semibold text-zinc-700">
          {t('health.explanation.title')}
        </h3>
        <div className="flex items-center gap-1 text-xs text-zinc-600">
          <Input
            type="date"
            className="h-7 w-36"
            value={range.from}
            max={range.to}
            aria-label={t('health.explanation.from')}
            onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
          />
          <span aria-hidden>→</span>
          <Input
            type="date"
            className="h-7 w-36"
            value={range.to}
            min={range.from}
            aria-label={t('health.explanation.to')}
            onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
          />
        </div>
      </div>
      <ErrorBanner error={explanation.error} />
      {explanation.isPending && !explanation.isError ? (
        <Loading />
      ) : explanation.data ? (
        <div className={explanation.isPlaceholderData ? 'opacity-60' : undefined}>
          <ExplanationBody explanation={explanation.data} />
        </div>
      ) : null}
    </section>
  );
}

function ScoreOn({ label, score }: { label: string; score: HealthExplanation['from'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="text-zinc-500">
        {label} {format.date(score.date)}:
      </span>
      <span className="font-semibold tabular-nums">{score.score === null ? t('health.noData') : formatScore(score.score)}</span>
      <BandBadge band={score.band} />
      {score.source === 'computed' && <span className="text-[11px] text-zinc-400">({t('health.explanation.computed')})</span>}
    </span>
  );
}

function ExplanationBody({ explanation }: { explanation: HealthExplanation }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const tone = changeTone(explanation.change);
  return (
    <div className="flex flex-col gap-2 text-[13px]">
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <ScoreOn label={t('health.explanation.before')} score={explanation.from} />
        <ScoreOn label={t('health.explanation.after')} score={explanation.to} />
        <span className={cx('font-semibold', TONE_CLASS[tone])} data-testid="health-change">
          {explanation.change === null
            ? t('health.explanation.noChangeData')
            : t('health.explanation.change', { points: formatPoints(explanation.change) })}
        </span>
      </p>
      {explanation.items.length === 0 ? (
        <p className="text-xs text-zinc-500">{t('health.explanation.nothingChanged')}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-zinc-100 rounded border border-zinc-200" data-testid="health-explanation-items">
          {explanation.items.map((item) => (
            <li key={item.key} className="flex items-baseline gap-2 px-2 py-1">
              <span className={cx('w-12 shrink-0 text-right font-semibold tabular-nums', TONE_CLASS[changeTone(item.points)])}>
                {item.points === null ? '—' : formatPoints(item.points)}
              </span>
              <span className="min-w-0 flex-1">{withoutLeadingPoints(item.text[lang])}</span>
              {item.kind !== 'changed' && <Badge>{t(`health.explanation.kinds.${item.kind}`)}</Badge>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
