import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { SortableTh, Table, Td, Th, Tr } from '../../ui/table';
import { HealthBadge } from '../health/health-badge';
import { StageLabel, StatusBadge, Tags, TierBadge } from './account-badges';
import { sortDirection, type AccountSort, type SortableColumn } from './account-query';

type Props = { accounts: readonly Account[]; sort: AccountSort; onSort: (column: SortableColumn) => void };

export function AccountsTable({ accounts, sort, onSort }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table label={t('accounts.title')} className="max-h-[calc(100vh-15rem)]">
      <thead>
        <tr>
          <SortableTh label={t('accounts.fields.name')} direction={sortDirection(sort, 'name')} onSort={() => onSort('name')} />
          <Th>{t('accounts.fields.tier')}</Th>
          <SortableTh label={t('health.title')} direction={sortDirection(sort, 'health')} onSort={() => onSort('health')} />
          <Th>{t('accounts.fields.lifecycleStage')}</Th>
          <Th>{t('accounts.fields.owner')}</Th>
          <SortableTh label={t('accounts.fields.arr')} align="right" direction={sortDirection(sort, 'arr')} onSort={() => onSort('arr')} />
          <SortableTh
            label={t('accounts.fields.renewalDate')}
            direction={sortDirection(sort, 'renewalDate')}
            onSort={() => onSort('renewalDate')}
          />
          <Th>{t('accounts.fields.status')}</Th>
          <Th>{t('accounts.fields.tags')}</Th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <Tr key={account.id}>
            <Td className="max-w-72">
              <Link to={`/accounts/${account.id}`} className="block truncate font-medium text-indigo-700 hover:underline">
                {account.name}
              </Link>
              {account.domain && <span className="block truncate text-[11px] text-zinc-500">{account.domain}</span>}
            </Td>
            <Td>
              <TierBadge tier={account.tier} />
            </Td>
            <Td className="whitespace-nowrap">
              <HealthBadge score={account.health?.score} band={account.health?.band} />
            </Td>
            <Td className="whitespace-nowrap">
              <StageLabel stage={account.lifecycleStage} />
            </Td>
            <Td className="whitespace-nowrap">{account.ownerName ?? <span className="text-zinc-400">—</span>}</Td>
            <Td align="right" className="whitespace-nowrap">
              {format.money(account.arr, account.currency)}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {format.date(account.renewalDate) || <span className="text-zinc-400">—</span>}
            </Td>
            <Td>
              <StatusBadge status={account.status} />
            </Td>
            <Td>
              <Tags tags={account.tags} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
