import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DATE_FORMATS, IMPORT_KINDS, type DateFormat, type ImportKind, type ImportReport } from '@northstar/contracts';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { Card, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { ImportReportView } from './import-report';
import { runImport } from './imports-api';

type Step = 'choose' | 'review' | 'done';
const STEPS: Step[] = ['choose', 'review', 'done'];

function Steps({ current }: { current: Step }) {
  const { t } = useTranslation();
  return (
    <ol className="mb-3 flex items-center gap-2 text-xs">
      {STEPS.map((step, i) => (
        <li key={step} className="flex items-center gap-2">
          {i > 0 && <span className="h-px w-6 bg-zinc-300" />}
          <span
            className={cx(
              'flex items-center gap-1.5 rounded-full px-2 py-0.5',
              step === current ? 'bg-zinc-800 text-white' : 'text-zinc-500',
            )}
          >
            <span className="tabular-nums">{i + 1}</span>
            {t(`imports.steps.${step}`)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Choose a file, dry-run it and read the report, then write it (optionally skipping bad rows). */
export function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('choose');
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [file, setFile] = useState<File | null>(null);
  const [dateFormat, setDateFormat] = useState<DateFormat>('auto');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);

  const dryRun = useMutation({
    mutationFn: async () => runImport(kind, await file!.text(), { dryRun: true, skipBadRows: false, dateFormat }),
    onSuccess: (report) => {
      setPreview(report);
      setStep('review');
    },
  });
  const write = useMutation({
    mutationFn: async () => runImport(kind, await file!.text(), { dryRun: false, skipBadRows, dateFormat }),
    onSuccess: (report) => {
      setResult(report);
      setStep('done');
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });

  function restart() {
    setStep('choose');
    setFile(null);
    setPreview(null);
    setResult(null);
    setSkipBadRows(false);
    dryRun.reset();
    write.reset();
  }

  const blockedByErrors = Boolean(preview && preview.errorCount > 0 && !skipBadRows);

  return (
    <div className="flex max-w-5xl flex-col gap-3">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Steps current={step} />
      {step === 'choose' && (
        <Card title={t('imports.steps.choose')}>
          <div className="flex flex-col gap-4">
            <ErrorBanner error={dryRun.error} />
            <fieldset>
              <legend className="mb-1.5 text-xs font-medium text-zinc-600">{t('imports.kind')}</legend>
              <div className="flex gap-2">
                {IMPORT_KINDS.map((k) => (
                  <label
                    key={k}
                    className={cx(
                      'flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-[13px]',
                      kind === k ? 'border-indigo-500 bg-indigo-50' : 'border-zinc-300 bg-white',
                    )}
                  >
                    <input
                      type="radio"
                      name="kind"
                      value={k}
                      checked={kind === k}
                      onChange={() => setKind(k)}
                      className="accent-indigo-600"
                    />
                    {t(`imports.kinds.${k}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              <Field label={t('imports.file')} htmlFor="import-file" hint={t(`imports.fileHint.${kind}`)}>
                <input
                  id="import-file"
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  className="text-[13px] file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1 file:text-[13px] file:font-medium hover:file:bg-zinc-50"
                />
              </Field>
              <Field label={t('imports.dateFormat')} htmlFor="import-date-format" hint={t('imports.dateFormatHint')}>
                <Select
                  id="import-date-format"
                  value={dateFormat}
                  onChange={(e) => setDateFormat(e.target.value as DateFormat)}
                  options={DATE_FORMATS.map((f) => ({ value: f, label: t(`imports.dateFormats.${f}`) }))}
                />
              </Field>
            </div>
            <div>
              <Button variant="primary" disabled={!file || dryRun.isPending} onClick={() => dryRun.mutate()}>
                {dryRun.isPending ? t('imports.checking') : t('imports.dryRun')}
              </Button>
            </div>
          </div>
        </Card>
      )}
      {step === 'review' && preview && (
        <Card title={t('imports.previewTitle', { file: file?.name ?? '' })}>
          <div className="flex flex-col gap-3">
            <p
              className={cx(
                'rounded-md px-3 py-2 text-[13px]',
                preview.errorCount > 0 ? 'bg-amber-50 text-amber-900' : 'bg-emerald-50 text-emerald-900',
              )}
              role="status"
            >
              {preview.errorCount > 0 ? t('imports.previewHasErrors', { count: preview.errorCount }) : t('imports.previewClean')}
            </p>
            <ImportReportView report={preview} />
            <ErrorBanner error={write.error} />
            <div className="flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-3">
              <label className="flex items-center gap-2 text-[13px] text-zinc-700">
                <input
                  type="checkbox"
                  checked={skipBadRows}
                  onChange={(e) => setSkipBadRows(e.target.checked)}
                  className="h-4 w-4 accent-indigo-600"
                />
                {t('imports.skipBadRows')}
              </label>
              <Button variant="primary" disabled={blockedByErrors || write.isPending} onClick={() => write.mutate()}>
                {write.isPending ? t('imports.importing') : t('imports.import')}
              </Button>
              <Button onClick={restart}>{t('imports.chooseAnother')}</Button>
              {blockedByErrors && <span className="text-xs text-zinc-500">{t('imports.fixOrSkip')}</span>}
            </div>
          </div>
        </Card>
      )}
      {step === 'done' && result && (
        <Card title={result.written ? t('imports.doneTitle') : t('imports.refusedTitle')}>
          <div className="flex flex-col gap-3">
            <ImportReportView report={result} />
            <div className="flex gap-2">
              <Link
                to="/accounts"
                className="inline-flex h-8 items-center rounded-md border border-indigo-600 bg-indigo-600 px-3 text-[13px] font-medium text-white hover:bg-indigo-700"
              >
                {t('imports.viewAccounts')}
              </Link>
              <Button onClick={restart}>{t('imports.importAnother')}</Button>
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}
