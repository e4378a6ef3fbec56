import { roleCan, type Role, type Task, type TaskPriority } from '@northstar/contracts';
import type { Tone } from '../../ui/badge';

/** Where a task sits in the inbox: behind, due today, due within a week, later, or closed. */
export type DueBucket = 'overdue' | 'today' | 'week' | 'later' | 'closed';

/** Today as the API counts it (UTC calendar day), so "overdue" here agrees with `isOverdue`. */
export function utcToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

/** Whole days from `today` to the due date: negative when late. */
export function daysUntilDue(dueDate: string, today: string): number {
  return dayNumber(dueDate) - dayNumber(today);
}

export function dueBucket(task: Pick<Task, 'status' | 'dueDate' | 'isOverdue'>, today: string): DueBucket {
  if (task.status !== 'open') return 'closed';
  const days = daysUntilDue(task.dueDate, today);
  if (task.isOverdue || days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= 7 ? 'week' : 'later';
}

export const priorityTone: Record<TaskPriority, Tone> = { urgent: 'red', high: 'amber', normal: 'blue', low: 'neutral' };

/**
 * Consecutive tasks grouped by bucket, keeping the server's order (due date, then priority):
 * the inbox shows "Overdue", "Today", "This week", "Later" headings over one sorted list.
 */
export function groupByBucket<T extends Pick<Task, 'status' | 'dueDate' | 'isOverdue'>>(
  tasks: readonly T[],
  today: string,
): { bucket: DueBucket; tasks: T[] }[] {
  const groups: { bucket: DueBucket; tasks: T[] }[] = [];
  for (const task of tasks) {
    const bucket = dueBucket(task, today);
    const last = groups.at(-1);
    if (last && last.bucket === bucket) last.tasks.push(task);
    else groups.push({ bucket, tasks: [task] });
  }
  return groups;
}

/** Mirrors the API's rule: managers and admins act on any task or CTA, a CSM on their own or unowned ones. */
export function canActOnWork(user: { id: string; role: Role } | undefined, item: { ownerId: string | null }): boolean {
  if (!user || !roleCan(user.role, 'tasks:write')) return false;
  return roleCan(user.role, 'tasks:manage-team') || item.ownerId === null || item.ownerId === user.id;
}
