import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage } from '@northstar/contracts';
import { api } from '../../api/client';

/** The newest notifications and the unread count; polled so the bell notices playbook notices. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationPage>('/notifications', { limit: 20 }),
    refetchInterval: 60_000,
    retry: false,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
