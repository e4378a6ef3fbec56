import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRule, DryRunRule, DryRunSavedRule, Rule, RuleDryRun, RuleFiringPage, UpdateRule } from '@northstar/contracts';
import { api, type Query } from '../../api/client';

const rulePath = (id: string) => `/rules/${encodeURIComponent(id)}`;

export function useRules() {
  return useQuery({ queryKey: ['rules', 'list'], queryFn: () => api.get<{ items: Rule[] }>('/rules') });
}

export function useRuleFirings(ruleId: string | undefined, query: Query) {
  return useQuery({
    queryKey: ['rules', 'firings', ruleId, query],
    queryFn: () => api.get<RuleFiringPage>(`${rulePath(ruleId!)}/firings`, query),
    enabled: Boolean(ruleId),
    placeholderData: keepPreviousData,
  });
}

/** Creates (no id) or saves a new version (id). */
export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: CreateRule | UpdateRule }) =>
      id ? api.patch<Rule>(rulePath(id), body) : api.post<Rule>('/rules', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rules'] }),
  });
}

export function useSetRuleEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => api.post<Rule>(`${rulePath(id)}/${enabled ? 'enable' : 'disable'}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rules'] }),
  });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(rulePath(id)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rules'] }),
  });
}

/**
 * "This rule would fire for these N accounts now" for the editor's state. A saved rule is asked
 * under its own id, so accounts whose CTA from this rule is still open show as suppressed.
 */
export function useDryRunRule(ruleId: string | undefined) {
  return useMutation({
    mutationFn: (body: DryRunSavedRule & Pick<DryRunRule, 'trigger'>) =>
      api.post<RuleDryRun>(ruleId ? `${rulePath(ruleId)}/dry-run` : '/rules/dry-run', body),
  });
}
