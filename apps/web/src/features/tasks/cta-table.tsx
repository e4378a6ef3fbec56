import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CTA_OUTCOMES, type Cta, type CtaOutcome } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge, type Tone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Input } from '../../ui/field';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';
import { useCloseCta } from './tasks-api';

export const ctaReasonTone: Record<Cta['reason'], Tone> = {
  risk: 'red',
  lifecycle: 'blue',
  expansion: 'green',
  renewal: 'violet',
  other: 'neutral',
};

/** Calls to action with their task progress; open ones close with an outcome (and skip their open tasks). */
export function CtaTable({
  ctas,
  showAccount = true,
  canActOn,
  label,
}: {
  ctas: Cta[];
  showAccount?: boolean;
  canActOn: (cta: Cta) => boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [closing, setClosing] = useState<string | null>(null);
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t('ctas.fields.reason')}</Th>
          <Th>{t('ctas.fields.title')}</Th>
          {showAccount && <Th>{t('ctas.fields.account')}</Th>}
          <Th>{t('ctas.fields.owner')}</Th>
          <Th align="right">{t('ctas.fields.tasks')}</Th>
          <Th>{t('ctas.fields.opened')}</Th>
          <Th>{t('ctas.fields.status')}</Th>
          <Th />
        </tr>
      </thead>
      <tbody>
        {ctas.map((cta) => (
          <Tr key={cta.id}>
            <Td>
              <Badge tone={ctaReasonTone[cta.reason]}>{t(`ctas.reasons.${cta.reason}`)}</Badge>
            </Td>
            <Td className="min-w-48 font-medium">{cta.title}</Td>
            {showAccount && (
              <Td className="whitespace-nowrap">
                <Link to={`/accounts/${cta.accountId}`} className="text-indigo-700 hover:underline">
                  {cta.accountName}
                </Link>
              </Td>
            )}
            <Td className="whitespace-nowrap">{cta.ownerName ?? t('tasks.unassigned')}</Td>
            <Td align="right">{t('ctas.taskProgress', { open: cta.openTaskCount, total: cta.taskCount })}</Td>
            <Td className="whitespace-nowrap">{format.date(cta.createdAt)}</Td>
            <Td className="whitespace-nowrap">
              {cta.status === 'open' ? (
                <Badge tone="blue">{t('ctas.open')}</Badge>
              ) : (
                <span title={cta.outcomeNote ?? undefined}>
                  <Badge tone={cta.outcome === 'resolved' ? 'green' : 'neutral'}>{t(`ctas.outcomes.${cta.outcome ?? 'resolved'}`)}</Badge>
                </span>
              )}
            </Td>
            <Td align="right" className="whitespace-nowrap">
              {cta.status === 'open' &&
                canActOn(cta) &&
                (closing === cta.id ? (
                  <CloseCtaForm cta={cta} onDone={() => setClosing(null)} />
                ) : (
                  <Button size="sm" onClick={() => setClosing(cta.id)}>
                    {t('ctas.close')}
                  </Button>
                ))}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

function CloseCtaForm({ cta, onDone }: { cta: Cta; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useCloseCta();
  const [outcome, setOutcome] = useState<CtaOutcome>('resolved');
  const [note, setNote] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    close.mutate({ ctaId: cta.id, body: { outcome, ...(note.trim() ? { note: note.trim() } : {}) } }, { onSuccess: onDone });
  }
  return (
    <form onSubmit={submit} className="flex flex-col items-end gap-1" aria-label={t('ctas.closeTitle', { title: cta.title })}>
      <div className="flex items-center gap-1.5">
        <Select
          aria-label={t('ctas.outcome')}
          className="h-7 w-36 text-xs"
          value={outcome}
          options={CTA_OUTCOMES.map((o) => ({ value: o, label: t(`ctas.outcomes.${o}`) }))}
          onChange={(e) => setOutcome(e.target.value as CtaOutcome)}
        />
        <Input
          aria-label={t('ctas.note')}
          placeholder={t('ctas.note')}
          maxLength={2000}
          className="h-7 w-48 text-xs"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button size="sm" type="submit" variant="primary" disabled={close.isPending}>
          {t('ctas.confirmClose')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
      {cta.openTaskCount > 0 && <p className="text-[11px] text-zinc-500">{t('ctas.closeSkipsTasks', { count: cta.openTaskCount })}</p>}
      <ErrorBanner error={close.error} />
    </form>
  );
}
