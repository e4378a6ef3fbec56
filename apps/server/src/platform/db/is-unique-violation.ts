import { findSqlError } from './find-sql-error';

/** True when a query failed on the named unique index (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const found = findSqlError(error, '23505');
  return found !== undefined && (found.constraint === undefined || found.constraint === constraint);
}
