import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge, type Tone } from '../../ui/badge';
import { cx } from '../../ui/cx';
import { Table, Td, Th, Tr } from '../../ui/table';

function Count({ label, value, tone }: { label: string; value: number; tone?: 'red' | 'green' | 'amber' }) {
  const format = useFormat();
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2">
      <div className="text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</div>
      <div
        className={cx(
          'text-lg font-semibold tabular-nums',
          tone === 'red' && value > 0
            ? 'text-red-700'
            : tone === 'green' && value > 0
              ? 'text-emerald-700'
              : tone === 'amber' && value > 0
                ? 'text-amber-700'
                : 'text-zinc-900',
        )}
      >
        {format.number(value)}
      </div>
    </div>
  );
}

const ACTION_TONES: Record<string, Tone> = { create: 'green', update: 'blue', unchanged: 'neutral' };

/** What an import did or would do: counts, every row error, and the row-by-row changes. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-3" data-testid="import-report">
      <div className="grid grid-cols-3 gap-2 md:grid-cols-6">
        <Count label={t('imports.counts.rows')} value={report.rowCount} />
        <Count label={t('imports.counts.created')} value={report.created} tone="green" />
        <Count label={t('imports.counts.updated')} value={report.updated} />
        <Count label={t('imports.counts.unchanged')} value={report.unchanged} />
        <Count label={t('imports.counts.skipped')} value={report.skipped} tone="amber" />
        <Count label={t('imports.counts.errors')} value={report.errorCount} tone="red" />
      </div>
      {report.errors.length > 0 && (
        <section>
          <h3 className="mb-1.5 text-[13px] font-semibold text-zinc-800">
            {t('imports.errorsTitle')}
            {report.errorCount > report.errors.length && (
              <span className="ml-2 text-xs font-normal text-zinc-500">
                {t('imports.firstN', { shown: report.errors.length, total: report.errorCount })}
              </span>
            )}
          </h3>
          <Table label={t('imports.errorsTitle')} className="max-h-80">
            <thead>
              <tr>
                <Th align="right">{t('imports.columns.row')}</Th>
                <Th>{t('imports.columns.column')}</Th>
                <Th>{t('imports.columns.value')}</Th>
                <Th>{t('imports.columns.message')}</Th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <Tr key={i}>
                  <Td align="right" className="w-14">
                    {e.row}
                  </Td>
                  <Td className="font-mono text-xs">{e.column ?? '—'}</Td>
                  <Td className="max-w-56 truncate font-mono text-xs" title={e.value ?? ''}>
                    {e.value ?? ''}
                  </Td>
                  <Td className="text-red-800">{e.message}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}
      {report.changes.length > 0 && (
        <section>
          <h3 className="mb-1.5 text-[13px] font-semibold text-zinc-800">
            {report.dryRun ? t('imports.changesPreview') : t('imports.changesTitle')}
          </h3>
          <Table label={t('imports.changesTitle')} className="max-h-80">
            <thead>
              <tr>
                <Th align="right">{t('imports.columns.row')}</Th>
                <Th>{t('imports.columns.action')}</Th>
                <Th>{t('imports.columns.externalId')}</Th>
                <Th>{t('imports.columns.fields')}</Th>
              </tr>
            </thead>
            <tbody>
              {report.changes.map((c) => (
                <Tr key={c.row}>
                  <Td align="right" className="w-14">
                    {c.row}
                  </Td>
                  <Td>
                    <Badge tone={ACTION_TONES[c.action] ?? 'neutral'}>{t(`imports.actions.${c.action}`)}</Badge>
                  </Td>
                  <Td className="font-mono text-xs">{c.externalId ?? '—'}</Td>
                  <Td className="text-xs text-zinc-600">{c.fields.join(', ')}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}
    </div>
  );
}
