import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows the API's own message and each per-field problem; nothing when there is no error. */
export function ErrorBanner({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('errors.unknown');
  const details = error instanceof ApiError ? error.details : [];
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div role="alert" className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800 ${className ?? ''}`}>
      <p className="font-medium">
        {message}
        {code && <span className="ml-2 font-mono text-[11px] font-normal text-red-600">{code}</span>}
      </p>
      {details.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {details.map((d, i) => (
            <li key={i}>
              {d.field && <span className="font-mono">{d.field}</span>}
              {d.field && ': '}
              {d.problem}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
