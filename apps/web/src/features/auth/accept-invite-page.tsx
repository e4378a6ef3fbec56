import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SessionInfo } from '@northstar/contracts';
import { api, setCsrfToken } from '../../api/client';
import { LanguageSwitcher } from '../../app/language-switcher';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { sessionKey } from './session';

/** Where an invitation link lands: the invitee sets a password and is signed in. */
export function AcceptInvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const token = params.get('token') ?? '';

  const accept = useMutation({
    mutationFn: () => api.post<SessionInfo>('/auth/accept-invite', { token, password, ...(name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
      void navigate('/accounts', { replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate();
  }

  return (
    <div className="flex min-h-screen flex-col bg-zinc-100">
      <div className="flex justify-end p-3">
        <LanguageSwitcher />
      </div>
      <main className="flex flex-1 items-start justify-center pt-[12vh]">
        <form onSubmit={submit} className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold text-zinc-900">{t('auth.acceptTitle')}</h1>
          <div className="flex flex-col gap-3">
            <ErrorBanner error={accept.error} />
            <Field label={t('auth.name')} htmlFor="invite-name">
              <Input id="invite-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field label={t('auth.newPassword')} htmlFor="invite-password" hint={t('auth.passwordHint')}>
              <Input
                id="invite-password"
                type="password"
                autoComplete="new-password"
                minLength={8}
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <Button type="submit" variant="primary" disabled={accept.isPending || !token}>
              {t('auth.acceptInvite')}
            </Button>
          </div>
        </form>
      </main>
    </div>
  );
}
