import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountLifecycle, LifecycleBoard, SetStage, TickChecklist } from '@northstar/contracts';
import { api } from '../../api/client';

export function useLifecycleBoard() {
  return useQuery({ queryKey: ['lifecycle', 'board'], queryFn: () => api.get<LifecycleBoard>('/lifecycle') });
}

export function useAccountLifecycle(accountId: string) {
  return useQuery({
    queryKey: ['lifecycle', 'account', accountId],
    queryFn: () => api.get<AccountLifecycle>(`/accounts/${encodeURIComponent(accountId)}/lifecycle`),
  });
}

/** Moves an account (stage) or ticks an item (checklist); board, account and lists refresh. */
export function useLifecycleAction(kind: 'stage' | 'checklist') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, body }: { accountId: string; body: SetStage | TickChecklist }) =>
      api.post<AccountLifecycle>(`/accounts/${encodeURIComponent(accountId)}/${kind}`, body),
    onSuccess: (lifecycle, { accountId }) => {
      queryClient.setQueryData(['lifecycle', 'account', accountId], lifecycle);
      void queryClient.invalidateQueries({ queryKey: ['lifecycle', 'board'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
