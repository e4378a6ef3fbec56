const DAY_MS = 86_400_000;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * A reporting period of whole UTC days: `to` defaults to today, `from` to `defaultDays` before it.
 * Returns the days and the half-open range of instants [start, end) they cover, or the name of
 * the field at fault.
 */
export function calculatePeriod(
  query: { from?: string; to?: string },
  today: string,
  defaultDays: number,
): { from: string; to: string; start: Date; end: Date } | { problem: { field: 'from' | 'to'; message: string } } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -defaultDays);
  if (from > to) return { problem: { field: 'to', message: 'must not be before from' } };
  return { from, to, start: new Date(`${from}T00:00:00.000Z`), end: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) };
}
