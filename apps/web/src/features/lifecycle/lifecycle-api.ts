import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountLifecycle,
  LifecycleBoard,
  LifecycleConfigBody,
  LifecycleConfigView,
  SetStage,
  TickChecklist,
} from '@northstar/contracts';
import { api, apiRequest } from '../../api/client';

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

export function useLifecycleConfig() {
  return useQuery({ queryKey: ['lifecycle', 'config'], queryFn: () => api.get<LifecycleConfigView>('/lifecycle/config') });
}

/** Saves the workspace's lifecycle; the server runs the stage rules with it, so board and accounts refresh. */
export function useUpdateLifecycleConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (config: LifecycleConfigBody) => apiRequest<LifecycleConfigView>('PUT', '/lifecycle/config', { body: config }),
    onSuccess: (view) => {
      queryClient.setQueryData(['lifecycle', 'config'], view);
      void queryClient.invalidateQueries({ queryKey: ['lifecycle', 'board'] });
      void queryClient.invalidateQueries({ queryKey: ['lifecycle', 'account'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
