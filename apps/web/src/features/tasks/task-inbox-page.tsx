import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useSession } from '../auth/session';
import { useMembers } from '../accounts/accounts-api';
import { usePlaybookNames } from '../playbooks/playbooks-api';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { Select } from '../../ui/select';
import { CtaTable } from './cta-table';
import { TaskTable } from './task-table';
import { useCanActOnWork, useCtas, useTaskInbox, useTasks } from './tasks-api';
import { utcToday } from './task-view-model';

const PAGE_SIZE = 50;

/**
 * The CSM's day: open tasks across accounts by due date then priority, overdue first and tinted;
 * managers switch to the team's and narrow to one owner. A second tab lists calls to action.
 */
export function TaskInboxPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'ctas' ? 'ctas' : 'tasks';
  const scope = can('tasks:manage-team') && params.get('scope') === 'team' ? 'team' : 'mine';
  const owner = scope === 'team' ? (params.get('owner') ?? '') : '';
  const members = useMembers();

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'scope') next.delete('owner');
    setParams(next);
  };

  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        actions={
          <>
            {can('tasks:manage-team') && (
              <div className="flex rounded-md border border-zinc-300 bg-white p-0.5" role="group" aria-label={t('tasks.scope')}>
                {(['mine', 'team'] as const).map((s) => (
                  <button
                    key={s}
                    type="button"
                    aria-pressed={scope === s}
                    onClick={() => set('scope', s === 'mine' ? '' : s)}
                    className={cx(
                      'rounded px-2.5 py-1 text-xs',
                      scope === s ? 'bg-indigo-600 text-white' : 'text-zinc-700 hover:bg-zinc-100',
                    )}
                  >
                    {t(`tasks.scopes.${s}`)}
                  </button>
                ))}
              </div>
            )}
            {scope === 'team' && (
              <Select
                aria-label={t('tasks.ownerFilter')}
                className="w-48"
                value={owner}
                placeholder={t('tasks.allOwners')}
                options={(members.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))}
                onChange={(e) => set('owner', e.target.value)}
              />
            )}
          </>
        }
      />
      <nav className="flex gap-1 border-b border-zinc-200" aria-label={t('tasks.views')}>
        {(['tasks', 'ctas'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-current={view === v ? 'page' : undefined}
            onClick={() => set('view', v === 'tasks' ? '' : v)}
            className={cx(
              '-mb-px border-b-2 px-3 py-1.5 text-[13px]',
              view === v ? 'border-indigo-600 font-medium text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800',
            )}
          >
            {t(`tasks.viewNames.${v}`)}
          </button>
        ))}
      </nav>
      {view === 'tasks' ? (
        <TasksView key={`${scope}-${owner}`} scope={scope} owner={owner} />
      ) : (
        <CtasView key={`${scope}-${owner}`} scope={scope} owner={owner} />
      )}
    </div>
  );
}

function TasksView({ scope, owner }: { scope: 'mine' | 'team'; owner: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const canActOn = useCanActOnWork();
  const playbookNames = usePlaybookNames();
  const [cursors, setCursors] = useState<string[]>([]);
  const query = useMemo(
    () => ({ scope, ownerId: owner ? [owner] : undefined, limit: PAGE_SIZE, cursor: cursors.at(-1) }),
    [scope, owner, cursors],
  );
  const inbox = useTaskInbox(query);
  const me = session.data?.user.id;
  // Recently closed work, to reopen by mistake: the last month's due dates, newest close first.
  const closedQuery = useMemo(() => {
    const from = new Date(Date.now() - 30 * 86_400_000);
    const ownerIds = owner ? [owner] : scope === 'mine' && me ? [me] : undefined;
    return { status: ['done', 'skipped'], ownerId: ownerIds, dueFrom: utcToday(from), limit: 200 };
  }, [scope, owner, me]);
  const closed = useTasks(closedQuery, Boolean(me));
  const recentlyClosed = useMemo(
    () => [...(closed.data?.items ?? [])].sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '')).slice(0, 10),
    [closed.data],
  );

  if (inbox.isPending) return <Loading />;
  const counts = inbox.data?.counts;
  const items = inbox.data?.items ?? [];
  return (
    <>
      <ErrorBanner error={inbox.error} />
      {counts && (
        <div className="flex gap-3" data-testid="inbox-counts">
          <Stat label={t('tasks.counts.open')} value={counts.open} />
          <Stat label={t('tasks.counts.overdue')} value={counts.overdue} tone={counts.overdue > 0 ? 'red' : undefined} />
          <Stat label={t('tasks.counts.dueToday')} value={counts.dueToday} />
        </div>
      )}
      {items.length === 0 ? (
        <EmptyState title={t('tasks.inboxEmpty')}>{t('tasks.inboxEmptyHint')}</EmptyState>
      ) : (
        <TaskTable tasks={items} showOwner={scope === 'team'} playbookNames={playbookNames} canActOn={canActOn} label={t('tasks.title')} />
      )}
      {(cursors.length > 0 || inbox.data?.nextCursor) && (
        <Pagination
          page={cursors.length + 1}
          hasPrevious={cursors.length > 0}
          hasNext={Boolean(inbox.data?.nextCursor)}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => inbox.data?.nextCursor && setCursors((c) => [...c, inbox.data!.nextCursor!])}
        />
      )}
      {recentlyClosed.length > 0 && (
        <Card title={t('tasks.recentlyClosed')}>
          <TaskTable
            tasks={recentlyClosed}
            showOwner={scope === 'team'}
            playbookNames={playbookNames}
            canActOn={canActOn}
            label={t('tasks.recentlyClosed')}
          />
        </Card>
      )}
    </>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'red' | undefined }) {
  return (
    <div className={cx('rounded-md border bg-white px-3 py-2', tone === 'red' ? 'border-red-200' : 'border-zinc-200')}>
      <div className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</div>
      <div className={cx('text-lg font-semibold tabular-nums', tone === 'red' ? 'text-red-700' : 'text-zinc-900')}>{value}</div>
    </div>
  );
}

function CtasView({ scope, owner }: { scope: 'mine' | 'team'; owner: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const canActOn = useCanActOnWork();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [cursors, setCursors] = useState<string[]>([]);
  const me = session.data?.user.id;
  const ownerId = owner || (scope === 'mine' ? me : undefined);
  const query = useMemo(
    () => ({ status, ownerId: ownerId ? [ownerId] : undefined, limit: PAGE_SIZE, cursor: cursors.at(-1) }),
    [status, ownerId, cursors],
  );
  const ctas = useCtas(query);
  const items = ctas.data?.items ?? [];
  return (
    <>
      <div className="flex items-center gap-2">
        {(['open', 'closed'] as const).map((s) => (
          <Button
            key={s}
            size="sm"
            variant={status === s ? 'primary' : 'secondary'}
            onClick={() => {
              setStatus(s);
              setCursors([]);
            }}
          >
            {t(`ctas.statusFilter.${s}`)}
          </Button>
        ))}
      </div>
      <ErrorBanner error={ctas.error} />
      {ctas.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('ctas.empty')} />
      ) : (
        <CtaTable ctas={items} canActOn={canActOn} label={t('tasks.viewNames.ctas')} />
      )}
      {(cursors.length > 0 || ctas.data?.nextCursor) && (
        <Pagination
          page={cursors.length + 1}
          hasPrevious={cursors.length > 0}
          hasNext={Boolean(ctas.data?.nextCursor)}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => ctas.data?.nextCursor && setCursors((c) => [...c, ctas.data!.nextCursor!])}
        />
      )}
    </>
  );
}
