import { useTranslation } from 'react-i18next';
import type { ScorecardChange } from '@northstar/contracts';
import { formatChangeValue } from './scorecard-draft';

/** A diff as lines: "measures.nps.weight 25 → 40", "+ measures.csat", "− measures.nps". */
export function ScorecardChanges({ changes, testId }: { changes: readonly ScorecardChange[]; testId?: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="text-xs text-zinc-500">{t('health.history.noChanges')}</p>;
  return (
    <ul className="flex flex-col gap-0.5 font-mono text-[11px]" data-testid={testId}>
      {changes.map((c, i) => (
        <li
          key={`${c.path}-${i}`}
          className={c.kind === 'added' ? 'text-emerald-700' : c.kind === 'removed' ? 'text-red-700' : 'text-zinc-700'}
        >
          {c.kind === 'added' ? '+ ' : c.kind === 'removed' ? '− ' : ''}
          {c.path}
          {c.kind === 'changed' && (
            <>
              {': '}
              <span className="text-zinc-500">{formatChangeValue(c.from)}</span> →{' '}
              <span className="font-semibold">{formatChangeValue(c.to)}</span>
            </>
          )}
          {c.kind === 'added' && `: ${formatChangeValue(c.to)}`}
        </li>
      ))}
    </ul>
  );
}
