import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TieringPolicyBody } from '@northstar/contracts';
import { ApiError } from '../../api/client';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Input } from '../../ui/field';
import { Card } from '../../ui/page-header';
import { fromPolicyDraft, policyFieldErrors, toPolicyDraft, type PolicyDraft } from './tiering-policy-model';
import { useUpdateTieringPolicy } from './tiers-api';

/** The workspace's tiering rules (DOMAIN §3), editable by those who manage tiers; saving recomputes. */
export function TieringPolicyCard({ policy, canEdit }: { policy: TieringPolicyBody; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateTieringPolicy();
  const [draft, setDraft] = useState<PolicyDraft>(() => toPolicyDraft(policy));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(toPolicyDraft(policy)), [policy]);
  const errors = update.error instanceof ApiError ? policyFieldErrors(update.error.details) : {};
  const set = (patch: Partial<PolicyDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const number = (name: keyof PolicyDraft, label: string, suffix: string, disabled = false) => (
    <PolicyField id={`policy-${name}`} label={label} error={errors[name]}>
      <div className="flex items-center gap-1">
        <Input
          id={`policy-${name}`}
          inputMode="decimal"
          className="w-20"
          value={draft[name] as string}
          disabled={!canEdit || disabled}
          invalid={Boolean(errors[name])}
          onChange={(e) => set({ [name]: e.target.value } as Partial<PolicyDraft>)}
        />
        <span className="text-xs text-zinc-500">{suffix}</span>
      </div>
    </PolicyField>
  );
  const toggle = (name: 'cPercentileOn' | 'cEmployeesOn', label: string) => (
    <label className="flex items-center gap-1.5 text-xs text-zinc-600">
      <input
        type="checkbox"
        checked={draft[name]}
        disabled={!canEdit}
        onChange={(e) => set({ [name]: e.target.checked } as Partial<PolicyDraft>)}
      />
      {label}
    </label>
  );

  return (
    <Card title={t('tiering.policy.title')}>
      <form
        className="flex flex-col gap-3"
        data-testid="tiering-policy"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(fromPolicyDraft(draft), { onSuccess: () => setSaved(true) });
        }}
      >
        <div className="grid gap-3 md:grid-cols-3">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-xs font-semibold text-zinc-700">{t('tiering.policy.s')}</legend>
            {number('arrShare', t('tiering.policy.arrShare'), '%')}
            {number('maxAccountShare', t('tiering.policy.maxAccountShare'), '%')}
            {number('minAccountShare', t('tiering.policy.minAccountShare'), '%')}
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-xs font-semibold text-zinc-700">{t('tiering.policy.c')}</legend>
            {toggle('cPercentileOn', t('tiering.policy.cPercentileOn'))}
            {number('cPercentile', t('tiering.policy.cPercentile'), t('tiering.policy.percentile'), !draft.cPercentileOn)}
            {toggle('cEmployeesOn', t('tiering.policy.cEmployeesOn'))}
            {number('cEmployees', t('tiering.policy.cEmployees'), t('tiering.policy.employees'), !draft.cEmployeesOn)}
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-xs font-semibold text-zinc-700">{t('tiering.policy.ab')}</legend>
            {number('usageThreshold', t('tiering.policy.usageThreshold'), t('tiering.policy.ofSeats'))}
            {number('healthThreshold', t('tiering.policy.healthThreshold'), '/ 100')}
            <p className="text-[11px] text-zinc-500">{t('tiering.policy.abHint')}</p>
          </fieldset>
        </div>
        {Object.keys(errors).length === 0 && <ErrorBanner error={update.error} />}
        {canEdit && (
          <div className="flex items-center gap-2">
            <Button type="submit" variant="primary" disabled={update.isPending}>
              {update.isPending ? t('tiering.recomputing') : t('tiering.policy.save')}
            </Button>
            <Button variant="ghost" onClick={() => set(toPolicyDraft(policy))} disabled={update.isPending}>
              {t('tiering.policy.reset')}
            </Button>
            {saved && (
              <span role="status" className="text-xs text-green-700">
                {t('tiering.policy.saved')}
              </span>
            )}
          </div>
        )}
      </form>
    </Card>
  );
}

function PolicyField({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-zinc-600">
        {label}
      </label>
      {children}
      {error && (
        <p className="text-xs text-red-700" role="alert" data-field-error={id}>
          {error}
        </p>
      )}
    </div>
  );
}
