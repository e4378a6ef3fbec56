import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERIENCE_INPUT_KINDS, type CreateExperienceInput, type ExperienceInputKind } from '@northstar/contracts';
import { fieldErrors } from '../../api/client';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Select } from '../../ui/select';
import { useDeleteExperienceInput, useExperienceInputs, useRecordExperienceInput, useSetNorthStarTarget } from './health-api';

/** The accepted range of each input (CreateExperienceInputSchema), for the field's own limits and hint. */
const RANGES: Record<ExperienceInputKind, { min?: number; max?: number; step: number }> = {
  nps: { min: 0, max: 10, step: 1 },
  csat: { min: 1, max: 5, step: 0.1 },
  support_tickets: { min: 0, step: 1 },
  csm_sentiment: { min: 1, max: 5, step: 1 },
  custom: { step: 0.01 },
};

type InputForm = { kind: ExperienceInputKind; key: string; value: string; observedOn: string; note: string };
const emptyForm: InputForm = { kind: 'nps', key: '', value: '', observedOn: '', note: '' };

/** Experience inputs (NPS, CSAT, tickets, CSM sentiment) and the north-star target: the recent ones, and a form for roles that may set them. */
export function ExperienceInputsSection({
  accountId,
  canInputs,
  northStarTarget,
}: {
  accountId: string;
  canInputs: boolean;
  northStarTarget: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const inputs = useExperienceInputs(accountId);
  const record = useRecordExperienceInput(accountId);
  const remove = useDeleteExperienceInput(accountId);
  const [form, setForm] = useState<InputForm>(emptyForm);
  const range = RANGES[form.kind];
  const errors = fieldErrors(record.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body: CreateExperienceInput = { kind: form.kind, value: Number(form.value), source: 'manual' };
    if (form.kind === 'custom') body.key = form.key.trim();
    // A date picked is the day it was observed; noon local keeps it on that day in every zone nearby.
    if (form.observedOn) body.observedAt = new Date(`${form.observedOn}T12:00:00`).toISOString();
    if (form.note.trim()) body.note = form.note.trim();
    record.mutate(body, { onSuccess: () => setForm({ ...emptyForm, kind: form.kind }) });
  }

  return (
    <section className="flex flex-col gap-2 border-t border-zinc-100 pt-3" data-testid="health-inputs">
      <h3 className="text-xs font-semibold text-zinc-700">{t('health.inputs.title')}</h3>
      {canInputs && (
        <div className="flex flex-wrap items-start gap-6">
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={t('health.inputs.record')}>
            <Field label={t('health.inputs.kind')} htmlFor="health-input-kind" className="w-40">
              <Select
                id="health-input-kind"

                value={form.kind}
                options={EXPERIENCE_INPUT_KINDS.map((k) => ({ value: k, label: t(`health.inputs.kinds.${k}`) }))}
                onChange={(e) => setForm({ ...form, kind: e.target.value as ExperienceInputKind })}
              />
            </Field>
            {form.kind === 'custom' && (
              <Field label={t('health.inputs.key')} htmlFor="health-input-key" error={errors.key} className="w-32">
                <Input
                  id="health-input-key"

                  required
                  pattern="[a-z][a-z0-9_]*"
                  value={form.key}
                  onChange={(e) => setForm({ ...form, key: e.target.value })}
                />
              </Field>
            )}
            <Field label={t('health.inputs.value')} htmlFor="health-input-value" error={errors.value} className="w-24">
              <Input
                id="health-input-value"

                type="number"
                required
                min={range.min}
                max={range.max}
                step={range.step}
                value={form.value}
                placeholder={range.max === undefined ? '' : `${range.min ?? ''}–${range.max}`}
                onChange={(e) => setForm({ ...form, value: e.target.value })}
              />
            </Field>
            <Field label={t('health.inputs.observedOn')} htmlFor="health-input-date" error={errors.observedAt} className="w-36">
              <Input
                id="health-input-date"

                type="date"
                value={form.observedOn}
                onChange={(e) => setForm({ ...form, observedOn: e.target.value })}
              />
            </Field>
            <Field label={t('health.inputs.note')} htmlFor="health-input-note" error={errors.note} className="w-48">
              <Input
                id="health-input-note"

                maxLength={1000}
                value={form.note}
                onChange={(e) => setForm({ ...form, note: e.target.value })}
              />
            </Field>
            <Button type="submit" variant="primary" disabled={record.isPending}>
              {record.isPending ? t('common.saving') : t('health.inputs.record')}
            </Button>
          </form>
          <NorthStarTargetForm accountId={accountId} target={northStarTarget} />
        </div>
      )}
      {canInputs && <ErrorBanner error={record.error} />}
      {!canInputs && (
        <p className="text-xs text-zinc-500">
          {t('health.inputs.target')}: {northStarTarget === null ? t('health.inputs.noTarget') : format.number(northStarTarget)}
        </p>
      )}
      {remove.error && <ErrorBanner error={remove.error} />}
      {inputs.data && inputs.data.items.length > 0 ? (
        <table className="w-full text-xs" data-testid="health-input-list">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1">{t('health.inputs.observedOn')}</th>
              <th>{t('health.inputs.kind')}</th>
              <th>{t('health.inputs.value')}</th>
              <th>{t('health.inputs.setBy')}</th>
              <th>{t('health.inputs.note')}</th>
              {canInputs && <th />}
            </tr>
          </thead>
          <tbody>
            {inputs.data.items.map((input) => (
              <tr key={input.id} className="border-t border-zinc-100">
                <td className="py-1 whitespace-nowrap">{format.dateTime(input.observedAt)}</td>
                <td>{input.kind === 'custom' ? input.key : t(`health.inputs.kinds.${input.kind}`)}</td>
                <td className="tabular-nums">{format.number(input.value)}</td>
                <td>
                  {input.setByName ?? '—'} <span className="text-zinc-400">({input.source})</span>
                </td>
                <td className="text-zinc-600">{input.note}</td>
                {canInputs && (
                  <td className="text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={remove.isPending}
                      onClick={() => {
                        const kind = input.kind === 'custom' ? input.key : t(`health.inputs.kinds.${input.kind}`);
                        if (window.confirm(t('health.inputs.confirmDelete', { kind, value: format.number(input.value) })))
                          remove.mutate(input.id);
                      }}
                    >
                      {t('common.delete')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : inputs.data ? (
        <p className="text-xs text-zinc-500">{t('health.inputs.none')}</p>
      ) : (
        <ErrorBanner error={inputs.error} />
      )}
    </section>
  );
}

/** The account's north-star target per 30 days; clearing it leaves the north-star measure without data. */
function NorthStarTargetForm({ accountId, target }: { accountId: string; target: number | null }) {
  const { t } = useTranslation();
  const save = useSetNorthStarTarget(accountId);
  const [value, setValue] = useState(target === null ? '' : String(target));
  useEffect(() => setValue(target === null ? '' : String(target)), [target]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate(value.trim() === '' ? null : Number(value));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1" aria-label={t('health.inputs.target')}>
      <div className="flex items-end gap-2">
        <Field
          label={t('health.inputs.target')}
          htmlFor="health-target"
          hint={t('health.inputs.targetHint')}
          error={fieldErrors(save.error).target}
          className="w-32"
        >
          <Input
            id="health-target"

            type="number"
            min={0}
            step="any"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={save.isPending} className="mb-5">
          {value.trim() === '' && target !== null ? t('health.inputs.clearTarget') : t('health.inputs.saveTarget')}
        </Button>
      </div>
      {save.isSuccess && <p className="text-xs text-emerald-700">{t('health.inputs.targetSaved')}</p>}
    </form>
  );
}
