import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Playbook, PlaybookDefinition, PlaybookRun, PlaybookVersion, StartPlaybookRun } from '@northstar/contracts';
import { api, apiRequest } from '../../api/client';

export function usePlaybooks(includeArchived = false) {
  return useQuery({
    queryKey: ['playbooks', 'list', includeArchived],
    queryFn: () => api.get<{ items: Playbook[] }>('/playbooks', includeArchived ? { includeArchived: true } : undefined),
  });
}

/** Playbook names by id (archived ones too), for tasks, rules and metrics that mention them. */
export function usePlaybookNames(): ReadonlyMap<string, string> {
  const playbooks = usePlaybooks(true);
  return useMemo(() => new Map((playbooks.data?.items ?? []).map((p) => [p.id, p.name])), [playbooks.data]);
}

export function usePlaybookVersions(playbookId: string | undefined) {
  return useQuery({
    queryKey: ['playbooks', 'versions', playbookId],
    queryFn: () => api.get<{ items: PlaybookVersion[] }>(`/playbooks/${encodeURIComponent(playbookId!)}/versions`),
    enabled: Boolean(playbookId),
  });
}

/** Creates (no id) or saves the next version (id). */
export function useSavePlaybook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: PlaybookDefinition }) =>
      id ? apiRequest<Playbook>('PUT', `/playbooks/${encodeURIComponent(id)}`, { body }) : api.post<Playbook>('/playbooks', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['playbooks'] }),
  });
}

export function useRollbackPlaybook(playbookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<Playbook>(`/playbooks/${encodeURIComponent(playbookId)}/rollback`, { version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['playbooks'] }),
  });
}

export function useArchivePlaybook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (playbookId: string) => api.delete(`/playbooks/${encodeURIComponent(playbookId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['playbooks'] }),
  });
}

/** Starts a playbook on an account: a CTA, its tasks and its automatic steps. */
export function useStartPlaybook(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartPlaybookRun) => api.post<PlaybookRun>(`/accounts/${encodeURIComponent(accountId)}/playbook-runs`, body),
    onSuccess: () => {
      for (const key of ['tasks', 'ctas', 'playbook-runs', 'timeline', 'accounts', 'lifecycle', 'notifications'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
