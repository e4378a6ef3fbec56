import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact } from '@northstar/contracts';
import { api } from '../../api/client';

const contactsKey = (accountId: string) => ['accounts', 'contacts', accountId] as const;

export function useContacts(accountId: string) {
  return useQuery({
    queryKey: contactsKey(accountId),
    queryFn: () => api.get<{ items: Contact[] }>(`/accounts/${encodeURIComponent(accountId)}/contacts`),
  });
}

/** Creates (no id) or updates (id) a contact, then refreshes the account's list and its count. */
export function useSaveContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: Record<string, unknown> }) =>
      id
        ? api.patch<Contact>(`/contacts/${encodeURIComponent(id)}`, body)
        : api.post<Contact>(`/accounts/${encodeURIComponent(accountId)}/contacts`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(accountId) });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'one', accountId] });
    },
  });
}

export function useDeleteContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.delete(`/contacts/${encodeURIComponent(contactId)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(accountId) });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'one', accountId] });
    },
  });
}
