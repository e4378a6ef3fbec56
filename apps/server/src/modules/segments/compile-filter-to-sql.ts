import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema';
import { addDays } from './calendar-date';
import {
  isFilterGroup,
  type AccountFilterColumn,
  type FilterCondition,
  type FilterField,
  type FilterGroup,
  type FilterScalar,
  type MetricName,
} from './filter-expression';

/**
 * SQL expressions for metrics, supplied by the caller that joins the health and usage tables.
 * daysToRenewal defaults to the days from `today` to the renewal date.
 */
export type MetricColumnMap = Partial<Record<MetricName, SQL>>;

const COLUMNS: Record<AccountFilterColumn, PgColumn> = {
  name: accounts.name,
  domain: accounts.domain,
  industry: accounts.industry,
  region: accounts.region,
  plan: accounts.plan,
  arr: accounts.arr,
  employees: accounts.employees,
  licensedSeats: accounts.licensedSeats,
  currency: accounts.currency,
  renewalDate: accounts.renewalDate,
  contractStart: accounts.contractStart,
  ownerId: accounts.ownerId,
  tier: accounts.tier,
  lifecycleStage: accounts.lifecycleStage,
  status: accounts.status,
  tags: accounts.tags,
};

/** A field's SQL expression, and the type its parameters are cast to so both sides compare alike. */
type Operand = { expression: SQL; paramType: 'text' | 'numeric' | 'date' | 'boolean' | 'uuid' };

/**
 * A validated expression as a WHERE fragment over `accounts` (plus whatever the metric map
 * references). Every value is a bound parameter. Semantics match evaluateFilter exactly.
 */
export function compileFilterToSql(
  expression: FilterGroup,
  context: { catalogue: ReadonlyMap<string, FilterField>; today: string; metricColumns?: MetricColumnMap },
): SQL {
  const compileGroup = (group: FilterGroup): SQL => {
    if (group.conditions.length === 0) return group.op === 'and' ? sql`true` : sql`false`;
    const parts = group.conditions.map((node) => (isFilterGroup(node) ? compileGroup(node) : compileCondition(node)));
    return sql`(${sql.join(parts, group.op === 'and' ? sql` and ` : sql` or `)})`;
  };
  const compileCondition = (condition: FilterCondition): SQL => {
    const field = context.catalogue.get(condition.field);
    if (!field) throw new Error(`Unknown filter field ${condition.field}: validate the expression first`);
    return compileComparison(field, condition, resolveOperand(field, context.today, context.metricColumns ?? {}), context.today);
  };
  return compileGroup(expression);
}

function resolveOperand(field: FilterField, today: string, metricColumns: MetricColumnMap): Operand {
  const paramType = (
    { text: 'text', enum: 'text', tags: 'text', number: 'numeric', date: 'date', boolean: 'boolean', id: 'uuid' } as const
  )[field.type];
  if (field.source === 'column') return { expression: sql`${COLUMNS[field.name as AccountFilterColumn]}`, paramType };
  if (field.source === 'metric') {
    const name = field.name.slice('metric.'.length) as MetricName;
    const expression = metricColumns[name] ?? (name === 'daysToRenewal' ? sql`(${accounts.renewalDate} - ${today}::date)` : undefined);
    if (!expression) throw new Error(`No SQL column for ${field.name}: pass it in metricColumns`);
    return { expression, paramType };
  }
  // Custom values live in jsonb; a value of another type (the definition changed since) reads as
  // null rather than failing the whole query on a cast.
  const key = field.name.slice('custom.'.length);
  const json = sql`(${accounts.customFields} -> ${key}::text)`;
  const text = sql`(${accounts.customFields} ->> ${key}::text)`;
  switch (field.type) {
    case 'number':
      return { expression: sql`(case when jsonb_typeof(${json}) = 'number' then ${text}::numeric end)`, paramType };
    case 'boolean':
      return { expression: sql`(case when jsonb_typeof(${json}) = 'boolean' then ${text}::boolean end)`, paramType };
    case 'date':
      // Compared as text: ISO dates sort correctly as strings, and a malformed one cannot break a cast.
      return {
        expression: sql`(case when jsonb_typeof(${json}) = 'string' and ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then ${text} end)`,
        paramType: 'text',
      };
    default:
      return { expression: sql`(case when jsonb_typeof(${json}) = 'string' then ${text} end)`, paramType };
  }
}

function compileComparison(field: FilterField, { operator, value }: FilterCondition, operand: Operand, today: string): SQL {
  const isText = field.type === 'text';
  const param = (v: FilterScalar) => {
    const bound = sql`${v}::${sql.raw(operand.paramType)}`;
    return isText ? sql`lower(${bound})` : bound;
  };
  const subject = isText ? sql`lower(${operand.expression})` : operand.expression;
  const list = (Array.isArray(value) ? value : []) as FilterScalar[];
  const listSql = () => sql.join(list.map(param), sql`, `);
  const column = operand.expression;
  switch (operator) {
    case 'isEmpty':
      if (field.type === 'tags') return sql`(cardinality(${column}) = 0)`;
      return isText ? sql`(${column} is null or ${column} = '')` : sql`(${column} is null)`;
    case 'isNotEmpty':
      if (field.type === 'tags') return sql`(cardinality(${column}) > 0)`;
      return isText ? sql`(${column} is not null and ${column} <> '')` : sql`(${column} is not null)`;
    case 'eq':
      return sql`(${subject} = ${param(value as FilterScalar)})`;
    case 'neq':
      return sql`(${column} is null or ${subject} <> ${param(value as FilterScalar)})`;
    case 'in':
      return sql`(${subject} in (${listSql()}))`;
    case 'nin':
      return sql`(${column} is null or ${subject} not in (${listSql()}))`;
    case 'gt':
      return sql`(${subject} > ${param(value as FilterScalar)})`;
    case 'gte':
      return sql`(${subject} >= ${param(value as FilterScalar)})`;
    case 'lt':
      return sql`(${subject} < ${param(value as FilterScalar)})`;
    case 'lte':
      return sql`(${subject} <= ${param(value as FilterScalar)})`;
    case 'between':
      return sql`(${subject} between ${param(list[0]!)} and ${param(list[1]!)})`;
    // strpos and starts_with take the needle as data, so % and _ need no escaping.
    case 'contains':
      return sql`(strpos(${subject}, ${param(value as string)}) > 0)`;
    case 'startsWith':
      return sql`starts_with(${subject}, ${param(value as string)})`;
    case 'hasAny':
      return sql`exists (select 1 from unnest(${column}) as t(tag) where lower(t.tag) in (${sql.join(
        list.map((v) => sql`lower(${v}::text)`),
        sql`, `,
      )}))`;
    case 'hasAll':
      return sql`(${sql.join(
        list.map((v) => sql`exists (select 1 from unnest(${column}) as t(tag) where lower(t.tag) = lower(${v}::text))`),
        sql` and `,
      )})`;
    case 'withinNextDays':
      return sql`(${subject} between ${param(today)} and ${param(addDays(today, value as number))})`;
    case 'withinLastDays':
      return sql`(${subject} between ${param(addDays(today, -(value as number)))} and ${param(today)})`;
  }
}
