/** Calendar-date arithmetic on YYYY-MM-DD strings, in UTC so no local offset can shift a day. */

const DAY_MS = 24 * 3600 * 1000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when to < from). */
export function countDays(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1);
}

/** Every date from `from` to `to`, both included. */
export function listDates(from: string, to: string): string[] {
  return Array.from({ length: countDays(from, to) }, (_, i) => addDays(from, i));
}

/** [from, to] cut into consecutive inclusive chunks of at most `size` days. */
export function calculateDateChunks(from: string, to: string, size: number): { from: string; to: string }[] {
  const chunks: { from: string; to: string }[] = [];
  for (let start = from; countDays(start, to) > 0; start = addDays(start, size)) {
    const end = addDays(start, size - 1);
    chunks.push({ from: start, to: countDays(end, to) > 0 ? end : to });
  }
  return chunks;
}

/** ISO weekday index, Monday = 0 … Sunday = 6, of a calendar date. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Today's calendar date in an IANA time zone. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
