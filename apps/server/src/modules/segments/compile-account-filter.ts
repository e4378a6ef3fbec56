import { and, eq } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { customFieldDefinitions } from '../accounts/accounts.schema';
import { compileFilterToSql, type MetricColumnMap } from './compile-filter-to-sql';
import { buildFilterFieldCatalogue, type FilterField, type FilterGroup } from './filter-expression';
import { buildUsageMetricColumns } from './usage-metric-columns';
import { parseFilterExpression } from './validate-filter-expression';

/**
 * Metrics with no table behind them yet read as empty (null), the same as the in-memory evaluator
 * treats a missing metric. TODO(#5): the health module maps health/healthBand; until then
 * `metric.health lt 40` matches nobody. Usage metrics come from buildUsageMetricColumns.
 */
const METRIC_COLUMNS: MetricColumnMap = {
  health: sql`(null::numeric)`,
  healthBand: sql`(null::text)`,
};

/** Every field a workspace can filter accounts on: columns, its account custom fields, metrics. */
export async function loadFilterCatalogue(db: Db, workspaceId: string): Promise<Map<string, FilterField>> {
  const fields = await db
    .select({ key: customFieldDefinitions.key, type: customFieldDefinitions.type, options: customFieldDefinitions.options })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.entity, 'account')));
  return buildFilterFieldCatalogue(fields);
}

/** A checked expression, or VALIDATION_FAILED naming each problem by its path (`expression.conditions[0].value`). */
export function assertFilterExpression(
  input: unknown,
  catalogue: ReadonlyMap<string, FilterField>,
  field: string,
  location: string,
): FilterGroup {
  const parsed = parseFilterExpression(input, catalogue);
  if (parsed.problems) {
    const details = parsed.problems.map((p) => ({ field: p.path ? `${field}.${p.path}` : field, location, problem: p.problem }));
    throw new AppError('VALIDATION_FAILED', `Invalid filter: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details);
  }
  return parsed.expression;
}

/** A WHERE fragment over `accounts` for an untrusted expression (object, or JSON text from a query string). */
export async function compileAccountFilter(
  db: Db,
  workspaceId: string,
  input: unknown,
  options: { today: string; field?: string; location?: string },
): Promise<SQL> {
  const field = options.field ?? 'filter';
  const location = options.location ?? 'querystring';
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'Invalid filter: not JSON', [
        { field, location, problem: 'must be a JSON filter expression' },
      ]);
    }
  }
  const catalogue = await loadFilterCatalogue(db, workspaceId);
  const expression = assertFilterExpression(value, catalogue, field, location);
  const metricColumns = { ...METRIC_COLUMNS, ...buildUsageMetricColumns(options.today) };
  return compileFilterToSql(expression, { catalogue, today: options.today, metricColumns });
}
