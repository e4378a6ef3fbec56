import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTouch, TimelinePage, Touch } from '@northstar/contracts';
import { api, type Query } from '../../api/client';

export const timelineKeys = {
  account: (accountId: string) => ['timeline', accountId] as const,
  page: (accountId: string, query: Query) => ['timeline', accountId, query] as const,
};

/** One page of an account's merged feed (touches and system events), newest first. */
export function useTimeline(accountId: string, query: Query) {
  return useQuery({
    queryKey: timelineKeys.page(accountId, query),
    queryFn: () => api.get<TimelinePage>(`/accounts/${encodeURIComponent(accountId)}/timeline`, query),
    placeholderData: keepPreviousData,
  });
}

/** After a touch changes: the feed, the contacts (last contacted), the coverage report. */
function useRefreshAfterTouch(accountId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: timelineKeys.account(accountId) });
    void queryClient.invalidateQueries({ queryKey: ['accounts', 'contacts', accountId] });
    void queryClient.invalidateQueries({ queryKey: ['work-metrics'] });
  };
}

export function useLogTouch(accountId: string) {
  const refresh = useRefreshAfterTouch(accountId);
  return useMutation({
    mutationFn: (body: CreateTouch) => api.post<Touch>(`/accounts/${encodeURIComponent(accountId)}/touches`, body),
    onSuccess: refresh,
  });
}

export function useDeleteTouch(accountId: string) {
  const refresh = useRefreshAfterTouch(accountId);
  return useMutation({
    mutationFn: (touchId: string) => api.delete(`/touches/${encodeURIComponent(touchId)}`),
    onSuccess: refresh,
  });
}
