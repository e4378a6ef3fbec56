import { Value } from 'typebox/value';
import { ExportAccountsQuerySchema, type ExportAccountsQuery } from '@northstar/contracts';
import { AppError } from '@northstar/server';

// Filters that may repeat (tier=S --filter tier=A) become lists, as in the list query string.
const LIST_KEYS = new Set(['tier', 'stage', 'status', 'industry', 'tag', 'ownerId']);
const SCALAR_KEYS = new Set(['q', 'externalId', 'renewalFrom', 'renewalTo', 'sort', 'deleted']);

function invalid(problem: string, field = '--filter'): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid --filter: ${problem}`, [{ field, problem }]);
}

/**
 * Reads `--filter key=value` options into the account list's query. `owner=email` is returned
 * apart, for the caller to resolve to a member id. Throws with the offending filter named.
 */
export function parseExportFilters(entries: readonly string[]): { query: Record<string, unknown>; ownerEmails: string[] } {
  const query: Record<string, unknown> = {};
  const ownerEmails: string[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw invalid(`"${entry}" must look like key=value`);
    const key = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if (key === 'owner') ownerEmails.push(value);
    else if (LIST_KEYS.has(key)) query[key] = [...((query[key] as string[] | undefined) ?? []), value];
    else if (key === 'deleted') query.deleted = value === 'true' || value === 'yes' || value === '1';
    else if (SCALAR_KEYS.has(key)) query[key] = value;
    else throw invalid(`unknown filter "${key}" (use q, tier, stage, status, industry, tag, owner, externalId, renewalFrom, renewalTo, sort, deleted)`);
  }
  return { query, ownerEmails };
}

/** Checks the final query against the API's schema, so the CLI refuses what the API refuses. */
export function assertExportQuery(query: Record<string, unknown>): ExportAccountsQuery {
  const [first] = Value.Errors(ExportAccountsQuerySchema, query);
  if (first) {
    const field = first.instancePath.split('/')[1] || '--filter';
    const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
    throw invalid(allowed ? `${field} must be one of ${allowed.join(', ')}` : `${field} ${first.message}`, field);
  }
  return query as ExportAccountsQuery;
}
