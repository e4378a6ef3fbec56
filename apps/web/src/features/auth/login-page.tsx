import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { LoginRequest, SessionInfo } from '@northstar/contracts';
import { api, setCsrfToken } from '../../api/client';
import { LanguageSwitcher } from '../../app/language-switcher';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { sessionKey } from './session';

/** Only same-app paths: a `next` pointing elsewhere would make the login page an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/accounts';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');

  const login = useMutation({
    mutationFn: (body: LoginRequest) => api.post<SessionInfo>('/auth/login', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, session);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email: email.trim(), password, ...(workspace.trim() ? { workspace: workspace.trim() } : {}) });
  }

  return (
    <div className="flex min-h-screen flex-col bg-zinc-100">
      <div className="flex justify-end p-3">
        <LanguageSwitcher />
      </div>
      <main className="flex flex-1 items-start justify-center pt-[12vh]">
        <form
          onSubmit={submit}
          className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm"
          aria-labelledby="login-title"
        >
          <div className="mb-5">
            <div className="flex items-center gap-2 text-indigo-600">
              <span aria-hidden className="text-xl">
                ✦
              </span>
              <span className="text-sm font-semibold tracking-wide">Northstar</span>
            </div>
            <h1 id="login-title" className="mt-3 text-lg font-semibold text-zinc-900">
              {t('auth.title')}
            </h1>
            <p className="mt-1 text-xs text-zinc-500">{t('auth.subtitle')}</p>
          </div>
          <div className="flex flex-col gap-3">
            <ErrorBanner error={login.error} />
            <Field label={t('auth.email')} htmlFor="login-email">
              <Input
                id="login-email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoFocus
              />
            </Field>
            <Field label={t('auth.password')} htmlFor="login-password">
              <Input
                id="login-password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <Field label={t('auth.workspace')} htmlFor="login-workspace" hint={t('auth.workspaceHint')}>
              <Input id="login-workspace" autoComplete="organization" value={workspace} onChange={(e) => setWorkspace(e.target.value)} />
            </Field>
            <Button type="submit" variant="primary" disabled={login.isPending} className="mt-1 w-full">
              {login.isPending ? t('auth.signingIn') : t('auth.signIn')}
            </Button>
          </div>
        </form>
      </main>
    </div>
  );
}
