import {
  ACCOUNT_SORTS,
  ACCOUNT_STATUSES,
  HEALTH_BANDS,
  LIFECYCLE_STAGES,
  TIERS,
  type AccountStatus,
  type HealthBand,
  type LifecycleStage,
  type Tier,
} from '@northstar/contracts';
import type { Query } from '../../api/client';
import { healthBandFilter } from '../health/health-view-model';

export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** Everything the accounts list shows, as kept in the URL so that a reload or a shared link keeps it. */
export type AccountListState = {
  q: string;
  tier: Tier[];
  stage: LifecycleStage[];
  status: AccountStatus[];
  ownerId: string[];
  /** Health bands (red/yellow/green), sent as a `metric.healthBand in […]` filter expression. */
  healthBand: HealthBand[];
  renewalFrom: string;
  renewalTo: string;
  sort: AccountSort;
  /** Cursors of the pages before this one and of this one: Previous pops, Next pushes. */
  cursors: string[];
};

export const PAGE_SIZE = 50;
export const DEFAULT_SORT: AccountSort = 'name';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Reads the list state from a query string; unknown or malformed values are dropped, not sent. */
export function parseListState(params: URLSearchParams): AccountListState {
  const sort = params.get('sort') ?? '';
  const from = params.get('renewalFrom') ?? '';
  const to = params.get('renewalTo') ?? '';
  return {
    q: params.get('q') ?? '',
    tier: oneOf(TIERS, params.getAll('tier')),
    stage: oneOf(LIFECYCLE_STAGES, params.getAll('stage')),
    status: oneOf(ACCOUNT_STATUSES, params.getAll('status')),
    ownerId: params.getAll('ownerId').filter(Boolean),
    healthBand: oneOf(HEALTH_BANDS, params.getAll('healthBand')),
    renewalFrom: isoDate.test(from) ? from : '',
    renewalTo: isoDate.test(to) ? to : '',
    sort: (ACCOUNT_SORTS as readonly string[]).includes(sort) ? (sort as AccountSort) : DEFAULT_SORT,
    cursors: params.getAll('cursor').filter(Boolean),
  };
}

/** The filters alone (what the list shows), shared by the list call and the CSV export. */
export function toFilterQuery(state: AccountListState): Query {
  return {
    q: state.q.trim() || undefined,
    tier: state.tier,
    stage: state.stage,
    status: state.status,
    ownerId: state.ownerId,
    renewalFrom: state.renewalFrom || undefined,
    renewalTo: state.renewalTo || undefined,
    filter: healthBandFilter(state.healthBand),
    sort: state.sort,
  };
}

export function toApiQuery(state: AccountListState): Query {
  return { ...toFilterQuery(state), limit: PAGE_SIZE, cursor: state.cursors.at(-1) };
}

/** Writes the state back; defaults are left out to keep shared links short. */
export function toSearchString(state: AccountListState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of ['tier', 'stage', 'status', 'ownerId', 'healthBand'] as const) for (const v of state[key]) params.append(key, v);
  if (state.renewalFrom) params.set('renewalFrom', state.renewalFrom);
  if (state.renewalTo) params.set('renewalTo', state.renewalTo);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  for (const c of state.cursors) params.append('cursor', c);
  return params.toString();
}

/** Any change of filter or order starts again from the first page. */
export function withFilters(state: AccountListState, change: Partial<Omit<AccountListState, 'cursors'>>): AccountListState {
  return { ...state, ...change, cursors: [] };
}

/** Clicking a column header: ascending first, then descending. */
export type SortableColumn = 'name' | 'arr' | 'renewalDate' | 'health';

export function nextSort(current: AccountSort, column: SortableColumn): AccountSort {
  return current === column ? (`-${column}` as AccountSort) : column;
}

export function sortDirection(current: AccountSort, column: string): 'asc' | 'desc' | undefined {
  if (current === column) return 'asc';
  if (current === `-${column}`) return 'desc';
  return undefined;
}

export function hasFilters(state: AccountListState): boolean {
  return Boolean(
    state.q ||
    state.tier.length ||
    state.stage.length ||
    state.status.length ||
    state.ownerId.length ||
    state.healthBand.length ||
    state.renewalFrom ||
    state.renewalTo,
  );
}
