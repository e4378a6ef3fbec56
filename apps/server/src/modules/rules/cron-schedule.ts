/**
 * Five-field cron (minute hour day-of-month month day-of-week), as pg-boss and crontab read it:
 * `*`, lists (`1,15`), ranges (`1-5`), steps (`*\/15`, `0-30/10`), month and weekday names
 * (`JAN`, `MON`); weekday 0 and 7 are Sunday. When both day fields are restricted, a day matching
 * either one fires (crontab's rule). Evaluated in an IANA time zone.
 */
export type CronSchedule = {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type FieldSpec = { name: string; min: number; max: number; names?: string[]; namesStart?: number };
const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesStart: 1 },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS, namesStart: 0 },
];

function parseValue(text: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (spec.namesStart ?? 0);
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : undefined;
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return `${spec.name}: step "${stepText}" must be a positive whole number`;
    let from: number | undefined;
    let to: number | undefined;
    if (range === '*') [from, to] = [spec.min, spec.max];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [parseValue(a, spec), parseValue(b, spec)];
    } else {
      from = parseValue(range, spec);
      to = stepText === undefined ? from : spec.max;
    }
    if (from === undefined || to === undefined || from > to)
      return `${spec.name}: "${part}" is not a value or range in ${spec.min}-${spec.max}`;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** The schedule, or a sentence saying what is wrong with the expression. */
export function parseCronExpression(expression: string): CronSchedule | { problem: string } {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return { problem: 'needs five fields: minute hour day-of-month month day-of-week' };
  const sets: Set<number>[] = [];
  for (const [i, spec] of FIELDS.entries()) {
    const parsed = parseField(parts[i]!, spec);
    if (typeof parsed === 'string') return { problem: parsed };
    sets.push(parsed);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (daysOfWeek.has(7)) daysOfWeek.add(0);
  return { minutes, hours, daysOfMonth, months, daysOfWeek, domRestricted: parts[2] !== '*', dowRestricted: parts[4] !== '*' };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a time zone. */
function localParts(at: Date, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour),
    day: Number(parts.day),
    month: Number(parts.month),
    weekday: WEEKDAYS.indexOf(String(parts.weekday).toUpperCase().slice(0, 3)),
  };
}

/** Whether the schedule fires in the minute starting at `at` (wall clock in `timeZone`). */
export function isCronTick(schedule: CronSchedule, at: Date, timeZone: string): boolean {
  const t = localParts(at, timeZone);
  if (!schedule.minutes.has(t.minute) || !schedule.hours.has(t.hour) || !schedule.months.has(t.month)) return false;
  const dom = schedule.daysOfMonth.has(t.day);
  const dow = schedule.daysOfWeek.has(t.weekday);
  if (schedule.domRestricted && schedule.dowRestricted) return dom || dow;
  return dom && dow;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const MINUTE = 60_000;
/** Ticks further back or ahead than this are not searched (a month of minutes, ~45k checks). */
export const CRON_SEARCH_DAYS = 31;

/** The latest tick in (after, until], minute-aligned, or undefined; looks back at most CRON_SEARCH_DAYS. */
export function findLatestCronTick(schedule: CronSchedule, timeZone: string, after: Date, until: Date): Date | undefined {
  const floor = Math.max(after.getTime(), until.getTime() - CRON_SEARCH_DAYS * 86_400_000);
  for (let t = Math.floor(until.getTime() / MINUTE) * MINUTE; t > floor; t -= MINUTE) {
    if (isCronTick(schedule, new Date(t), timeZone)) return new Date(t);
  }
  return undefined;
}

/** The first tick after `from`, within CRON_SEARCH_DAYS, or undefined. */
export function findNextCronTick(schedule: CronSchedule, timeZone: string, from: Date): Date | undefined {
  const start = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE;
  const end = start + CRON_SEARCH_DAYS * 86_400_000;
  for (let t = start; t < end; t += MINUTE) {
    if (isCronTick(schedule, new Date(t), timeZone)) return new Date(t);
  }
  return undefined;
}
