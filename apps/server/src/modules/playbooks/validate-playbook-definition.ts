import type { ErrorDetail, PlaybookDefinition } from '@northstar/contracts';

/** Values a standard account field set by a playbook may take (they are free-text columns). */
const STANDARD_FIELD_MAX = 100;

/**
 * What a schema cannot say about a playbook: step keys are unique (metrics count per key, so a
 * duplicate would merge two steps' numbers), and standard fields take text. Returns one detail
 * per problem, named by the step's position as the editor shows it.
 */
export function validatePlaybookDefinition(definition: PlaybookDefinition): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!definition.name.trim()) details.push({ field: 'name', location: 'body', problem: 'must not be blank' });
  const seen = new Map<string, number>();
  definition.steps.forEach((step, index) => {
    const first = seen.get(step.key);
    if (first !== undefined) details.push({ field: `steps.${index}.key`, location: 'body', problem: `repeats the key of step ${first}` });
    else seen.set(step.key, index);
    if (!step.title.trim()) details.push({ field: `steps.${index}.title`, location: 'body', problem: 'must not be blank' });
    if (step.kind === 'action' && step.action.type === 'set_field' && !step.action.field.startsWith('custom.')) {
      const { value } = step.action;
      if (value !== null && (typeof value !== 'string' || value.length > STANDARD_FIELD_MAX)) {
        details.push({
          field: `steps.${index}.action.value`,
          location: 'body',
          problem: `must be text of at most ${STANDARD_FIELD_MAX} characters, or null`,
        });
      }
    }
  });
  return details;
}

/** Members a definition names directly (task assignees and notify recipients), to check they exist. */
export function listNamedUsers(definition: PlaybookDefinition): { userId: string; field: string }[] {
  const named: { userId: string; field: string }[] = [];
  definition.steps.forEach((step, index) => {
    if (step.kind === 'task' && step.assignee.kind === 'user')
      named.push({ userId: step.assignee.userId, field: `steps.${index}.assignee.userId` });
    if (step.kind === 'action' && step.action.type === 'notify' && step.action.to.kind === 'user') {
      named.push({ userId: step.action.to.userId, field: `steps.${index}.action.to.userId` });
    }
  });
  return named;
}

/** Custom fields a definition writes, with the value, to check against the workspace's fields. */
export function listCustomFieldWrites(
  definition: PlaybookDefinition,
): { key: string; value: string | number | boolean | null; index: number }[] {
  return definition.steps.flatMap((step, index) =>
    step.kind === 'action' && step.action.type === 'set_field' && step.action.field.startsWith('custom.')
      ? [{ key: step.action.field.slice('custom.'.length), value: step.action.value, index }]
      : [],
  );
}
