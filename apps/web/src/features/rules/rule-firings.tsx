import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RuleFiringOutcome } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge, type Tone } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';
import { FactsText } from './rule-dry-run-result';
import { useRuleFirings } from './rules-api';

const outcomeTone: Record<RuleFiringOutcome, Tone> = { fired: 'green', suppressed: 'amber', failed: 'red', pending: 'neutral' };

/** The rule's firing log, newest first: fired, suppressed by an open CTA, failed (and why). */
export function RuleFirings({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [outcome, setOutcome] = useState<RuleFiringOutcome | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const firings = useRuleFirings(ruleId, { outcome: outcome || undefined, limit: 25, cursor: cursors.at(-1) });
  const items = firings.data?.items ?? [];
  return (
    <Card
      title={t('rules.firings')}
      actions={
        <Select
          aria-label={t('rules.outcomeFilter')}
          className="h-7 w-40 text-xs"
          value={outcome}
          placeholder={t('rules.allOutcomes')}
          options={(['fired', 'suppressed', 'failed', 'pending'] as const).map((o) => ({ value: o, label: t(`rules.outcomes.${o}`) }))}
          onChange={(e) => {
            setOutcome(e.target.value as RuleFiringOutcome | '');
            setCursors([]);
          }}
        />
      }
    >
      <ErrorBanner error={firings.error} />
      {firings.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('rules.noFirings')} />
      ) : (
        <Table label={t('rules.firings')}>
          <thead>
            <tr>
              <Th>{t('rules.firedAt')}</Th>
              <Th>{t('rules.account')}</Th>
              <Th>{t('rules.outcome')}</Th>
              <Th>{t('rules.details')}</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <Tr key={f.id}>
                <Td className="whitespace-nowrap">{format.dateTime(f.firedAt)}</Td>
                <Td className="whitespace-nowrap">
                  {f.accountId ? (
                    <Link to={`/accounts/${f.accountId}`} className="text-indigo-700 hover:underline">
                      {f.accountName ?? f.accountId}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td>
                  <Badge tone={outcomeTone[f.outcome]}>{t(`rules.outcomes.${f.outcome}`)}</Badge>
                  <span className="ml-1 text-[11px] text-zinc-400">v{f.ruleVersion}</span>
                </Td>
                <Td>
                  {f.error && <div className="text-xs text-red-700">{f.error}</div>}
                  <FactsText facts={f.facts} />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {(cursors.length > 0 || firings.data?.nextCursor) && (
        <Pagination
          page={cursors.length + 1}
          hasPrevious={cursors.length > 0}
          hasNext={Boolean(firings.data?.nextCursor)}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => firings.data?.nextCursor && setCursors((c) => [...c, firings.data!.nextCursor!])}
        />
      )}
    </Card>
  );
}
