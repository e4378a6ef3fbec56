import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Coverage, SopMetrics } from '@northstar/contracts';
import { api, type Query } from '../../api/client';

/** The server's report paths (work-metrics module). */
export const SOP_METRICS_PATH = '/work/sop-metrics';
export const COVERAGE_PATH = '/work/coverage';

export function useSopMetrics(query: Query) {
  return useQuery({
    queryKey: ['work-metrics', 'sop', query],
    queryFn: () => api.get<SopMetrics>(SOP_METRICS_PATH, query),
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(query: Query) {
  return useQuery({
    queryKey: ['work-metrics', 'coverage', query],
    queryFn: () => api.get<Coverage>(COVERAGE_PATH, query),
    placeholderData: keepPreviousData,
  });
}
