import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountTier, PinTier, TieringPolicyBody, TierRecomputeResult, TiersOverview } from '@northstar/contracts';
import { api, apiRequest } from '../../api/client';

export function useTiersOverview() {
  return useQuery({ queryKey: ['tiers'], queryFn: () => api.get<TiersOverview>('/tiers') });
}

export function useRecomputeTiers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TierRecomputeResult>('/tiers/recompute'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tiers'] }),
  });
}

/** Saves the policy; the server recomputes every tier with it and answers with the new overview. */
export function useUpdateTieringPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: TieringPolicyBody) => apiRequest<TiersOverview>('PUT', '/tiers/policy', { body: policy }),
    onSuccess: (overview) => {
      queryClient.setQueryData(['tiers'], overview);
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void queryClient.invalidateQueries({ queryKey: ['tiers', 'account'] });
    },
  });
}

export function useAccountTier(accountId: string) {
  return useQuery({
    queryKey: ['tiers', 'account', accountId],
    queryFn: () => api.get<AccountTier>(`/accounts/${encodeURIComponent(accountId)}/tier`),
  });
}

/** Pins (body) or unpins (null) a tier; the account and the lists show the new tier at once. */
export function usePinTier(accountId: string) {
  const queryClient = useQueryClient();
  const path = `/accounts/${encodeURIComponent(accountId)}/tier-pin`;
  return useMutation({
    mutationFn: (pin: PinTier | null) => (pin ? apiRequest<AccountTier>('PUT', path, { body: pin }) : api.delete<AccountTier>(path)),
    onSuccess: (tier) => {
      queryClient.setQueryData(['tiers', 'account', accountId], tier);
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void queryClient.invalidateQueries({ queryKey: ['tiers'], exact: true });
    },
  });
}
