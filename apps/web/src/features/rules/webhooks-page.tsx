import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryStatus, WebhookSigningSecret } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { useFormat } from '../../i18n/use-format';
import { Badge, type Tone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { SecretBox } from '../../ui/secret-box';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';
import {
  useRedeliver,
  useRotateSigningSecret,
  useSendTestWebhook,
  useUpdateWebhookSettings,
  useWebhookDeliveries,
  useWebhookSettings,
} from './webhooks-api';

const statusTone: Record<WebhookDeliveryStatus, Tone> = { delivered: 'green', pending: 'amber', failed: 'red' };

/** Outgoing webhooks: signing secret and private-target policy (admins), a test send, the delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <div className="flex flex-col gap-3">
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      {can('workspace:manage') && <WebhookSettingsCard />}
      {can('webhooks:manage') && <TestWebhookCard />}
      <DeliveriesCard />
    </div>
  );
}

function WebhookSettingsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useWebhookSettings(true);
  const update = useUpdateWebhookSettings();
  const rotate = useRotateSigningSecret();
  const [secret, setSecret] = useState<WebhookSigningSecret | null>(null);
  const s = settings.data;
  return (
    <Card title={t('webhooks.settings')}>
      <div className="flex flex-col gap-3 text-xs">
        <ErrorBanner error={settings.error ?? update.error ?? rotate.error} />
        {secret && <SecretBox title={t('webhooks.newSecret')} value={secret.secret} onDismiss={() => setSecret(null)} />}
        {s && (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium text-zinc-700">{t('webhooks.signingSecret')}</span>
              <code className="rounded bg-zinc-100 px-1.5 py-0.5" data-testid="secret-prefix">
                {s.signingSecretPrefix ? `${s.signingSecretPrefix}…` : t('webhooks.noSecret')}
              </code>
              {s.signingSecretRotatedAt && (
                <span className="text-zinc-500">{t('webhooks.rotatedAt', { when: format.dateTime(s.signingSecretRotatedAt) })}</span>
              )}
              <Button
                size="sm"
                disabled={rotate.isPending}
                onClick={() => window.confirm(t('webhooks.confirmRotate')) && rotate.mutate(undefined, { onSuccess: setSecret })}
              >
                {t('webhooks.rotate')}
              </Button>
            </div>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5"
                checked={s.allowPrivateWebhookTargets}
                disabled={update.isPending}
                onChange={(e) => update.mutate({ allowPrivateWebhookTargets: e.target.checked })}
              />
              <span>
                <span className="font-medium text-zinc-800">{t('webhooks.allowPrivate')}</span>
                <span className="block text-zinc-500">{t('webhooks.allowPrivateHint')}</span>
              </span>
            </label>
          </>
        )}
      </div>
    </Card>
  );
}

function TestWebhookCard() {
  const { t } = useTranslation();
  const send = useSendTestWebhook();
  const [url, setUrl] = useState('https://');
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate(url.trim());
  }
  return (
    <Card title={t('webhooks.test')}>
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2" aria-label={t('webhooks.test')}>
        <Input aria-label={t('webhooks.url')} type="url" className="max-w-md" value={url} onChange={(e) => setUrl(e.target.value)} />
        <Button type="submit" disabled={send.isPending || !url.trim()}>
          {t('webhooks.send')}
        </Button>
        {send.data && (
          <span className="text-xs text-zinc-600">
            {t('webhooks.testQueued')} <Badge tone={statusTone[send.data.status]}>{t(`webhooks.statuses.${send.data.status}`)}</Badge>
          </span>
        )}
      </form>
      <ErrorBanner error={send.error} className="mt-2" />
    </Card>
  );
}

function DeliveriesCard() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useWebhookDeliveries({ status: status || undefined, limit: 25, cursor: cursors.at(-1) });
  const redeliver = useRedeliver();
  const items = deliveries.data?.items ?? [];
  return (
    <Card
      title={t('webhooks.deliveries')}
      actions={
        <Select
          aria-label={t('webhooks.statusFilter')}
          className="h-7 w-36 text-xs"
          value={status}
          placeholder={t('webhooks.allStatuses')}
          options={(['pending', 'delivered', 'failed'] as const).map((s) => ({ value: s, label: t(`webhooks.statuses.${s}`) }))}
          onChange={(e) => {
            setStatus(e.target.value as WebhookDeliveryStatus | '');
            setCursors([]);
          }}
        />
      }
    >
      <ErrorBanner error={deliveries.error ?? redeliver.error} />
      {deliveries.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('webhooks.noDeliveries')} />
      ) : (
        <Table label={t('webhooks.deliveries')}>
          <thead>
            <tr>
              <Th>{t('webhooks.created')}</Th>
              <Th>{t('webhooks.event')}</Th>
              <Th>{t('webhooks.url')}</Th>
              <Th>{t('webhooks.status')}</Th>
              <Th align="right">{t('webhooks.attempts')}</Th>
              <Th>{t('webhooks.lastResult')}</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <Fragment key={d.id}>
                <Tr>
                  <Td className="whitespace-nowrap">{format.dateTime(d.createdAt)}</Td>
                  <Td className="font-mono text-xs">{d.event}</Td>
                  <Td className="max-w-72 truncate text-xs" title={d.url}>
                    {d.url}
                  </Td>
                  <Td>
                    <Badge tone={statusTone[d.status]}>{t(`webhooks.statuses.${d.status}`)}</Badge>
                    {d.status === 'pending' && d.nextAttemptAt && (
                      <div className="text-[11px] text-zinc-500">
                        {t('webhooks.nextAttempt', { when: format.dateTime(d.nextAttemptAt) })}
                      </div>
                    )}
                  </Td>
                  <Td align="right">
                    {d.attempts}/{d.maxAttempts}
                  </Td>
                  <Td className="text-xs">
                    {d.lastStatusCode !== null && <span className="font-mono">HTTP {d.lastStatusCode}</span>}
                    {d.lastError && <span className="ml-1 text-red-700">{d.lastError}</span>}
                  </Td>
                  <Td align="right" className="whitespace-nowrap">
                    <Button size="sm" variant="ghost" onClick={() => setOpen(open === d.id ? null : d.id)}>
                      {open === d.id ? t('webhooks.hide') : t('webhooks.show')}
                    </Button>
                    {can('webhooks:manage') && (
                      <Button size="sm" variant="ghost" disabled={redeliver.isPending} onClick={() => redeliver.mutate(d.id)}>
                        {t('webhooks.redeliver')}
                      </Button>
                    )}
                  </Td>
                </Tr>
                {open === d.id && (
                  <tr>
                    <td colSpan={7} className="border-b border-zinc-100 bg-zinc-50 p-3 text-xs">
                      <ol className="mb-2 flex flex-col gap-0.5">
                        {d.attemptLog.map((a, i) => (
                          <li key={i}>
                            {format.dateTime(a.at)} · {a.statusCode !== null ? `HTTP ${a.statusCode}` : a.error} · {a.durationMs} ms
                          </li>
                        ))}
                      </ol>
                      <pre className="max-h-48 overflow-auto rounded bg-white p-2 font-mono text-[11px]">
                        {JSON.stringify(d.payload, null, 2)}
                      </pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </Table>
      )}
      {(cursors.length > 0 || deliveries.data?.nextCursor) && (
        <Pagination
          page={cursors.length + 1}
          hasPrevious={cursors.length > 0}
          hasNext={Boolean(deliveries.data?.nextCursor)}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => deliveries.data?.nextCursor && setCursors((c) => [...c, deliveries.data!.nextCursor!])}
        />
      )}
    </Card>
  );
}
