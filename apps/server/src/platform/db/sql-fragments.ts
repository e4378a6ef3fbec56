import { sql, type SQL } from 'drizzle-orm';

// Times leave PostgreSQL as UTC ISO text: both engines then hand back the same string (pg gives
// Date objects, PGlite its own), and cursors keep the microseconds a JavaScript Date would drop.

/** A timestamptz as 'YYYY-MM-DDTHH:MM:SS.mmmZ', ready for `new Date()` or an API field. */
export const isoMillis = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A timestamptz to the microsecond, for keyset cursors that must not skip or repeat rows. */
export const isoMicros = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `a, b, c` as bound parameters, for `IN (...)`; callers guard against an empty list. */
export const paramList = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Bound uuid parameters for `IN (...)`. */
export const uuidList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  );

/** Conditions joined by AND; `true` when there are none. */
export const allOf = (conditions: readonly SQL[]) => (conditions.length ? sql.join([...conditions], sql` AND `) : sql`true`);
