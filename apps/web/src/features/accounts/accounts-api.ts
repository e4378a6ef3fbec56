import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, UpdateAccount, User } from '@northstar/contracts';
import { api, apiUrl, type Query } from '../../api/client';

export type AccountPage = { items: Account[]; nextCursor: string | null };

export const accountKeys = {
  all: ['accounts'] as const,
  list: (query: Query) => ['accounts', 'list', query] as const,
  one: (id: string) => ['accounts', 'one', id] as const,
};

export function useAccountList(query: Query) {
  // The previous page stays on screen while the next loads, so the table does not flash empty.
  return useQuery({
    queryKey: accountKeys.list(query),
    queryFn: () => api.get<AccountPage>('/accounts', query),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(accountId: string, enabled = true) {
  return useQuery({
    queryKey: accountKeys.one(accountId),
    queryFn: () => api.get<Account>(`/accounts/${encodeURIComponent(accountId)}`),
    enabled,
  });
}

export function useUpdateAccount(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateAccount) => api.patch<Account>(`/accounts/${encodeURIComponent(accountId)}`, patch),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.one(accountId), account);
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.delete(`/accounts/${encodeURIComponent(accountId)}`),
    onSuccess: (_data, accountId) => {
      queryClient.removeQueries({ queryKey: accountKeys.one(accountId) });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export function useRestoreAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.post<Account>(`/accounts/${encodeURIComponent(accountId)}/restore`),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.one(account.id), account);
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

/** Workspace members, for owner pickers and names. */
export function useMembers() {
  return useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: User[] }>('/users'), staleTime: 5 * 60_000 });
}

export function exportUrl(filters: Query): string {
  return apiUrl('/exports/accounts', filters);
}
