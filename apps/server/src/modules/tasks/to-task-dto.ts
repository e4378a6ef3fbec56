import type { Cta, Task } from '@northstar/contracts';
import { isTaskOverdue } from './calculate-task-order';
import type { CtaRow, TaskRow } from './tasks.repository';

/** A task as the API shows it; overdue is worked out against `today`, never stored. */
export function toTaskDto(row: TaskRow, today: string): Task {
  const { createdAtMicros: _cursor, ...task } = row;
  return { ...task, isOverdue: isTaskOverdue(row, today) };
}

export function toCtaDto(row: CtaRow): Cta {
  const { createdAtMicros: _cursor, ...cta } = row;
  return cta;
}
