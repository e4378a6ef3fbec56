/**
 * A PostgreSQL snapshot of committed transactions, from `pg_current_snapshot()::text`
 * ("xmin:xmax:xip,xip,…"): transactions below xmin are finished, those from xmax on had not
 * started, and those listed in xip were in progress. Ids are 64-bit, kept as decimal strings.
 */
export type PgSnapshot = { xmin: string; xmax: string; inProgress: string[] };

const SNAPSHOT = /^(\d+):(\d+):((?:\d+(?:,\d+)*)?)$/;

export function parsePgSnapshot(text: string): PgSnapshot {
  const match = SNAPSHOT.exec(text.trim());
  if (!match) throw new Error(`not a pg_snapshot: ${JSON.stringify(text)}`);
  return { xmin: match[1]!, xmax: match[2]!, inProgress: match[3] ? match[3].split(',') : [] };
}
