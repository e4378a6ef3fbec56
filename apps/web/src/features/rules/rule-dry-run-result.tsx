import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RuleDryRun, RuleDryRunAccount, RuleFacts } from '@northstar/contracts';
import { TierBadge } from '../accounts/account-badges';
import { useFormat } from '../../i18n/use-format';

export function FactsText({ facts }: { facts: RuleFacts }) {
  const entries = Object.entries(facts).filter(([, v]) => v !== null && v !== '');
  if (!entries.length) return null;
  return <span className="text-[11px] text-zinc-500">{entries.map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</span>;
}

/** What the rule would do now: the accounts it would fire for, and apart, those an open CTA holds back. */
export function RuleDryRunResult({ result }: { result: RuleDryRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  // The answer lands below the editor's buttons: bring it into view.
  // (A block body: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);
  return (
    <div
      ref={ref}
      className="flex flex-col gap-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-3"
      data-testid="dry-run-result"
      aria-live="polite"
    >
      <p className="text-[13px] font-medium text-zinc-900" data-testid="dry-run-count">
        {t('rules.dryRun.wouldFire', { count: result.wouldFire.count })}
      </p>
      <p className="text-xs text-zinc-500">
        {t(`rules.dryRun.basis.${result.basis}`, { days: result.lookbackDays ?? 0 })}
        {result.nextScheduledAt && ` · ${t('rules.dryRun.next', { when: format.dateTime(result.nextScheduledAt) })}`}
      </p>
      <AccountList accounts={result.wouldFire.accounts} count={result.wouldFire.count} testId="dry-run-accounts" />
      {result.suppressed.count > 0 && (
        <div>
          <p className="text-xs font-medium text-amber-800" data-testid="dry-run-suppressed-count">
            {t('rules.dryRun.suppressed', { count: result.suppressed.count })}
          </p>
          <AccountList accounts={result.suppressed.accounts} count={result.suppressed.count} testId="dry-run-suppressed" />
        </div>
      )}
    </div>
  );
}

function AccountList({ accounts, count, testId }: { accounts: RuleDryRunAccount[]; count: number; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!accounts.length) return null;
  return (
    <>
      <ul
        className="flex max-h-72 flex-col divide-y divide-zinc-100 overflow-auto rounded border border-zinc-200 bg-white text-xs"
        data-testid={testId}
      >
        {accounts.map((a) => (
          <li key={`${a.id}-${a.causeKey}`} className="flex flex-wrap items-center gap-2 px-2 py-1">
            <Link to={`/accounts/${a.id}`} className="font-medium text-indigo-700 hover:underline">
              {a.name}
            </Link>
            <TierBadge tier={a.tier} />
            <span className="tabular-nums text-zinc-600">{format.number(a.arr)}</span>
            <FactsText facts={a.facts} />
          </li>
        ))}
      </ul>
      {count > accounts.length && <p className="text-[11px] text-zinc-500">{t('rules.dryRun.more', { count: count - accounts.length })}</p>}
    </>
  );
}
