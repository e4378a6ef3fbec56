import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="mb-3 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="truncate text-lg font-semibold text-zinc-900">{title}</h1>
        {subtitle && <div className="mt-0.5 text-xs text-zinc-500">{subtitle}</div>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </header>
  );
}

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`rounded-md border border-zinc-200 bg-white ${className ?? ''}`}>
      {(title || actions) && (
        <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2">
          <h2 className="text-[13px] font-semibold text-zinc-800">{title}</h2>
          {actions && <div className="flex items-center gap-2">{actions}</div>}
        </div>
      )}
      <div className="p-3">{children}</div>
    </section>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <div className="py-8 text-center text-xs text-zinc-500">{t('common.loading')}</div>;
}
