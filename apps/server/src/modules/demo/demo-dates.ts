/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings in UTC. The demo works in whole days relative to
 * its reference date, so the data never depends on the machine's time zone.
 */
const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The same day `years` later; 29 February becomes 28 February in a common year, as contracts do. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * When an annual contract next renews: the first anniversary of `start` on or after `today`,
 * and never the start day itself.
 */
export function nextAnniversary(start: string, today: string): string {
  let years = Math.max(1, Number(today.slice(0, 4)) - Number(start.slice(0, 4)) - 1);
  let candidate = addYears(start, years);
  while (candidate < today) candidate = addYears(start, ++years);
  return candidate;
}

/** A timestamp on `date` at the given UTC hour and minute. */
export function atTime(date: string, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}
