import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card } from '../../ui/page-header';
import { useHealthSettings, useSaveHealthSettings } from './health-api';

/** The workspace's band thresholds (red < X ≤ yellow < Y ≤ green) and score-drop alert threshold; they apply to every scorecard. */
export function BandSettingsCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const settings = useHealthSettings();
  const save = useSaveHealthSettings();
  const [form, setForm] = useState({ red: '', yellow: '', drop: '' });
  const data = settings.data;
  useEffect(() => {
    if (data) setForm({ red: String(data.bands.red), yellow: String(data.bands.yellow), drop: String(data.scoreDropThreshold) });
  }, [data]);
  const errors = fieldErrors(save.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ bands: { red: Number(form.red), yellow: Number(form.yellow) }, scoreDropThreshold: Number(form.drop) });
  }

  return (
    <Card title={t('health.settings.title')}>
      <ErrorBanner error={settings.error} />
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" aria-label={t('health.settings.title')}>
        <Field label={t('health.settings.red')} htmlFor="bands-red" error={errors.bands} className="w-24">
          <Input
            id="bands-red"
            type="number"
            min={1}
            max={99}
            step="any"

            value={form.red}
            disabled={!canManage}
            onChange={(e) => setForm({ ...form, red: e.target.value })}
          />
        </Field>
        <Field label={t('health.settings.yellow')} htmlFor="bands-yellow" className="w-24">
          <Input
            id="bands-yellow"
            type="number"
            min={1}
            max={99}
            step="any"

            value={form.yellow}
            disabled={!canManage}
            onChange={(e) => setForm({ ...form, yellow: e.target.value })}
          />
        </Field>
        <Field
          label={t('health.settings.drop')}
          htmlFor="bands-drop"
          error={errors.scoreDropThreshold}
          hint={t('health.settings.dropHint')}
          className="w-24"
        >
          <Input
            id="bands-drop"
            type="number"
            min={1}
            max={100}
            step="any"

            value={form.drop}
            disabled={!canManage}
            onChange={(e) => setForm({ ...form, drop: e.target.value })}
          />
        </Field>
        <p className="self-center text-xs text-zinc-600">
          {t('health.settings.explain', { red: form.red || '?', yellow: form.yellow || '?' })}
        </p>
        {canManage && (
          <Button type="submit" className="mt-5" disabled={save.isPending || !data}>
            {save.isPending ? t('common.saving') : t('health.settings.save')}
          </Button>
        )}
      </form>
      <ErrorBanner error={save.error} className="mt-2" />
      {save.isSuccess && <p className="mt-1 text-xs text-emerald-700">{t('health.settings.saved')}</p>}
    </Card>
  );
}
