import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES, type TaskPriority } from '@northstar/contracts';
import { fieldErrors } from '../../api/client';
import { useCan } from '../auth/session';
import { usePlaybookNames, usePlaybooks, useStartPlaybook } from '../playbooks/playbooks-api';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card, Loading } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { CtaTable } from './cta-table';
import { TaskTable } from './task-table';
import { useCanActOnWork, useCreateTask, useCtas, useTasks } from './tasks-api';
import { utcToday } from './task-view-model';

/** The account's open tasks and calls to action, with "add task" and "start playbook". */
export function AccountWorkSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const canActOn = useCanActOnWork();
  const playbookNames = usePlaybookNames();
  const tasks = useTasks({ accountId, status: ['open'], limit: 100 });
  const ctas = useCtas({ accountId, status: 'open', limit: 50 });
  const [panel, setPanel] = useState<'task' | 'playbook' | null>(null);
  const openTasks = tasks.data?.items ?? [];
  const openCtas = ctas.data?.items ?? [];

  return (
    <Card
      title={t('tasks.accountTitle', { tasks: openTasks.length, ctas: openCtas.length })}
      actions={
        panel === null && (
          <>
            {can('tasks:write') && (
              <Button size="sm" onClick={() => setPanel('task')}>
                {t('tasks.add')}
              </Button>
            )}
            {can('playbooks:run') && (
              <Button size="sm" onClick={() => setPanel('playbook')}>
                {t('playbooks.start')}
              </Button>
            )}
          </>
        )
      }
    >
      <div className="flex flex-col gap-3" data-testid="account-work">
        {panel === 'task' && <AddTaskForm accountId={accountId} onDone={() => setPanel(null)} />}
        {panel === 'playbook' && <StartPlaybookForm accountId={accountId} onDone={() => setPanel(null)} />}
        <ErrorBanner error={tasks.error ?? ctas.error} />
        {tasks.isPending || ctas.isPending ? (
          <Loading />
        ) : (
          <>
            {openCtas.length > 0 && <CtaTable ctas={openCtas} showAccount={false} canActOn={canActOn} label={t('tasks.viewNames.ctas')} />}
            {openTasks.length > 0 ? (
              <TaskTable
                tasks={openTasks}
                showAccount={false}
                showOwner
                playbookNames={playbookNames}
                canActOn={canActOn}
                label={t('tasks.openTasks')}
              />
            ) : (
              <p className="text-xs text-zinc-500">{t('tasks.noOpenTasks')}</p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

function AddTaskForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const errors = fieldErrors(create.error);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState(() => utcToday(new Date(Date.now() + 7 * 86_400_000)));
  const [priority, setPriority] = useState<TaskPriority>('normal');
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ accountId, title: title.trim(), dueDate, priority }, { onSuccess: onDone });
  }
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3"
      aria-label={t('tasks.add')}
    >
      <Field label={t('tasks.fields.title')} htmlFor="new-task-title" error={errors.title} className="min-w-64 flex-1">
        <Input id="new-task-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('tasks.fields.dueDate')} htmlFor="new-task-due" error={errors.dueDate}>
        <Input id="new-task-due" type="date" required value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      </Field>
      <Field label={t('tasks.fields.priority')} htmlFor="new-task-priority">
        <Select
          id="new-task-priority"
          value={priority}
          options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
          onChange={(e) => setPriority(e.target.value as TaskPriority)}
        />
      </Field>
      <Button type="submit" variant="primary" disabled={!title.trim() || !dueDate || create.isPending}>
        {t('tasks.add')}
      </Button>
      <Button onClick={onDone}>{t('common.cancel')}</Button>
      <ErrorBanner error={create.error} className="w-full" />
    </form>
  );
}

function StartPlaybookForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const playbooks = usePlaybooks();
  const start = useStartPlaybook(accountId);
  const [playbookId, setPlaybookId] = useState('');
  const [ctaTitle, setCtaTitle] = useState('');
  const enabled = (playbooks.data?.items ?? []).filter((p) => p.enabled && !p.archivedAt);
  const chosen = enabled.find((p) => p.id === playbookId);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!playbookId) return;
    start.mutate({ playbookId, ...(ctaTitle.trim() ? { ctaTitle: ctaTitle.trim() } : {}) }, { onSuccess: onDone });
  }
  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3"
      aria-label={t('playbooks.start')}
    >
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('playbooks.playbook')} htmlFor="start-playbook">
          <Select
            id="start-playbook"
            className="w-64"
            value={playbookId}
            placeholder={enabled.length ? t('playbooks.choose') : t('playbooks.noneEnabled')}
            options={enabled.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(e) => setPlaybookId(e.target.value)}
          />
        </Field>
        <Field label={t('playbooks.ctaTitle')} htmlFor="start-cta-title" className="min-w-56 flex-1">
          <Input
            id="start-cta-title"
            maxLength={200}
            placeholder={chosen?.name ?? ''}
            value={ctaTitle}
            onChange={(e) => setCtaTitle(e.target.value)}
          />
        </Field>
        <Button type="submit" variant="primary" disabled={!playbookId || start.isPending}>
          {t('playbooks.startSubmit')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
      {chosen && (
        <ol className="list-decimal pl-5 text-xs text-zinc-600">
          {chosen.steps.map((s) => (
            <li key={s.key}>
              {s.title}{' '}
              <span className="text-zinc-400">
                {s.kind === 'task' ? t('playbooks.dueAfter', { count: s.dueOffsetDays }) : t(`playbooks.actions.${s.action.type}`)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <ErrorBanner error={start.error} />
    </form>
  );
}
