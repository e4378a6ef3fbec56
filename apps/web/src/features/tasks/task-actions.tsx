import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@northstar/contracts';
import { Button } from '../../ui/button';
import { Input } from '../../ui/field';
import { useTaskAction } from './tasks-api';

/** Done / Skip (asks for the reason) on an open task; Reopen on a closed one. */
export function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation();
  const action = useTaskAction();
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');

  if (task.status !== 'open')
    return (
      <Button size="sm" variant="ghost" disabled={action.isPending} onClick={() => action.mutate({ taskId: task.id, kind: 'reopen' })}>
        {t('tasks.reopen')}
      </Button>
    );

  function skip(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return;
    action.mutate({ taskId: task.id, kind: 'skip', reason: reason.trim() }, { onSuccess: () => setSkipping(false) });
  }

  if (skipping)
    return (
      <form onSubmit={skip} className="flex items-center justify-end gap-1.5" aria-label={t('tasks.skipTitle', { title: task.title })}>
        <Input
          autoFocus
          required
          maxLength={500}
          aria-label={t('tasks.skipReason')}
          placeholder={t('tasks.skipReason')}
          className="h-7 w-52 text-xs"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button size="sm" type="submit" variant="primary" disabled={!reason.trim() || action.isPending}>
          {t('tasks.skip')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setSkipping(false)}>
          {t('common.cancel')}
        </Button>
        {action.error instanceof Error && <span className="text-xs text-red-700">{action.error.message}</span>}
      </form>
    );

  return (
    <div className="flex items-center justify-end gap-1.5">
      <Button size="sm" variant="primary" disabled={action.isPending} onClick={() => action.mutate({ taskId: task.id, kind: 'complete' })}>
        {t('tasks.complete')}
      </Button>
      <Button size="sm" variant="ghost" disabled={action.isPending} onClick={() => setSkipping(true)}>
        {t('tasks.skip')}
      </Button>
      {action.error instanceof Error && <span className="text-xs text-red-700">{action.error.message}</span>}
    </div>
  );
}
