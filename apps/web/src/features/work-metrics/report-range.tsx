import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field, Input } from '../../ui/field';

/** `from`/`to` (and any extra numeric parameter) of a report, kept in the address bar so a view can be shared. */
export function useReportParams(extra: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  const values: Record<string, string | undefined> = {};
  for (const key of ['from', 'to', ...extra]) values[key] = params.get(key) || undefined;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { values, set, params };
}

export function ReportRange({
  from,
  to,
  onChange,
  children,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (key: 'from' | 'to', value: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field label={t('workMetrics.from')} htmlFor="report-from">
        <Input id="report-from" type="date" className="w-40" value={from ?? ''} onChange={(e) => onChange('from', e.target.value)} />
      </Field>
      <Field label={t('workMetrics.to')} htmlFor="report-to">
        <Input id="report-to" type="date" className="w-40" value={to ?? ''} onChange={(e) => onChange('to', e.target.value)} />
      </Field>
      {children}
    </div>
  );
}
