import { and, eq } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { accounts, customFieldDefinitions } from '../accounts/accounts.schema';
import { compileFilterToSql, type MetricColumnMap } from './compile-filter-to-sql';
import { buildFilterFieldCatalogue, type FilterField, type FilterGroup } from './filter-expression';
import { buildUsageMetricColumns } from './usage-metric-columns';
import { parseFilterExpression } from './validate-filter-expression';

/**
 * Health metrics read the account's latest daily snapshot (modules/health): one backward probe of
 * the snapshots' primary key (workspace_id, account_id, date) per candidate account. An account
 * never scored, or scored without data, reads as empty (null), as the in-memory evaluator treats
 * a missing metric. Usage metrics come from buildUsageMetricColumns.
 */
const latestHealth = (column: 'score' | 'band') =>
  sql`(select h.${sql.raw(column)} from health_snapshots h where h.workspace_id = ${accounts.workspaceId} and h.account_id = ${accounts.id} order by h.date desc limit 1)`;
const METRIC_COLUMNS: MetricColumnMap = {
  health: sql`(${latestHealth('score')})::numeric`,
  healthBand: latestHealth('band'),
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
