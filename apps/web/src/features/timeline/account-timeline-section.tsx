import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, TimelineItem } from '@northstar/contracts';
import { useSession } from '../auth/session';
import { useContacts } from '../contacts/contacts-api';
import { useFormat } from '../../i18n/use-format';
import { Badge, type Tone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { useDeleteTouch, useTimeline } from './timeline-api';
import { TouchForm } from './touch-form';
import { eventTypeKey, TIMELINE_FILTER_TYPES, toggleType, type TimelineFilterType } from './touch-form-model';

const PAGE_SIZE = 20;

const touchTones: Record<string, Tone> = {
  note: 'neutral',
  call: 'blue',
  meeting: 'violet',
  email: 'neutral',
  training: 'green',
  business_review: 'amber',
};

/** The account's touches and system events, newest first, filterable by type, with quick logging. */
export function AccountTimelineSection({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [types, setTypes] = useState<TimelineFilterType[]>([]);
  const [cursors, setCursors] = useState<string[]>([]);
  const [logging, setLogging] = useState(false);
  const query = useMemo(() => ({ type: types, limit: PAGE_SIZE, cursor: cursors.at(-1) }), [types, cursors]);
  const timeline = useTimeline(accountId, query);
  const contacts = useContacts(accountId);
  const contactList = contacts.data?.items ?? [];
  const items = timeline.data?.items ?? [];
  const changeTypes = (next: TimelineFilterType[]) => {
    setTypes(next);
    setCursors([]);
  };

  return (
    <Card
      title={t('timeline.title')}
      actions={
        canWrite &&
        !logging && (
          <Button size="sm" variant="primary" onClick={() => setLogging(true)}>
            {t('timeline.log')}
          </Button>
        )
      }
    >
      <div className="flex flex-col gap-3" data-testid="account-timeline">
        {logging && (
          <TouchForm
            accountId={accountId}
            contacts={contactList}
            onDone={() => {
              setLogging(false);
              setCursors([]);
            }}
          />
        )}
        <div className="flex flex-wrap items-center gap-1" role="group" aria-label={t('timeline.filter')}>
          <FilterChip active={types.length === 0} onClick={() => changeTypes([])}>
            {t('timeline.allTypes')}
          </FilterChip>
          {TIMELINE_FILTER_TYPES.map((type) => (
            <FilterChip key={type} active={types.includes(type)} onClick={() => changeTypes(toggleType(types, type))}>
              {type.includes('.') ? t(`timeline.eventTypes.${eventTypeKey(type)}`) : t(`timeline.touchTypes.${type}`)}
            </FilterChip>
          ))}
        </div>
        <ErrorBanner error={timeline.error} />
        {timeline.isPending ? (
          <Loading />
        ) : items.length === 0 ? (
          <EmptyState title={types.length ? t('timeline.emptyFiltered') : t('timeline.empty')} />
        ) : (
          <ol className="flex flex-col divide-y divide-zinc-100" data-testid="timeline-items">
            {items.map((item) => (
              <TimelineEntry key={`${item.kind}-${item.id}`} item={item} contacts={contactList} accountId={accountId} canWrite={canWrite} />
            ))}
          </ol>
        )}
        {(cursors.length > 0 || timeline.data?.nextCursor) && (
          <Pagination
            page={cursors.length + 1}
            hasPrevious={cursors.length > 0}
            hasNext={Boolean(timeline.data?.nextCursor)}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
            onNext={() => timeline.data?.nextCursor && setCursors((c) => [...c, timeline.data!.nextCursor!])}
          />
        )}
      </div>
    </Card>
  );
}

function FilterChip({ active, onClick, children }: { active: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cx(
        'rounded-full border px-2 py-0.5 text-[11px]',
        active ? 'border-indigo-600 bg-indigo-50 text-indigo-800' : 'border-zinc-300 bg-white text-zinc-600 hover:bg-zinc-50',
      )}
    >
      {children}
    </button>
  );
}

function TimelineEntry({
  item,
  contacts,
  accountId,
  canWrite,
}: {
  item: TimelineItem;
  contacts: Contact[];
  accountId: string;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const remove = useDeleteTouch(accountId);
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  if (item.kind === 'event' && item.event) {
    const e = item.event;
    return (
      <li className="flex items-start gap-3 py-2 text-xs" data-testid="timeline-event">
        <span className="w-36 shrink-0 text-zinc-500">{format.dateTime(item.occurredAt)}</span>
        <Badge tone="neutral">{t(`timeline.eventTypes.${eventTypeKey(e.type)}`)}</Badge>
        <span className="text-zinc-700">{e.summary[lang]}</span>
      </li>
    );
  }
  const touch = item.touch;
  if (!touch) return null;
  const names = touch.contactIds.map((id) => contacts.find((c) => c.id === id)?.name).filter(Boolean);
  const me = session.data?.user;
  const mayDelete = canWrite && me && (touch.authorId === me.id || me.role === 'admin' || me.role === 'manager');
  return (
    <li className="flex items-start gap-3 py-2 text-xs" data-testid="timeline-touch">
      <span className="w-36 shrink-0 text-zinc-500">{format.dateTime(touch.occurredAt)}</span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={touchTones[touch.type] ?? 'neutral'}>{t(`timeline.touchTypes.${touch.type}`)}</Badge>
          <span className="text-[13px] font-medium text-zinc-900">{touch.title}</span>
          {touch.lifecycleStage && <span className="text-zinc-400">{t(`stages.${touch.lifecycleStage}`)}</span>}
        </div>
        <p className="mt-0.5 text-zinc-500">
          {touch.authorName ?? t('timeline.unknownAuthor')}
          {names.length > 0 && ` · ${t('timeline.with', { names: names.join(', ') })}`}
        </p>
        {touch.body && <p className="mt-1 whitespace-pre-wrap text-zinc-700">{touch.body}</p>}
      </div>
      {mayDelete && (
        <Button
          size="sm"
          variant="ghost"
          disabled={remove.isPending}
          onClick={() => window.confirm(t('timeline.confirmDelete', { title: touch.title })) && remove.mutate(touch.id)}
        >
          {t('common.delete')}
        </Button>
      )}
    </li>
  );
}
