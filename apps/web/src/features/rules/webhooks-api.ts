import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  UpdateWebhookSettings,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookSettings,
  WebhookSigningSecret,
} from '@northstar/contracts';
import { api, type Query } from '../../api/client';

export function useWebhookDeliveries(query: Query) {
  return useQuery({
    queryKey: ['webhooks', 'deliveries', query],
    queryFn: () => api.get<WebhookDeliveryPage>('/webhooks/deliveries', query),
    placeholderData: keepPreviousData,
  });
}

export function useWebhookSettings(enabled: boolean) {
  return useQuery({ queryKey: ['webhooks', 'settings'], queryFn: () => api.get<WebhookSettings>('/webhooks/settings'), enabled });
}

export function useUpdateWebhookSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWebhookSettings) => api.patch<WebhookSettings>('/webhooks/settings', body),
    onSuccess: (settings) => queryClient.setQueryData(['webhooks', 'settings'], settings),
  });
}

export function useRotateSigningSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<WebhookSigningSecret>('/webhooks/signing-secret/rotate'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks', 'settings'] }),
  });
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<WebhookDelivery>(`/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries'] }),
  });
}

export function useSendTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (url: string) => api.post<WebhookDelivery>('/webhooks/test', { url }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries'] }),
  });
}
