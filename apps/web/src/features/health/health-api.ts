import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptSuggestion,
  AccountHealth,
  BacktestReportDto,
  CreateExperienceInput,
  ExperienceInput,
  ExperienceInputList,
  HealthExplanation,
  HealthRecomputeResult,
  HealthSettings,
  ImportScorecard,
  NorthStarTarget,
  PortfolioHealth,
  RollbackScorecard,
  SaveScorecard,
  Scorecard,
  ScorecardDefinition,
  ScorecardExport,
  ScorecardList,
  ScorecardPreview,
  ScorecardVersionList,
} from '@northstar/contracts';
import { api, apiRequest } from '../../api/client';

const enc = encodeURIComponent;

export const healthKeys = {
  all: ['health'] as const,
  account: (accountId: string, days: number) => ['health', 'account', accountId, days] as const,
  explanation: (accountId: string, from: string, to: string) => ['health', 'explanation', accountId, from, to] as const,
  inputs: (accountId: string) => ['health', 'inputs', accountId] as const,
  portfolio: (from: string | undefined, to: string | undefined) => ['health', 'portfolio', from, to] as const,
  scorecards: ['health', 'scorecards'] as const,
  scorecard: (id: string) => ['health', 'scorecards', id] as const,
  versions: (id: string) => ['health', 'scorecards', id, 'versions'] as const,
  version: (id: string, version: number) => ['health', 'scorecards', id, 'versions', version] as const,
  settings: ['health', 'settings'] as const,
  backtest: (horizonDays: number, scorecardId: string) => ['health', 'backtest', horizonDays, scorecardId] as const,
};

/** Anything a score rests on changed: every health view and the account lists refetch. */
function useInvalidateHealth() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: healthKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
  };
}

export function useAccountHealth(accountId: string, days = 90) {
  return useQuery({
    queryKey: healthKeys.account(accountId, days),
    queryFn: () => api.get<AccountHealth>(`/accounts/${enc(accountId)}/health`, { days }),
  });
}

export function useHealthExplanation(accountId: string, from: string, to: string) {
  return useQuery({
    queryKey: healthKeys.explanation(accountId, from, to),
    queryFn: () => api.get<HealthExplanation>(`/accounts/${enc(accountId)}/health/explanation`, { from, to }),
    placeholderData: keepPreviousData,
    enabled: Boolean(from && to),
    retry: false,
  });
}

export function useExperienceInputs(accountId: string) {
  return useQuery({
    queryKey: healthKeys.inputs(accountId),
    queryFn: () => api.get<ExperienceInputList>(`/accounts/${enc(accountId)}/health/inputs`, { limit: 20 }),
  });
}

/** Records an input; the server rescores the account after it, so the panel refetches. */
export function useRecordExperienceInput(accountId: string) {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: CreateExperienceInput) => api.post<ExperienceInput>(`/accounts/${enc(accountId)}/health/inputs`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteExperienceInput(accountId: string) {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (inputId: string) => api.delete(`/accounts/${enc(accountId)}/health/inputs/${enc(inputId)}`),
    onSuccess: invalidate,
  });
}

export function useSetNorthStarTarget(accountId: string) {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (target: number | null) =>
      apiRequest<NorthStarTarget>('PUT', `/accounts/${enc(accountId)}/health/target`, { body: { target } }),
    onSuccess: invalidate,
  });
}

export function usePortfolioHealth(from?: string, to?: string) {
  return useQuery({
    queryKey: healthKeys.portfolio(from, to),
    queryFn: () => api.get<PortfolioHealth>('/health/portfolio', { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useRecomputeHealth() {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: { date?: string; accountIds?: string[] } = {}) => api.post<HealthRecomputeResult>('/health/recompute', body),
    onSuccess: invalidate,
  });
}

export function useScorecards() {
  return useQuery({ queryKey: healthKeys.scorecards, queryFn: () => api.get<ScorecardList>('/health/scorecards') });
}

export function useScorecard(id: string) {
  return useQuery({ queryKey: healthKeys.scorecard(id), queryFn: () => api.get<Scorecard>(`/health/scorecards/${enc(id)}`) });
}

export function useScorecardVersions(id: string) {
  return useQuery({
    queryKey: healthKeys.versions(id),
    queryFn: () => api.get<ScorecardVersionList>(`/health/scorecards/${enc(id)}/versions`),
  });
}

export function useScorecardVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: healthKeys.version(id, version ?? 0),
    queryFn: () => api.get<Scorecard>(`/health/scorecards/${enc(id)}/versions/${version ?? 0}`),
    enabled: version !== null,
  });
}

export function useCreateScorecard() {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: ScorecardDefinition) => api.post<Scorecard>('/health/scorecards', body),
    onSuccess: invalidate,
  });
}

export function useSaveScorecard(id: string) {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: SaveScorecard) => apiRequest<Scorecard>('PUT', `/health/scorecards/${enc(id)}`, { body }),
    onSuccess: invalidate,
  });
}

export function useRollbackScorecard(id: string) {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: RollbackScorecard) => api.post<Scorecard>(`/health/scorecards/${enc(id)}/rollback`, body),
    onSuccess: invalidate,
  });
}

export function useImportScorecard() {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: ImportScorecard) => api.post<Scorecard>('/health/scorecards/import', body),
    onSuccess: invalidate,
  });
}

/** Export is a read the user triggers: the answer carries the file name and text to download. */
export function exportScorecard(id: string, format: 'json' | 'yaml'): Promise<ScorecardExport> {
  return api.get<ScorecardExport>(`/health/scorecards/${enc(id)}/export`, { format });
}

export function usePreviewScorecard() {
  return useMutation({
    mutationFn: (scorecard: ScorecardDefinition) => api.post<ScorecardPreview>('/health/scorecards/preview', { scorecard }),
  });
}

export function useHealthSettings() {
  return useQuery({ queryKey: healthKeys.settings, queryFn: () => api.get<HealthSettings>('/health/settings') });
}

export function useSaveHealthSettings() {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: HealthSettings) => apiRequest<HealthSettings>('PUT', '/health/settings', { body }),
    onSuccess: invalidate,
  });
}

export function useBacktest(horizonDays: number, scorecardId: string) {
  return useQuery({
    queryKey: healthKeys.backtest(horizonDays, scorecardId),
    queryFn: () => api.get<BacktestReportDto>('/health/backtest', { horizonDays, scorecardId }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useAcceptSuggestion(scorecardId: string) {
  const invalidate = useInvalidateHealth();
  return useMutation({
    mutationFn: (body: AcceptSuggestion) => api.post<Scorecard>(`/health/scorecards/${enc(scorecardId)}/accept-suggestion`, body),
    onSuccess: invalidate,
  });
}
