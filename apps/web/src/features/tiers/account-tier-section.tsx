import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIERS, type Tier } from '@northstar/contracts';
import { TierBadge } from '../accounts/account-badges';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { useAccountTier, usePinTier } from './tiers-api';

/** Why the account is in its tier, its pin (set or remove) and its tier history. */
export function AccountTierSection({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const tier = useAccountTier(accountId);
  const pin = usePinTier(accountId);
  const [pinning, setPinning] = useState(false);
  const [form, setForm] = useState<{ tier: Tier; reason: string; expiresAt: string }>({ tier: 'S', reason: '', expiresAt: '' });
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  if (tier.isPending) return <Card title={t('tiering.accountTitle')}>{t('common.loading')}</Card>;
  if (!tier.data) return <ErrorBanner error={tier.error} />;
  const d = tier.data;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    pin.mutate({ tier: form.tier, reason: form.reason, expiresAt: form.expiresAt || null }, { onSuccess: () => setPinning(false) });
  }

  return (
    <Card
      title={t('tiering.accountTitle')}
      actions={
        canWrite &&
        (d.pin ? (
          <Button size="sm" onClick={() => pin.mutate(null)} disabled={pin.isPending}>
            {t('tiering.unpin')}
          </Button>
        ) : (
          !pinning && (
            <Button size="sm" onClick={() => setPinning(true)}>
              {t('tiering.pin')}
            </Button>
          )
        ))
      }
    >
      <div className="flex flex-col gap-2 text-[13px]" data-testid="tier-explanation">
        <div className="flex items-center gap-2">
          <TierBadge tier={d.tier} />
          <span>{d.text ? d.text[lang] : t('tiering.notComputed')}</span>
        </div>
        {d.pin && (
          <p className="text-xs text-zinc-600">
            {t('tiering.pinnedBy', { tier: d.pin.tier, reason: d.pin.reason })}
            {d.pin.expiresAt && ` · ${t('tiering.until', { date: format.date(d.pin.expiresAt) })}`}
            {d.calculatedTier && ` · ${t('tiering.calculated', { tier: d.calculatedTier })}`}
          </p>
        )}
        <ErrorBanner error={pin.error} />
        {pinning && (
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
            <Field label={t('accounts.fields.tier')} htmlFor="pin-tier">
              <Select
                id="pin-tier"
                value={form.tier}
                options={TIERS.map((x) => ({ value: x, label: x }))}
                onChange={(e) => setForm({ ...form, tier: e.target.value as Tier })}
              />
            </Field>
            <Field label={t('tiering.reason')} htmlFor="pin-reason">
              <Input id="pin-reason" required value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
            </Field>
            <Field label={t('tiering.expiresAt')} htmlFor="pin-expires">
              <Input
                id="pin-expires"
                type="date"
                value={form.expiresAt}
                onChange={(e) => setForm({ ...form, expiresAt: e.target.value })}
              />
            </Field>
            <Button type="submit" variant="primary" disabled={pin.isPending}>
              {t('tiering.pin')}
            </Button>
            <Button onClick={() => setPinning(false)}>{t('common.cancel')}</Button>
          </form>
        )}
        {d.history.length > 0 && (
          <ul className="mt-1 border-t border-zinc-100 pt-1 text-xs text-zinc-600">
            {d.history.map((h) => (
              <li key={`${h.changedAt}-${h.to}`}>
                {format.dateTime(h.changedAt)}: {h.from ?? '—'} → {h.to} ({t(`tiering.causes.${h.cause}`)}) — {h.text[lang]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
