import { isCalendarDate } from './calendar-date';
import { FILTER_LIMITS, type FilterField, type FilterGroup, type FilterOperator } from './filter-expression';

/** One problem, at a JSON path into the expression: `conditions[1].conditions[0].value`. */
export type FilterProblem = { path: string; problem: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_OPERATORS: readonly FilterOperator[] = ['in', 'nin', 'hasAny', 'hasAll'];
const NO_VALUE_OPERATORS: readonly FilterOperator[] = ['isEmpty', 'isNotEmpty'];

type Walk = { catalogue: ReadonlyMap<string, FilterField>; problems: FilterProblem[]; nodes: number };

/**
 * Every problem in an untrusted expression (from an API body or a saved segment whose custom
 * fields may since have changed). An empty list means the input is a valid `FilterGroup`.
 */
export function validateFilterExpression(input: unknown, catalogue: ReadonlyMap<string, FilterField>): FilterProblem[] {
  const walk: Walk = { catalogue, problems: [], nodes: 0 };
  if (!isRecord(input) || !('op' in input)) {
    return [{ path: '', problem: 'must be a group { op, conditions }' }];
  }
  validateGroup(input, '', 1, walk, true);
  if (walk.nodes > FILTER_LIMITS.maxNodes) {
    walk.problems.unshift({ path: '', problem: `must have at most ${FILTER_LIMITS.maxNodes} conditions and groups` });
  }
  return walk.problems;
}

/** The expression typed, or its problems: the entry point for routes. */
export function parseFilterExpression(
  input: unknown,
  catalogue: ReadonlyMap<string, FilterField>,
): { expression: FilterGroup; problems?: never } | { expression?: never; problems: FilterProblem[] } {
  const problems = validateFilterExpression(input, catalogue);
  return problems.length > 0 ? { problems } : { expression: input as FilterGroup };
}

function validateGroup(group: Record<string, unknown>, path: string, depth: number, walk: Walk, isRoot: boolean): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  walk.nodes += 1;
  if (depth > FILTER_LIMITS.maxDepth) {
    walk.problems.push({ path: path || 'op', problem: `nests groups deeper than ${FILTER_LIMITS.maxDepth} levels` });
    return;
  }
  reportUnknownKeys(group, ['op', 'conditions'], path, walk);
  if (group.op !== 'and' && group.op !== 'or') walk.problems.push({ path: at('op'), problem: 'must be "and" or "or"' });
  const conditions = group.conditions;
  if (!Array.isArray(conditions)) {
    walk.problems.push({ path: at('conditions'), problem: 'must be a list' });
    return;
  }
  // Only the root may be empty: it is the unfiltered list; an empty nested group is a slip.
  if (conditions.length === 0 && !isRoot) walk.problems.push({ path: at('conditions'), problem: 'must not be empty' });
  conditions.forEach((node: unknown, index) => {
    const nodePath = at(`conditions[${index}]`);
    if (!isRecord(node)) walk.problems.push({ path: nodePath, problem: 'must be a condition or a group' });
    else if ('op' in node) validateGroup(node, nodePath, depth + 1, walk, false);
    else validateCondition(node, nodePath, walk);
  });
}

function validateCondition(condition: Record<string, unknown>, path: string, walk: Walk): void {
  walk.nodes += 1;
  reportUnknownKeys(condition, ['field', 'operator', 'value'], path, walk);
  const field = typeof condition.field === 'string' ? walk.catalogue.get(condition.field) : undefined;
  if (!field) {
    walk.problems.push({ path: `${path}.field`, problem: 'is not a filterable field' });
    return;
  }
  const operator = condition.operator as FilterOperator;
  if (!field.operators.includes(operator)) {
    walk.problems.push({ path: `${path}.operator`, problem: `must be one of ${field.operators.join(', ')} for ${field.name}` });
    return;
  }
  const problem = findValueProblem(field, operator, condition.value, `${path}.value`);
  if (problem) walk.problems.push(problem);
}

function findValueProblem(field: FilterField, operator: FilterOperator, value: unknown, path: string): FilterProblem | undefined {
  if (NO_VALUE_OPERATORS.includes(operator)) {
    return value === undefined || value === null ? undefined : { path, problem: 'must be left out' };
  }
  if (operator === 'withinNextDays' || operator === 'withinLastDays') {
    const ok = Number.isInteger(value) && (value as number) >= 0 && (value as number) <= FILTER_LIMITS.maxDays;
    return ok ? undefined : { path, problem: `must be a whole number of days from 0 to ${FILTER_LIMITS.maxDays}` };
  }
  if (operator === 'contains' || operator === 'startsWith') {
    const ok = typeof value === 'string' && value.length > 0 && value.length <= FILTER_LIMITS.maxTextLength;
    return ok ? undefined : { path, problem: `must be text of 1 to ${FILTER_LIMITS.maxTextLength} characters` };
  }
  if (operator === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return { path, problem: 'must be a pair [low, high]' };
    const itemProblem = findItemProblems(field, value, path);
    if (itemProblem) return itemProblem;
    return (value[0] as number | string) <= (value[1] as number | string) ? undefined : { path, problem: 'must have low ≤ high' };
  }
  if (LIST_OPERATORS.includes(operator)) {
    if (!Array.isArray(value) || value.length === 0 || value.length > FILTER_LIMITS.maxListValues) {
      return { path, problem: `must be a list of 1 to ${FILTER_LIMITS.maxListValues} values` };
    }
    return findItemProblems(field, value, path);
  }
  const problem = findScalarProblem(field, value);
  return problem ? { path, problem } : undefined;
}

function findItemProblems(field: FilterField, values: unknown[], path: string): FilterProblem | undefined {
  for (const [index, item] of values.entries()) {
    const problem = findScalarProblem(field, item);
    if (problem) return { path: `${path}[${index}]`, problem };
  }
  return undefined;
}

function findScalarProblem(field: FilterField, value: unknown): string | undefined {
  switch (field.type) {
    case 'text':
    case 'tags':
      return typeof value === 'string' && value.length <= FILTER_LIMITS.maxTextLength
        ? undefined
        : `must be text of at most ${FILTER_LIMITS.maxTextLength} characters`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'date':
      return isCalendarDate(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'id':
      return typeof value === 'string' && UUID.test(value) ? undefined : 'must be a UUID';
    case 'enum': {
      const options = field.options ?? [];
      return typeof value === 'string' && options.includes(value)
        ? undefined
        : `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
    }
  }
}

function reportUnknownKeys(node: Record<string, unknown>, known: readonly string[], path: string, walk: Walk): void {
  for (const key of Object.keys(node)) {
    if (!known.includes(key)) walk.problems.push({ path: path ? `${path}.${key}` : key, problem: 'is not a known key' });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
