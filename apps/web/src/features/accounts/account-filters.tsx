import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_STATUSES,
  LIFECYCLE_STAGES,
  TIERS,
  type AccountStatus,
  type LifecycleStage,
  type Tier,
  type User,
} from '@northstar/contracts';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { Input } from '../../ui/field';
import { MultiSelect } from '../../ui/multi-select';
import { HealthBandFilter } from '../health/health-band-filter';
import { hasFilters, type AccountListState } from './account-query';

type Props = { state: AccountListState; members: readonly User[]; onChange: (change: Partial<Omit<AccountListState, 'cursors'>>) => void };

// Typing in the search box waits for a pause before it touches the URL and the API.
const SEARCH_DELAY_MS = 300;

export function AccountFilters({ state, members, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(state.q);

  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    const timer = setTimeout(() => onChange({ q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, state.q, onChange]);

  function toggleTier(tier: Tier) {
    onChange({ tier: state.tier.includes(tier) ? state.tier.filter((x) => x !== tier) : [...state.tier, tier] });
  }

  return (
    <div className="mb-3 flex flex-wrap items-end gap-2 rounded-md border border-zinc-200 bg-white p-2" role="search">
      <label className="flex flex-col gap-0.5">
        <span className="text-[11px] font-medium text-zinc-500">{t('accounts.filters.search')}</span>
        <Input
          type="search"
          value={q}
          placeholder={t('accounts.filters.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ q })}
          className="w-56"
          aria-label={t('accounts.filters.search')}
        />
      </label>
      <div className="flex flex-col gap-0.5">
        <span className="text-[11px] font-medium text-zinc-500" id="tier-filter-label">
          {t('accounts.fields.tier')}
        </span>
        <div role="group" aria-labelledby="tier-filter-label" className="inline-flex h-8 overflow-hidden rounded-md border border-zinc-300">
          {TIERS.map((tier) => (
            <button
              key={tier}
              type="button"
              aria-pressed={state.tier.includes(tier)}
              title={t(`tiers.${tier}`)}
              onClick={() => toggleTier(tier)}
              className={cx(
                'w-8 border-l border-zinc-300 text-xs font-semibold first:border-l-0',
                state.tier.includes(tier) ? 'bg-zinc-800 text-white' : 'bg-white text-zinc-600 hover:bg-zinc-50',
              )}
            >
              {tier}
            </button>
          ))}
        </div>
      </div>
      <div className="flex flex-col gap-0.5">
        <span className="text-[11px] font-medium text-zinc-500">{t('accounts.fields.lifecycleStage')}</span>
        <MultiSelect
          className="w-40"
          label={t('accounts.fields.lifecycleStage')}
          value={state.stage}
          placeholder={t('common.any')}
          options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          onChange={(stage) => onChange({ stage: stage as LifecycleStage[] })}
        />
      </div>
      <div className="flex flex-col gap-0.5">
        <span className="text-[11px] font-medium text-zinc-500">{t('accounts.fields.status')}</span>
        <MultiSelect
          className="w-32"
          label={t('accounts.fields.status')}
          value={state.status}
          placeholder={t('common.any')}
          options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onChange={(status) => onChange({ status: status as AccountStatus[] })}
        />
      </div>
      <div className="flex flex-col gap-0.5">
        <span className="text-[11px] font-medium text-zinc-500">{t('accounts.fields.owner')}</span>
        <MultiSelect
          className="w-44"
          label={t('accounts.fields.owner')}
          value={state.ownerId}
          placeholder={t('common.any')}
          options={members.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(ownerId) => onChange({ ownerId })}
        />
      </div>
      <HealthBandFilter selected={state.healthBand} onChange={(healthBand) => onChange({ healthBand })} />
      <fieldset className="flex flex-col gap-0.5">
        <legend className="text-[11px] font-medium text-zinc-500">{t('accounts.filters.renewalWindow')}</legend>
        <div className="flex items-center gap-1">
          <Input
            type="date"
            className="w-36"
            value={state.renewalFrom}
            aria-label={t('accounts.filters.renewalFrom')}
            onChange={(e) => onChange({ renewalFrom: e.target.value })}
          />
          <span className="text-zinc-400">–</span>
          <Input
            type="date"
            className="w-36"
            value={state.renewalTo}
            aria-label={t('accounts.filters.renewalTo')}
            onChange={(e) => onChange({ renewalTo: e.target.value })}
          />
        </div>
      </fieldset>
      {hasFilters(state) && (
        <Button
          variant="ghost"
          onClick={() => {
            setQ('');
            onChange({ q: '', tier: [], stage: [], status: [], ownerId: [], healthBand: [], renewalFrom: '', renewalTo: '' });
          }}
        >
          {t('accounts.filters.clear')}
        </Button>
      )}
    </div>
  );
}
