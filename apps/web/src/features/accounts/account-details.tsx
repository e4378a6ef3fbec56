import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Account, CustomFieldDefinition } from '@northstar/contracts';
import { api } from '../../api/client';
import { useFormat } from '../../i18n/use-format';
import { StageLabel, StatusBadge, Tags, TierBadge } from './account-badges';

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate text-[13px] text-zinc-900" data-testid={testId}>
        {empty ? <span className="text-zinc-400">—</span> : children}
      </dd>
    </div>
  );
}

function useCustomFieldLabels(): Map<string, string> {
  const { data } = useQuery({
    queryKey: ['custom-fields'],
    queryFn: () => api.get<{ items: CustomFieldDefinition[] }>('/custom-fields'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return new Map((data?.items ?? []).filter((d) => d.entity === 'account').map((d) => [d.key, d.label]));
}

/** Every field of the account, read-only, in a dense grid. */
export function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCustomFieldLabels();
  const custom = Object.entries(account.customFields);
  const f = (key: string) => t(`accounts.fields.${key}`);
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3 xl:grid-cols-4">
        <Item label={f('tier')}>
          <TierBadge tier={account.tier} />
        </Item>
        <Item label={f('lifecycleStage')}>
          <StageLabel stage={account.lifecycleStage} />
        </Item>
        <Item label={f('status')}>
          <StatusBadge status={account.status} />
        </Item>
        <Item label={f('owner')}>{account.ownerName}</Item>
        <Item label={f('arr')}>{format.money(account.arr, account.currency)}</Item>
        <Item label={f('mrr')}>{format.money(account.mrr, account.currency)}</Item>
        <Item label={f('plan')} testId="account-plan">
          {account.plan}
        </Item>
        <Item label={f('licensedSeats')}>{account.licensedSeats === null ? null : format.number(account.licensedSeats)}</Item>
        <Item label={f('contractStart')}>{format.date(account.contractStart)}</Item>
        <Item label={f('renewalDate')}>{format.date(account.renewalDate)}</Item>
        <Item label={f('domain')}>{account.domain}</Item>
        <Item label={f('industry')}>{account.industry}</Item>
        <Item label={f('employees')}>{account.employees === null ? null : format.number(account.employees)}</Item>
        <Item label={f('region')}>{account.region}</Item>
        <Item label={f('externalId')}>{account.externalId && <span className="font-mono text-xs">{account.externalId}</span>}</Item>
        <Item label={f('tags')}>{account.tags.length ? <Tags tags={account.tags} /> : null}</Item>
        {account.status === 'churned' && (
          <>
            <Item label={f('churnDate')}>{format.date(account.churnDate)}</Item>
            <Item label={f('churnReason')}>{account.churnReason}</Item>
          </>
        )}
        <Item label={f('createdAt')}>{format.dateTime(account.createdAt)}</Item>
        <Item label={f('updatedAt')}>{format.dateTime(account.updatedAt)}</Item>
      </dl>
      {custom.length > 0 && (
        <div>
          <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{t('accounts.customFields')}</h3>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3 xl:grid-cols-4">
            {custom.map(([key, value]) => (
              <Item key={key} label={labels.get(key) ?? key}>
                {typeof value === 'boolean'
                  ? value
                    ? t('common.yes')
                    : t('common.no')
                  : typeof value === 'number'
                    ? format.number(value)
                    : value}
              </Item>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
