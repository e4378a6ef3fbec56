import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/use-format';
import { cx } from '../../ui/cx';
import { useMarkNotificationRead, useNotifications } from './notifications-api';

/** The header bell: unread count, and the latest notices (click one to mark it read). */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  // Without the notifications API (older server) the bell stays out of the way.
  if (notifications.isError) return null;
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-label={t('notifications.bell', { count: unread })}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="relative flex h-8 w-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100"
        data-testid="notification-bell"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M10 2a6 6 0 0 0-6 6v3.59l-1.7 1.7A1 1 0 0 0 3 15h14a1 1 0 0 0 .7-1.71L16 11.59V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
        </svg>
        {unread > 0 && (
          <span
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          className="absolute right-0 z-30 mt-1 w-80 rounded-md border border-zinc-200 bg-white shadow-lg"
          role="dialog"
          aria-label={t('notifications.title')}
        >
          <p className="border-b border-zinc-100 px-3 py-2 text-xs font-semibold text-zinc-700">{t('notifications.title')}</p>
          {items.length === 0 ? (
            <p className="px-3 py-4 text-center text-xs text-zinc-500">{t('notifications.empty')}</p>
          ) : (
            <ul className="max-h-96 overflow-auto">
              {items.map((n) => (
                <li key={n.id} className={cx('border-b border-zinc-50 px-3 py-2 text-xs', !n.readAt && 'bg-indigo-50/50')}>
                  <p className={cx('text-zinc-800', !n.readAt && 'font-medium')}>{n.message}</p>
                  <div className="mt-0.5 flex items-center gap-2 text-[11px] text-zinc-500">
                    <span>{format.dateTime(n.createdAt)}</span>
                    {n.accountId && (
                      <Link to={`/accounts/${n.accountId}`} className="text-indigo-700 hover:underline" onClick={() => setOpen(false)}>
                        {n.accountName}
                      </Link>
                    )}
                    {!n.readAt && (
                      <button
                        type="button"
                        className="ml-auto text-indigo-700 hover:underline"
                        disabled={markRead.isPending}
                        onClick={() => markRead.mutate(n.id)}
                      >
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
