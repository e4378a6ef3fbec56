import type { TaskPriority } from '@northstar/contracts';

/** Urgent first among tasks due the same day. */
export const PRIORITY_ORDER: Record<TaskPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** The only definition of overdue: still open and due before today (both calendar days, UTC). */
export function isTaskOverdue(task: { status: string; dueDate: string }, today: string): boolean {
  return task.status === 'open' && task.dueDate < today;
}

/** Where a task sits in an inbox or task list: due date, then priority, then age, then id. */
export type TaskPosition = { dueDate: string; priority: TaskPriority; createdAt: string; id: string };

/** Inbox order as a comparator; the SQL orders the same way, this keeps the rule testable. */
export function compareTaskPositions(a: TaskPosition, b: TaskPosition): number {
  return (
    a.dueDate.localeCompare(b.dueDate) ||
    PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The last task of a page, as the next page's starting point (createdAt to the microsecond). */
export function encodeTaskCursor(position: TaskPosition): string {
  return Buffer.from(JSON.stringify([position.dueDate, position.priority, position.createdAt, position.id])).toString('base64url');
}

export function decodeTaskCursor(text: string): TaskPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [dueDate, priority, createdAt, id] = value as unknown[];
    if (typeof dueDate !== 'string' || !DATE.test(dueDate)) return undefined;
    if (typeof priority !== 'string' || !(priority in PRIORITY_ORDER)) return undefined;
    if (typeof createdAt !== 'string' || !TIME.test(createdAt)) return undefined;
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    return { dueDate, priority: priority as TaskPriority, createdAt, id };
  } catch {
    return undefined;
  }
}

/** CTAs page newest first: the last one's creation time (to the microsecond) and id. */
export function encodeCtaCursor(position: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCtaCursor(text: string): { createdAt: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || !TIME.test(createdAt) || typeof id !== 'string' || !UUID.test(id)) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}
