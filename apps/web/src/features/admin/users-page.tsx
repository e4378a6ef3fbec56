import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type InviteUser, type Role, type User } from '@northstar/contracts';
import { api, fieldErrors } from '../../api/client';
import { useSession } from '../auth/session';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { SecretBox } from '../../ui/secret-box';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';

type Invitation = { email: string; token: string };

function InviteForm({ onInvited }: { onInvited: (invitation: Invitation) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<InviteUser>({ email: '', name: '', role: 'csm' });
  const invite = useMutation({
    mutationFn: (body: InviteUser) => api.post<Invitation>('/users/invitations', body),
    onSuccess: (invitation) => {
      onInvited(invitation);
      setForm({ email: '', name: '', role: 'csm' });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const errors = fieldErrors(invite.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ ...form, email: form.email.trim(), name: form.name.trim() });
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <ErrorBanner error={invite.error} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('admin.users.email')} htmlFor="invite-email" error={errors.email} className="w-64">
          <Input
            id="invite-email"
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            invalid={Boolean(errors.email)}
          />
        </Field>
        <Field label={t('admin.users.name')} htmlFor="invite-name" error={errors.name} className="w-52">
          <Input
            id="invite-name"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            invalid={Boolean(errors.name)}
          />
        </Field>
        <Field label={t('admin.users.role')} htmlFor="invite-role" error={errors.role} className="w-36">
          <Select
            id="invite-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Field>
        <Button type="submit" variant="primary" disabled={invite.isPending}>
          {t('admin.users.invite')}
        </Button>
      </div>
    </form>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const session = useSession();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: User[] }>('/users') });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { role?: Role; active?: boolean } }) => api.patch<User>(`/users/${id}`, patch),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const me = session.data?.user.id;
  const inviteLink = invitation ? `${window.location.origin}/accept-invite?token=${encodeURIComponent(invitation.token)}` : '';

  return (
    <div className="flex max-w-5xl flex-col gap-3">
      <PageHeader title={t('admin.users.title')} subtitle={t('admin.users.subtitle')} />
      <Card title={t('admin.users.inviteTitle')}>
        <div className="flex flex-col gap-3">
          {invitation && (
            <SecretBox
              title={t('admin.users.invited', { email: invitation.email })}
              note={t('admin.users.inviteNote')}
              value={inviteLink}
              onDismiss={() => setInvitation(null)}
            />
          )}
          <InviteForm onInvited={setInvitation} />
        </div>
      </Card>
      <ErrorBanner error={users.error ?? update.error} />
      {users.isPending ? (
        <Loading />
      ) : (
        <Table label={t('admin.users.title')}>
          <thead>
            <tr>
              <Th>{t('admin.users.name')}</Th>
              <Th>{t('admin.users.email')}</Th>
              <Th>{t('admin.users.role')}</Th>
              <Th>{t('admin.users.status')}</Th>
              <Th>{t('admin.users.lastLogin')}</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {(users.data?.items ?? []).map((u) => (
              <Tr key={u.id} className={u.active ? undefined : 'text-zinc-400'}>
                <Td className="font-medium">
                  {u.name}
                  {u.id === me && <span className="ml-1.5 text-xs font-normal text-zinc-500">({t('admin.users.you')})</span>}
                </Td>
                <Td>{u.email}</Td>
                <Td className="w-40">
                  <Select
                    aria-label={t('admin.users.roleOf', { name: u.name })}
                    value={u.role}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ id: u.id, patch: { role: e.target.value as Role } })}
                    options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    className="h-7"
                  />
                </Td>
                <Td>{u.active ? <Badge tone="green">{t('admin.users.active')}</Badge> : <Badge>{t('admin.users.inactive')}</Badge>}</Td>
                <Td className="whitespace-nowrap">{format.dateTime(u.lastLoginAt) || t('admin.users.never')}</Td>
                <Td align="right">
                  {u.id !== me && (
                    <Button
                      size="sm"
                      variant={u.active ? 'danger' : 'secondary'}
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: u.id, patch: { active: !u.active } })}
                    >
                      {u.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
