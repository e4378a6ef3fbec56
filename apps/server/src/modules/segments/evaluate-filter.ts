import { addDays, countDaysBetween, isIsoDateShape } from './calendar-date';
import {
  isFilterGroup,
  type FilterCondition,
  type FilterField,
  type FilterGroup,
  type FilterScalar,
  type MetricName,
} from './filter-expression';

/** An account as filters read it: its columns, custom field values and computed metrics. */
export type FilterableAccount = {
  name: string;
  domain: string | null;
  industry: string | null;
  region: string | null;
  plan: string | null;
  arr: number;
  employees: number | null;
  licensedSeats: number | null;
  currency: string;
  renewalDate: string | null;
  contractStart: string | null;
  ownerId: string | null;
  tier: string | null;
  lifecycleStage: string | null;
  status: string;
  tags: readonly string[];
  customFields: Readonly<Record<string, string | number | boolean | null>>;
  /** Missing metrics count as empty; daysToRenewal is derived from renewalDate when absent. */
  metrics?: Partial<Record<MetricName, number | string | null>>;
};

type Actual = string | number | boolean | readonly string[] | null;

/**
 * Whether an account matches a validated expression, with the same semantics as the SQL
 * compiler: text compares without case; a missing value fails every comparison except
 * neq, nin and isEmpty, where "not X" includes "unknown".
 */
export function evaluateFilter(
  expression: FilterGroup,
  account: FilterableAccount,
  context: { catalogue: ReadonlyMap<string, FilterField>; today: string },
): boolean {
  const results = (node: FilterGroup): boolean => {
    const test = (child: FilterGroup['conditions'][number]) => (isFilterGroup(child) ? results(child) : matchesCondition(child));
    return node.op === 'and' ? node.conditions.every(test) : node.conditions.some(test);
  };
  const matchesCondition = (condition: FilterCondition): boolean => {
    const field = context.catalogue.get(condition.field);
    if (!field) throw new Error(`Unknown filter field ${condition.field}: validate the expression first`);
    return compare(field, condition, readValue(field, account, context.today), context.today);
  };
  return results(expression);
}

function readValue(field: FilterField, account: FilterableAccount, today: string): Actual {
  if (field.source === 'column') return (account as unknown as Record<string, Actual>)[field.name] ?? null;
  if (field.source === 'metric') {
    const name = field.name.slice('metric.'.length) as MetricName;
    const value = account.metrics?.[name];
    if (value !== undefined) return value;
    return name === 'daysToRenewal' && account.renewalDate !== null ? countDaysBetween(today, account.renewalDate) : null;
  }
  // A stored value of another type (the definition changed since) reads as empty, as in SQL.
  const value = account.customFields[field.name.slice('custom.'.length)] ?? null;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return isIsoDateShape(value) ? value : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

function compare(field: FilterField, { operator, value }: FilterCondition, actual: Actual, today: string): boolean {
  // UUIDs too: PostgreSQL compares them without case.
  const folds = field.type === 'text' || field.type === 'id';
  const fold = (v: FilterScalar | string) => (folds && typeof v === 'string' ? v.toLowerCase() : v);
  const list = (Array.isArray(value) ? value : []) as FilterScalar[];
  const isEmpty = actual === null || actual === '' || (Array.isArray(actual) && actual.length === 0);
  if (operator === 'isEmpty') return isEmpty;
  if (operator === 'isNotEmpty') return !isEmpty;
  if (operator === 'neq') return actual === null || fold(actual as FilterScalar) !== fold(value as FilterScalar);
  if (operator === 'nin') return actual === null || !list.some((v) => fold(v) === fold(actual as FilterScalar));
  if (actual === null) return false;
  if (Array.isArray(actual)) {
    const tags = new Set(actual.map((t) => t.toLowerCase()));
    const wanted = list.map((v) => String(v).toLowerCase());
    return operator === 'hasAll' ? wanted.every((t) => tags.has(t)) : operator === 'hasAny' && wanted.some((t) => tags.has(t));
  }
  const subject = fold(actual as FilterScalar);
  switch (operator) {
    case 'eq':
      return subject === fold(value as FilterScalar);
    case 'in':
      return list.some((v) => fold(v) === subject);
    case 'gt':
      return subject > (value as number | string);
    case 'gte':
      return subject >= (value as number | string);
    case 'lt':
      return subject < (value as number | string);
    case 'lte':
      return subject <= (value as number | string);
    case 'between':
      return subject >= list[0]! && subject <= list[1]!;
    case 'contains':
      return String(subject).includes(String(fold(value as string)));
    case 'startsWith':
      return String(subject).startsWith(String(fold(value as string)));
    case 'withinNextDays':
      return subject >= today && subject <= addDays(today, value as number);
    case 'withinLastDays':
      return subject >= addDays(today, -(value as number)) && subject <= today;
    default:
      return false;
  }
}
