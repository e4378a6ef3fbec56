import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { CopyButton } from './copy-button';

/** A value the server shows once (a token, a secret): copy it now or lose it. */
export function SecretBox({ title, value, note, onDismiss }: { title: ReactNode; value: string; note?: ReactNode; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
      <p className="text-[13px] font-medium text-amber-900">{title}</p>
      <p className="mt-0.5 text-xs text-amber-800">{note ?? t('common.shownOnce')}</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          className="min-w-0 flex-1 select-all break-all rounded border border-amber-200 bg-white px-2 py-1 font-mono text-xs text-zinc-900"
          data-testid="secret-value"
        >
          {value}
        </code>
        <CopyButton text={value} />
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t('common.done')}
        </Button>
      </div>
    </div>
  );
}
