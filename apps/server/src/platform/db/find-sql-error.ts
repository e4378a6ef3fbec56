/**
 * The PostgreSQL error with SQLSTATE `code` behind `error`, if any. Drizzle wraps driver errors,
 * so it may sit in `cause`; pg and PGlite both report the SQLSTATE as `code`.
 */
export function findSqlError(error: unknown, code: string): { code: string; constraint?: unknown } | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown };
    if (candidate.code === code) return candidate as { code: string; constraint?: unknown };
  }
  return undefined;
}
