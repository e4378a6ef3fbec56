import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { cx } from '../../ui/cx';
import { Table, Td, Th } from '../../ui/table';
import { TaskActions } from './task-actions';
import { daysUntilDue, groupByBucket, priorityTone, utcToday } from './task-view-model';

/**
 * Tasks in the server's order under due-date headings; overdue rows are tinted red. Account and
 * owner columns are left out where the page already says them.
 */
export function TaskTable({
  tasks,
  showAccount = true,
  showOwner = false,
  playbookNames,
  canActOn,
  label,
}: {
  tasks: Task[];
  showAccount?: boolean;
  showOwner?: boolean;
  playbookNames?: ReadonlyMap<string, string>;
  /** Whether the signed-in user may complete, skip or reopen this task; the column shows when any may. */
  canActOn: (task: Task) => boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = utcToday(new Date());
  const canAct = tasks.some(canActOn);
  const columns = 4 + (showAccount ? 1 : 0) + (showOwner ? 1 : 0) + (canAct ? 1 : 0);
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t('tasks.fields.dueDate')}</Th>
          <Th>{t('tasks.fields.priority')}</Th>
          <Th>{t('tasks.fields.title')}</Th>
          {showAccount && <Th>{t('tasks.fields.account')}</Th>}
          {showOwner && <Th>{t('tasks.fields.owner')}</Th>}
          <Th>{t('tasks.fields.status')}</Th>
          {canAct && <Th />}
        </tr>
      </thead>
      <tbody>
        {groupByBucket(tasks, today).map((group, index) => (
          <Fragment key={`${group.bucket}-${index}`}>
            <tr>
              <td
                colSpan={columns}
                className="border-b border-zinc-100 bg-zinc-50/70 px-3 pt-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500"
              >
                {t(`tasks.buckets.${group.bucket}`)} ({group.tasks.length})
              </td>
            </tr>
            {group.tasks.map((task) => {
              const late = group.bucket === 'overdue';
              const days = daysUntilDue(task.dueDate, today);
              return (
                <tr
                  key={task.id}
                  className={cx(late ? 'bg-red-50/60 hover:bg-red-50' : 'hover:bg-zinc-50')}
                  data-testid="task-row"
                  data-overdue={late || undefined}
                >
                  <Td className={cx('whitespace-nowrap', late && 'font-medium text-red-700')}>
                    {format.date(task.dueDate)}
                    {late && <span className="ml-1 text-[11px]">({t('tasks.daysLate', { count: -days })})</span>}
                  </Td>
                  <Td>
                    <Badge tone={priorityTone[task.priority]}>{t(`tasks.priorities.${task.priority}`)}</Badge>
                  </Td>
                  <Td className="min-w-64">
                    <div className="font-medium">{task.title}</div>
                    {task.description && <div className="line-clamp-2 text-xs text-zinc-500">{task.description}</div>}
                    {task.playbookId && (
                      <div className="text-[11px] text-indigo-700">
                        {t('tasks.fromPlaybook', { name: playbookNames?.get(task.playbookId) ?? t('tasks.aPlaybook') })}
                      </div>
                    )}
                  </Td>
                  {showAccount && (
                    <Td className="whitespace-nowrap">
                      <Link to={`/accounts/${task.accountId}`} className="text-indigo-700 hover:underline">
                        {task.accountName}
                      </Link>
                    </Td>
                  )}
                  {showOwner && <Td className="whitespace-nowrap">{task.ownerName ?? t('tasks.unassigned')}</Td>}
                  <Td className="whitespace-nowrap">
                    <Badge tone={task.status === 'done' ? 'green' : task.status === 'skipped' ? 'neutral' : late ? 'red' : 'blue'}>
                      {late ? t('tasks.statuses.overdue') : t(`tasks.statuses.${task.status}`)}
                    </Badge>
                    {task.skipReason && <div className="mt-0.5 max-w-48 text-[11px] text-zinc-500">{task.skipReason}</div>}
                  </Td>
                  {canAct && (
                    <Td align="right" className="whitespace-nowrap">
                      {canActOn(task) && <TaskActions task={task} />}
                    </Td>
                  )}
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}
