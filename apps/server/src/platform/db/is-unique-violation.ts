/**
 * True when a query failed on the named unique index. Drizzle wraps driver errors, so the
 * PostgreSQL error may sit in `cause`; both pg and PGlite report SQLSTATE 23505 and the index.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown };
    if (candidate.code === '23505') return candidate.constraint === undefined || candidate.constraint === constraint;
  }
  return false;
}
