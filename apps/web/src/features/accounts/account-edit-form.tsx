import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_STATUSES, TIERS, type Account } from '@northstar/contracts';
import { fieldErrors } from '../../api/client';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input, Textarea } from '../../ui/field';
import { Select } from '../../ui/select';
import { toAccountForm, toAccountPatch, type AccountForm } from './account-form';
import { useMembers, useUpdateAccount } from './accounts-api';
import { useStageOptions } from '../lifecycle/use-stage-options';

type TextField = Exclude<keyof AccountForm, 'ownerId' | 'tier' | 'lifecycleStage' | 'status' | 'churnReason'>;

const TEXT_FIELDS: { name: TextField; type?: string; inputMode?: 'numeric' | 'decimal' }[] = [
  { name: 'name' },
  { name: 'plan' },
  { name: 'arr', inputMode: 'decimal' },
  { name: 'currency' },
  { name: 'renewalDate', type: 'date' },
  { name: 'contractStart', type: 'date' },
  { name: 'licensedSeats', inputMode: 'numeric' },
  { name: 'domain' },
  { name: 'industry' },
  { name: 'employees', inputMode: 'numeric' },
  { name: 'region' },
  { name: 'externalId' },
  { name: 'tags' },
  { name: 'churnDate', type: 'date' },
];

/** Inline edit: PATCHes the changed fields and shows each API problem beside its input. */
export function AccountEditForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AccountForm>(() => toAccountForm(account));
  const update = useUpdateAccount(account.id);
  const members = useMembers();
  const stageOptions = useStageOptions(account.lifecycleStage);
  const errors = fieldErrors(update.error);
  const set = (name: keyof AccountForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const label = (name: string) => t(`accounts.fields.${name === 'ownerId' ? 'owner' : name}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    const patch = toAccountPatch(account, form);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('accounts.editTitle')} noValidate>
      <ErrorBanner error={update.error} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">
        {TEXT_FIELDS.map(({ name, type, inputMode }) => (
          <Field
            key={name}
            label={label(name)}
            htmlFor={`account-${name}`}
            error={errors[name]}
            hint={name === 'tags' ? t('accounts.tagsHint') : undefined}
          >
            <Input
              id={`account-${name}`}
              name={name}
              type={type ?? 'text'}
              inputMode={inputMode}
              value={form[name]}
              onChange={set(name)}
              invalid={Boolean(errors[name])}
            />
          </Field>
        ))}
        <Field label={label('ownerId')} htmlFor="account-ownerId" error={errors.ownerId}>
          <Select
            id="account-ownerId"
            value={form.ownerId}
            onChange={set('ownerId')}
            placeholder={t('common.none')}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Field>
        <Field label={label('tier')} htmlFor="account-tier" error={errors.tier}>
          <Select
            id="account-tier"
            value={form.tier}
            onChange={set('tier')}
            placeholder={t('common.none')}
            options={TIERS.map((x) => ({ value: x, label: `${x} · ${t(`tiers.${x}`)}` }))}
          />
        </Field>
        <Field label={label('lifecycleStage')} htmlFor="account-lifecycleStage" error={errors.lifecycleStage}>
          <Select
            id="account-lifecycleStage"
            value={form.lifecycleStage}
            onChange={set('lifecycleStage')}
            placeholder={t('common.none')}
            // Until the workspace's stages load, only the current one (under its default name).
            options={
              stageOptions ?? (form.lifecycleStage ? [{ value: form.lifecycleStage, label: t(`stages.${form.lifecycleStage}`) }] : [])
            }
            disabled={!stageOptions}
          />
        </Field>
        <Field label={label('status')} htmlFor="account-status" error={errors.status}>
          <Select
            id="account-status"
            value={form.status}
            onChange={set('status')}
            options={ACCOUNT_STATUSES.map((x) => ({ value: x, label: t(`statuses.${x}`) }))}
          />
        </Field>
      </div>
      <Field label={label('churnReason')} htmlFor="account-churnReason" error={errors.churnReason}>
        <Textarea id="account-churnReason" value={form.churnReason} onChange={set('churnReason')} rows={2} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
