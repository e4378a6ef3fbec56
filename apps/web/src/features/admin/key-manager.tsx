import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '@northstar/contracts';
import { api, fieldErrors } from '../../api/client';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card, Loading } from '../../ui/page-header';
import { SecretBox } from '../../ui/secret-box';
import { Table, Td, Th, Tr } from '../../ui/table';

/** API tokens and write keys work alike: list, create (secret shown once), revoke. */
export function KeyManager({ path, kind }: { path: '/tokens' | '/write-keys'; kind: 'tokens' | 'writeKeys' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const keys = useQuery({ queryKey: ['keys', path], queryFn: () => api.get<{ items: ApiKey[] }>(path) });
  const create = useMutation({
    mutationFn: (keyName: string) => api.post<{ key: ApiKey; secret: string }>(path, { name: keyName }),
    onSuccess: ({ key, secret }) => {
      setCreated({ name: key.name, secret });
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['keys', path] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`${path}/${id}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['keys', path] }),
  });
  const errors = fieldErrors(create.error);
  const items = keys.data?.items ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(name.trim());
  }

  return (
    <Card title={t(`admin.keys.${kind}.title`)}>
      <div className="flex flex-col gap-3">
        <p className="text-xs text-zinc-500">{t(`admin.keys.${kind}.description`)}</p>
        {created && (
          <SecretBox title={t('admin.keys.created', { name: created.name })} value={created.secret} onDismiss={() => setCreated(null)} />
        )}
        <form onSubmit={submit} className="flex items-end gap-2" noValidate>
          <Field label={t('admin.keys.name')} htmlFor={`${kind}-name`} error={errors.name} className="w-72">
            <Input
              id={`${kind}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t(`admin.keys.${kind}.placeholder`)}
              invalid={Boolean(errors.name)}
            />
          </Field>
          <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
            {t(`admin.keys.${kind}.create`)}
          </Button>
        </form>
        <ErrorBanner error={keys.error ?? create.error ?? revoke.error} />
        {keys.isPending ? (
          <Loading />
        ) : items.length === 0 ? (
          <EmptyState title={t(`admin.keys.${kind}.empty`)} />
        ) : (
          <Table label={t(`admin.keys.${kind}.title`)}>
            <thead>
              <tr>
                <Th>{t('admin.keys.name')}</Th>
                <Th>{t('admin.keys.prefix')}</Th>
                <Th>{t('admin.keys.createdAt')}</Th>
                <Th>{t('admin.keys.lastUsed')}</Th>
                <Th>{t('admin.keys.status')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {items.map((key) => (
                <Tr key={key.id} className={key.revokedAt ? 'text-zinc-400' : undefined}>
                  <Td className="font-medium">{key.name}</Td>
                  <Td className="font-mono text-xs">{key.prefix}…</Td>
                  <Td className="whitespace-nowrap">{format.dateTime(key.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{format.dateTime(key.lastUsedAt) || t('admin.keys.neverUsed')}</Td>
                  <Td>
                    {key.revokedAt ? (
                      <Badge tone="red">{t('admin.keys.revoked')}</Badge>
                    ) : (
                      <Badge tone="green">{t('admin.keys.active')}</Badge>
                    )}
                  </Td>
                  <Td align="right">
                    {!key.revokedAt && (
                      <Button
                        size="sm"
                        variant="danger"
                        disabled={revoke.isPending}
                        onClick={() => window.confirm(t('admin.keys.confirmRevoke', { name: key.name })) && revoke.mutate(key.id)}
                      >
                        {t('admin.keys.revoke')}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
