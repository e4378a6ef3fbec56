import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { listStateToFilterJson } from '../segments/filter-builder-model';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Loading, PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { AccountFilters } from './account-filters';
import {
  hasFilters,
  nextSort,
  parseListState,
  toApiQuery,
  toFilterQuery,
  toSearchString,
  withFilters,
  type AccountListState,
} from './account-query';
import { exportUrl, useAccountList, useMembers } from './accounts-api';
import { AccountsTable } from './accounts-table';
import { UndoDeleteBanner, type DeletedAccountState } from './undo-delete-banner';

export function AccountsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const state = useMemo(() => parseListState(params), [params]);
  const query = useMemo(() => toApiQuery(state), [state]);
  const list = useAccountList(query);
  const members = useMembers();

  const apply = useCallback((next: AccountListState) => setParams(toSearchString(next)), [setParams]);
  const onFilterChange = useCallback(
    (change: Partial<Omit<AccountListState, 'cursors'>>) => apply(withFilters(state, change)),
    [apply, state],
  );

  const deleted = (location.state as DeletedAccountState | null)?.deletedAccount;
  const page = state.cursors.length + 1;
  const items = list.data?.items ?? [];

  return (
    <div>
      <PageHeader
        title={t('accounts.title')}
        actions={
          <>
            {hasFilters(state) && (
              <Link
                to={`/segments?expression=${encodeURIComponent(JSON.stringify(listStateToFilterJson(state)))}`}
                className="inline-flex h-8 items-center rounded-md border border-zinc-300 bg-white px-3 text-[13px] font-medium text-zinc-800 shadow-xs hover:bg-zinc-50"
              >
                {t('segments.saveListFilter')}
              </Link>
            )}
            <a
              href={exportUrl(toFilterQuery(state))}
              download
              className="inline-flex h-8 items-center rounded-md border border-zinc-300 bg-white px-3 text-[13px] font-medium text-zinc-800 shadow-xs hover:bg-zinc-50"
            >
              {t('accounts.exportCsv')}
            </a>
          </>
        }
      />
      {deleted && (
        <UndoDeleteBanner
          account={deleted}
          onDone={() => void navigate(`${location.pathname}${location.search}`, { replace: true, state: null })}
        />
      )}
      <AccountFilters state={state} members={members.data?.items ?? []} onChange={onFilterChange} />
      <ErrorBanner error={list.error} className="mb-3" />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 && !list.isError ? (
        <EmptyState title={hasFilters(state) ? t('accounts.emptyFiltered') : t('accounts.empty')}>
          {hasFilters(state) && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                onFilterChange({ q: '', tier: [], stage: [], status: [], ownerId: [], healthBand: [], renewalFrom: '', renewalTo: '' })
              }
            >
              {t('accounts.filters.clear')}
            </Button>
          )}
        </EmptyState>
      ) : (
        <div className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
          <AccountsTable
            accounts={items}
            sort={state.sort}
            onSort={(column) => apply(withFilters(state, { sort: nextSort(state.sort, column) }))}
          />
          <Pagination
            page={page}
            summary={t('accounts.showing', { count: items.length })}
            hasPrevious={state.cursors.length > 0}
            hasNext={Boolean(list.data?.nextCursor)}
            onPrevious={() => apply({ ...state, cursors: state.cursors.slice(0, -1) })}
            onNext={() => list.data?.nextCursor && apply({ ...state, cursors: [...state.cursors, list.data.nextCursor] })}
          />
        </div>
      )}
    </div>
  );
}
