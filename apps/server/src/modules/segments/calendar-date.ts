const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Shape check only, the same one the SQL side makes on custom date values. */
export function isIsoDateShape(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

/** 'YYYY-MM-DD' naming a real day (rejects 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (!isIsoDateShape(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar day `days` after (or before, when negative) a 'YYYY-MM-DD' day. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function countDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
