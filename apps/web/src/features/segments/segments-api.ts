import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSegment, FilterFieldInfo, Segment, SegmentPreview } from '@northstar/contracts';
import { api, apiUrl } from '../../api/client';
import type { FilterJson } from './filter-builder-model';

export function useSegments() {
  return useQuery({ queryKey: ['segments'], queryFn: () => api.get<{ items: Segment[] }>('/segments') });
}

export function useFilterFields() {
  return useQuery({
    queryKey: ['segments', 'fields'],
    queryFn: () => api.get<{ items: FilterFieldInfo[] }>('/segments/fields'),
    staleTime: 60_000,
  });
}

/** The live count while the builder changes; the last answer stays on screen meanwhile. */
export function useSegmentPreview(expression: FilterJson) {
  return useQuery({
    queryKey: ['segments', 'preview', expression],
    queryFn: () => api.post<SegmentPreview>('/segments/preview', { expression }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSaveSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateSegment }) =>
      id ? api.patch<Segment>(`/segments/${encodeURIComponent(id)}`, body) : api.post<Segment>('/segments', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/segments/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export const segmentExportUrl = (id: string) => apiUrl(`/segments/${encodeURIComponent(id)}/export`);
