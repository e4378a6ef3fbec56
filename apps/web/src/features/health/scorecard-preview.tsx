import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScorecardPreview } from '@northstar/contracts';
import { TierBadge } from '../accounts/account-badges';
import { useFormat } from '../../i18n/use-format';
import { BandBadge } from './health-badge';
import { formatScore } from './health-view-model';

const BANDS = ['red', 'yellow', 'green', 'noData'] as const;

/** What saving the draft would do to today's scores: band counts before and after, and who moves. */
export function ScorecardPreviewResult({ preview }: { preview: ScorecardPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="flex flex-col gap-2 text-[13px]" data-testid="scorecard-preview">
      <p className="font-medium text-zinc-800" data-testid="scorecard-preview-summary">
        {t('health.preview.summary', {
          changed: preview.changed,
          affected: preview.affected,
          accounts: preview.accounts,
          date: format.date(preview.date),
        })}
      </p>
      <table className="w-auto self-start text-xs">
        <thead className="text-left text-zinc-500">
          <tr>
            <th className="pr-4" />
            {BANDS.map((b) => (
              <th key={b} className="pr-4">
                {b === 'noData' ? t('health.noData') : t(`health.bands.${b}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          <tr>
            <th className="pr-4 text-left font-normal text-zinc-500">{t('health.preview.before')}</th>
            {BANDS.map((b) => (
              <td key={b} className="pr-4">
                {preview.before[b]}
              </td>
            ))}
          </tr>
          <tr>
            <th className="pr-4 text-left font-normal text-zinc-500">{t('health.preview.after')}</th>
            {BANDS.map((b) => (
              <td key={b} className="pr-4 font-semibold">
                {preview.after[b]}
                {preview.after[b] !== preview.before[b] && (
                  <span className="ml-1 font-normal text-zinc-500">
                    ({preview.after[b] > preview.before[b] ? '+' : '−'}
                    {Math.abs(preview.after[b] - preview.before[b])})
                  </span>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {preview.items.length > 0 && (
        <div className="max-h-72 overflow-auto rounded border border-zinc-200">
          <table className="w-full text-xs">
            <thead className="sticky top-0 bg-zinc-50 text-left text-zinc-500">
              <tr>
                <th className="px-2 py-1">{t('health.account.name')}</th>
                <th>{t('accounts.fields.tier')}</th>
                <th>{t('health.preview.move')}</th>
                <th>{t('health.preview.scorecard')}</th>
              </tr>
            </thead>
            <tbody data-testid="scorecard-preview-items">
              {preview.items.map((item) => (
                <tr key={item.accountId} className="border-t border-zinc-100">
                  <td className="px-2 py-1">
                    <Link className="text-indigo-700 hover:underline" to={`/accounts/${item.accountId}`}>
                      {item.name}
                    </Link>
                  </td>
                  <td>
                    <TierBadge tier={item.tier} />
                  </td>
                  <td className="whitespace-nowrap tabular-nums">
                    {formatScore(item.fromScore) || '—'} <BandBadge band={item.fromBand} /> → {formatScore(item.toScore) || '—'}{' '}
                    <BandBadge band={item.toBand} />
                  </td>
                  <td className="font-mono text-[11px] text-zinc-500">
                    {item.fromScorecardId === item.toScorecardId ? item.toScorecardId : `${item.fromScorecardId} → ${item.toScorecardId}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.truncated && <p className="text-xs text-zinc-500">{t('health.preview.truncated', { count: preview.items.length })}</p>}
    </div>
  );
}
