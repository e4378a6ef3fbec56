import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '@northstar/contracts';
import { api, setCsrfToken } from '../api/client';

export function UserMenu({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  async function logout() {
    try {
      await api.post('/auth/logout');
    } finally {
      setCsrfToken(undefined);
      queryClient.clear();
      void navigate('/login', { replace: true });
    }
  }

  const initials = session.user.name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-haspopup="menu"
        aria-expanded={open}
        className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-zinc-100"
      >
        <span className="flex h-6 w-6 items-center justify-center rounded-full bg-indigo-100 text-[11px] font-semibold text-indigo-700">
          {initials || '?'}
        </span>
        <span className="text-left leading-tight">
          <span className="block text-xs font-medium text-zinc-800">{session.user.name}</span>
          <span className="block text-[11px] text-zinc-500">{t(`roles.${session.user.role}`)}</span>
        </span>
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-30 mt-1 w-56 rounded-md border border-zinc-200 bg-white py-1 shadow-lg">
          <div className="border-b border-zinc-100 px-3 py-2 text-xs text-zinc-500">{session.user.email}</div>
          <button
            type="button"
            role="menuitem"
            onClick={() => void logout()}
            className="block w-full px-3 py-1.5 text-left text-[13px] text-zinc-700 hover:bg-zinc-100"
          >
            {t('nav.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
