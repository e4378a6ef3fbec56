import type { DateFormat } from '@northstar/contracts';

export type ParsedDate = { ok: true; date: string } | { ok: false; message: string };
export type ParsedTimestamp = { ok: true; timestamp: string } | { ok: false; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASH_DATE = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  // Day 0 of the next month is the last day of this one (leap years included).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function notADate(raw: string): ParsedDate {
  return { ok: false, message: `"${raw}" is not a date` };
}

/**
 * Reads a calendar date from a CSV cell into YYYY-MM-DD. ISO 8601 (a time part is dropped as
 * written, never shifted through a time zone) and 2025年3月31日 are always read; slash dates follow
 * `dateFormat`, and in `auto` only when day and month cannot be confused.
 */
export function parseCsvDate(raw: string, dateFormat: DateFormat): ParsedDate {
  const text = raw.trim();
  const iso = ISO_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(y, m, d) ? { ok: true, date: format(y, m, d) } : notADate(raw);
  }
  const slash = SLASH_DATE.exec(text);
  if (!slash) return notADate(raw);
  const [a, b, c] = [slash[1]!, slash[2]!, slash[3]!];
  if (a.length === 4) {
    // 2025/03/31 is year-first whatever the format says: no country writes year-day-month.
    const [y, m, d] = [Number(a), Number(b), Number(c)];
    return isRealDate(y, m, d) ? { ok: true, date: format(y, m, d) } : notADate(raw);
  }
  if (c.length !== 4) return { ok: false, message: `"${raw}" is not a date (write the year with 4 digits)` };
  const [first, second, year] = [Number(a), Number(b), Number(c)];
  let order: 'mdy' | 'dmy';
  if (dateFormat === 'mdy' || dateFormat === 'dmy') order = dateFormat;
  else if (dateFormat === 'ymd') return { ok: false, message: `"${raw}" is not a date in the year-month-day format` };
  else if (first > 12 && second <= 12) order = 'dmy';
  else if (second > 12 && first <= 12) order = 'mdy';
  else if (first === second) order = 'dmy';
  else if (first > 12 && second > 12) return notADate(raw);
  else {
    return {
      ok: false,
      message: `"${raw}" is ambiguous (day/month or month/day): pass --date-format dmy or mdy (dateFormat in the API)`,
    };
  }
  const [month, day] = order === 'mdy' ? [first, second] : [second, first];
  return isRealDate(year, month, day) ? { ok: true, date: format(year, month, day) } : notADate(raw);
}

/**
 * Reads a point in time into an ISO timestamp (UTC). A date alone, or a time without a zone,
 * is taken as UTC: CSV files from CRMs rarely say which zone they meant.
 */
export function parseCsvTimestamp(raw: string, dateFormat: DateFormat): ParsedTimestamp {
  const text = raw.trim();
  const iso = ISO_DATE.exec(text);
  if (iso && iso[4] !== undefined) {
    const date = parseCsvDate(text.slice(0, 10), 'auto');
    if (!date.ok) return { ok: false, message: `"${raw}" is not a date and time` };
    const [h, min, s] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    if (h > 23 || min > 59 || s > 59) return { ok: false, message: `"${raw}" is not a date and time` };
    const zone = iso[8] ? (iso[8].toUpperCase() === 'Z' ? 'Z' : iso[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
    const fraction = iso[7] ? iso[7].slice(0, 4) : '';
    const instant = new Date(`${date.date}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${fraction}${zone}`);
    if (Number.isNaN(instant.getTime())) return { ok: false, message: `"${raw}" is not a date and time` };
    return { ok: true, timestamp: instant.toISOString() };
  }
  const date = parseCsvDate(text, dateFormat);
  if (!date.ok) return date;
  return { ok: true, timestamp: `${date.date}T00:00:00.000Z` };
}
