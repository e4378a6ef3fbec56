import { useQuery } from '@tanstack/react-query';
import type { AccountUsage, PortfolioUsage } from '@northstar/contracts';
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
