/**
 * Calendar days (UTC, both inclusive) as a half-open range of instants: [from 00:00, day after
 * `to` 00:00). Undefined ends stay open.
 */
export function calculateDayRange(from: string | undefined, to: string | undefined): { start?: Date; end?: Date } {
  const range: { start?: Date; end?: Date } = {};
  if (from) range.start = new Date(`${from}T00:00:00.000Z`);
  if (to) range.end = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000);
  return range;
}
