import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CloseCta, CreateTask, Cta, CtaPage, Task, TaskInbox, TaskPage } from '@northstar/contracts';
import { api, type Query } from '../../api/client';
import { useSession } from '../auth/session';
import { canActOnWork } from './task-view-model';

export function useTaskInbox(query: Query) {
  return useQuery({
    queryKey: ['tasks', 'inbox', query],
    queryFn: () => api.get<TaskInbox>('/tasks/inbox', query),
    placeholderData: keepPreviousData,
  });
}

export function useTasks(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: () => api.get<TaskPage>('/tasks', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCtas(query: Query) {
  return useQuery({ queryKey: ['ctas', query], queryFn: () => api.get<CtaPage>('/ctas', query), placeholderData: keepPreviousData });
}

/** Everything a task or CTA change can move: lists, counts, runs, execution metrics, the bell. */
function useRefreshWork() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['tasks', 'ctas', 'playbook-runs', 'work-metrics', 'notifications'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

export type TaskAction = { taskId: string } & ({ kind: 'complete' } | { kind: 'reopen' } | { kind: 'skip'; reason: string });

/** Done, skipped with a reason, or open again. */
export function useTaskAction() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: (action: TaskAction) =>
      api.post<Task>(
        `/tasks/${encodeURIComponent(action.taskId)}/${action.kind}`,
        action.kind === 'skip' ? { reason: action.reason } : undefined,
      ),
    onSuccess: refresh,
  });
}

export function useCreateTask() {
  const refresh = useRefreshWork();
  return useMutation({ mutationFn: (body: CreateTask) => api.post<Task>('/tasks', body), onSuccess: refresh });
}

export function useCloseCta() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: ({ ctaId, body }: { ctaId: string; body: CloseCta }) => api.post<Cta>(`/ctas/${encodeURIComponent(ctaId)}/close`, body),
    onSuccess: refresh,
  });
}

/** The signed-in user's check for acting on one task or CTA. */
export function useCanActOnWork(): (item: { ownerId: string | null }) => boolean {
  const { data } = useSession();
  return (item) => canActOnWork(data?.user, item);
}
