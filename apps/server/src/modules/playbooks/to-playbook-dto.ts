import type { Playbook, PlaybookDefinition, PlaybookRun, TaskStatus } from '@northstar/contracts';
import type { PlaybookRow, RunRow } from './playbooks.repository';

export function toPlaybookDto(row: PlaybookRow): Playbook {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ctaReason: row.ctaReason,
    enabled: row.enabled,
    steps: row.steps,
    version: row.version,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/**
 * A run with the steps of the version it followed: each task step with its task's status, each
 * automatic step with what happened. Completed once none of its tasks is open.
 */
export function toRunDto(
  run: RunRow,
  definitions: ReadonlyMap<string, PlaybookDefinition>,
  tasks: readonly { id: string; runId: string; stepKey: string | null; status: TaskStatus }[],
): PlaybookRun {
  const steps = definitions.get(`${run.playbookId}:${run.playbookVersion}`)?.steps ?? [];
  const runTasks = tasks.filter((t) => t.runId === run.id);
  const taskByStep = new Map(runTasks.map((t) => [t.stepKey, t]));
  const resultByStep = new Map(run.actionResults.map((r) => [r.stepKey, r]));
  const { startedAtMicros: _cursor, actionResults: _results, ...rest } = run;
  return {
    ...rest,
    status: runTasks.some((t) => t.status === 'open') ? 'active' : 'completed',
    steps: steps.map((step) => {
      const task = step.kind === 'task' ? taskByStep.get(step.key) : undefined;
      const result = step.kind === 'action' ? resultByStep.get(step.key) : undefined;
      return {
        key: step.key,
        kind: step.kind,
        title: step.title,
        taskId: task?.id ?? null,
        taskStatus: task?.status ?? null,
        actionStatus: result?.status ?? null,
        actionMessage: result?.message ?? null,
      };
    }),
  };
}
