import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AccountUsage, PortfolioUsage, ProductUserDetail, ProductUserEventPage } from '@northstar/contracts';
import { api } from '../../api/client';

export function useAccountUsage(accountId: string) {
  return useQuery({
    queryKey: ['usage', 'account', accountId],
    queryFn: () => api.get<AccountUsage>(`/accounts/${encodeURIComponent(accountId)}/usage`),
  });
}

export function usePortfolioUsage() {
  return useQuery({ queryKey: ['usage', 'portfolio'], queryFn: () => api.get<PortfolioUsage>('/usage/portfolio') });
}

export function useProductUser(userId: string) {
  return useQuery({
    queryKey: ['usage', 'user', userId],
    queryFn: () => api.get<ProductUserDetail>(`/product-users/${encodeURIComponent(userId)}`),
  });
}

/** The pages after the first (which comes with the user), fetched on demand. */
export function useProductUserEvents(userId: string, firstCursor: string | null | undefined) {
  return useInfiniteQuery({
    queryKey: ['usage', 'user', userId, 'events', firstCursor],
    // Loaded on request ("more"), so opening the page costs one call.
    enabled: false,
    initialPageParam: firstCursor ?? '',
    queryFn: ({ pageParam }) => api.get<ProductUserEventPage>(`/product-users/${encodeURIComponent(userId)}/events`, { cursor: pageParam }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
